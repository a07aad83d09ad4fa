import Authentication
import Forms
import Foundation
import HTTPServer
import Storage

/// Retention rules: admins set them per form or per meeting; the meeting page shows what will be
/// deleted when. The `RetentionScheduler` applies them.
struct RetentionAPI: Sendable {
    let store: Store
    let sessions: SessionDirectory
    let library: FormLibrary

    /// `GET /api/staff/retention/rules` (admins): every rule.
    func rules(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let meetings = Dictionary(try store.sessions().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return .json(["rules": try store.retentionRules().map { rule in
            let session = rule.sessionID.flatMap { meetings[$0] }
            return RuleView(rule, sessionCode: session?.code, sessionTitle: session?.title)
        }])
    }

    /// `PUT /api/staff/retention/rules` `{"formId"|"session", "target", "amount", "unit"}` (admins):
    /// sets the rule for that form or meeting and target, replacing the one there was.
    func save(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let body = try RequestBody.decode(RuleBody.self, from: request)
        var problems: [FieldProblem] = []
        var session: Session?
        var formID: String?
        switch (body.formId.flatMap { $0.isEmpty ? nil : $0 }, body.session.flatMap { $0.isEmpty ? nil : $0 }) {
        case (let form?, nil):
            if (try? library.publishedForm(id: form)) == nil {
                problems.append(FieldProblem(field: "formId", da: "Der findes ikke et udgivet spørgeskema med id'et \(form).",
                                             en: "No published form has the id \(form)."))
            }
            formID = form
        case (nil, let code?):
            session = try? sessions.session(code: code)
            if session == nil {
                problems.append(FieldProblem(field: "session", da: "Der findes ikke et møde med koden \(code).", en: "No meeting has the code \(code)."))
            }
        default:
            problems.append(FieldProblem(field: "formId", da: "Vælg enten et spørgeskema (formId) eller et møde (session).",
                                         en: "Choose either a form (formId) or a meeting (session)."))
        }
        let target = body.target.flatMap(RetentionTarget.init(rawValue:))
        if target == nil {
            problems.append(FieldProblem(field: "target", da: "Vælg contacts (kontaktoplysninger) eller answers (svar).",
                                         en: "Choose contacts or answers."))
        }
        let unit = body.unit.flatMap(RetentionUnit.init(rawValue:))
        if unit == nil {
            problems.append(FieldProblem(field: "unit", da: "Vælg days (dage) eller months (måneder).", en: "Choose days or months."))
        }
        let range = RetentionRule.amountRange
        if body.amount.map({ !range.contains($0) }) ?? true {
            problems.append(FieldProblem(field: "amount", da: "Skriv et helt tal fra \(range.lowerBound) til \(range.upperBound).",
                                         en: "Enter a whole number from \(range.lowerBound) to \(range.upperBound)."))
        }
        guard problems.isEmpty, let target, let unit, let amount = body.amount else { throw AppError.invalidFields(problems) }
        let rule = RetentionRule(formID: formID, sessionID: session?.id, target: target, amount: amount, unit: unit, createdBy: identity.email)
        let event = AuditLog.event(
            actor: identity.email, action: "retention.rule.set", target: formID.map { "form \($0)" } ?? "session \(session?.code ?? "")",
            details: ["target": .string(target.rawValue), "amount": .number(Double(amount)), "unit": .string(unit.rawValue)])
        let saved = try store.saveRetentionRule(rule, audit: event)
        return .json(["rule": RuleView(saved, sessionCode: session?.code)])
    }

    /// `DELETE /api/staff/retention/rules/{id}` (admins).
    func delete(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let notFound = AppError.notFound(LocalizedText(da: "Reglen findes ikke (længere).", en: "The rule does not exist (any more)."))
        guard let id = Int64(request.pathParameters["id"] ?? "") else { throw notFound }
        let event = AuditLog.event(actor: identity.email, action: "retention.rule.delete", target: "rule \(id)")
        guard let deleted = try store.deleteRetentionRule(id: id, audit: event) else { throw notFound }
        return .json(["rule": RuleView(deleted, sessionCode: nil)])
    }

    /// `GET /api/staff/sessions/{code}/retention` (facilitators, admins): what will be deleted when,
    /// how much is stored now, and what the rules have deleted so far.
    func schedule(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let session = try sessions.session(code: request.pathParameters["code"] ?? "")
        let entries = RetentionRules.entries(for: session, rules: try store.retentionRules())
        let stored = (responses: try store.responseCount(sessionID: session.id), contacts: try store.contactCount(sessionID: session.id))
        return .json(ScheduleView(
            session: session.code, closedAt: session.closedAt.map(Timestamp.format),
            rules: entries.map { entry in
                ScheduleView.Entry(
                    rule: RuleView(entry.rule, sessionCode: entry.rule.sessionID == nil ? nil : session.code),
                    dueAt: entry.dueAt.map(Timestamp.format),
                    stored: entry.target == .contacts ? stored.contacts : stored.responses)
            },
            stored: .init(responses: stored.responses, contacts: stored.contacts),
            purges: try store.retentionEvents(sessionID: session.id).map(ScheduleView.Purge.init)))
    }
}

/// The body of `PUT /api/staff/retention/rules`.
private struct RuleBody: Decodable {
    let formId: String?
    let session: String?
    /// The meeting's title, for the admins' list of rules.
    let sessionTitle: String?
    let target: String?
    let amount: Int?
    let unit: String?
}

/// A rule as the pages see it.
private struct RuleView: Encodable {
    let id: Int64?
    let formId: String?
    let session: String?
    /// The meeting's title, for the admins' list of rules.
    let sessionTitle: String?
    let target: String
    let amount: Int
    let unit: String
    let createdAt: String
    let createdBy: String

    init(_ rule: RetentionRule, sessionCode: String?, sessionTitle: String? = nil) {
        id = rule.id
        formId = rule.formID
        session = sessionCode
        self.sessionTitle = sessionTitle
        target = rule.target.rawValue
        amount = rule.amount
        unit = rule.unit.rawValue
        createdAt = Timestamp.format(rule.createdAt)
        createdBy = rule.createdBy
    }
}

/// One meeting's retention: the rules in force with their due dates, and the purges so far.
private struct ScheduleView: Encodable {
    struct Entry: Encodable {
        let rule: RuleView
        /// When it falls due; null while the meeting is not closed.
        let dueAt: String?
        /// How many of what it deletes are stored now.
        let stored: Int
    }
    struct Counts: Encodable {
        let responses: Int
        let contacts: Int
    }
    struct Purge: Encodable {
        let at: String
        let target: String
        let responsesDeleted: Int
        let contactsDeleted: Int
        let rule: String?

        init(_ event: RetentionEvent) {
            at = Timestamp.format(event.at)
            target = event.target.rawValue
            responsesDeleted = event.responsesDeleted
            contactsDeleted = event.contactsDeleted
            rule = event.rule
        }
    }
    let session: String
    let closedAt: String?
    let rules: [Entry]
    let stored: Counts
    let purges: [Purge]
}
