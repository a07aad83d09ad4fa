import Authentication
import Forms
import Foundation
import HTTPServer
import Storage

/// What facilitators do with dialogue meetings: create, open, close, watch answers arrive.
struct StaffSessionsAPI: Sendable {
    let library: FormLibrary
    let store: Store
    let sessions: SessionDirectory
    let passwords: PasswordWork
    let address: PublicAddress

    /// `GET /api/staff/session-settings`: the rules for a meeting's settings, so the pages check
    /// and explain what the server checks, with the same numbers.
    func settings(_ request: Request) -> Response {
        .json(SettingsView())
    }

    /// `GET /api/staff/sessions`: every session, newest first, with its response count.
    func list(_ request: Request) throws -> Response {
        let summaries = try store.responseSummaries()
        let base = try address.baseURL(for: request)
        return .json(["sessions": try store.sessions().map { session in
            let summary = summaries[session.id]
            return SessionView(session, form: try? sessions.form(for: session), responseCount: summary?.count ?? 0,
                               lastResponseAt: summary?.lastReceivedAt, baseURL: base)
        }])
    }

    /// `GET /api/staff/sessions/{code}`.
    func detail(_ request: Request) throws -> Response {
        .json(["session": try view(of: try session(in: request), request: request)])
    }

    /// `POST /api/staff/sessions`: a new meeting in draft, with its kiosk PIN shown once.
    func create(_ request: Request, _ identity: StaffIdentity) async throws -> Response {
        let body = try RequestBody.decode(NewSessionBody.self, from: request)
        var problems: [FieldProblem] = []
        let formID = body.formId ?? ""
        let published = try? library.publishedForm(id: formID)
        if published == nil {
            problems.append(FieldProblem(field: "formId", da: "Vælg et udgivet spørgeskema.", en: "Choose a published form."))
        }
        let title = (body.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 {
            problems.append(FieldProblem(field: "title", da: "Skriv en titel på 1–200 tegn.", en: "Write a title of 1–200 characters."))
        }
        let place = body.place?.trimmingCharacters(in: .whitespacesAndNewlines)
        var startsAt: Date?
        if let text = body.startsAt, !text.isEmpty {
            startsAt = MeetingTimeParser.parse(text)
            if startsAt == nil {
                problems.append(FieldProblem(field: "startsAt", da: "Skriv dato og klokkeslæt som 2026-12-03T18:30.",
                                             en: "Use a date and time like 2026-12-03T18:30."))
            }
        }
        let tables = tableNames(body.tables ?? [], problems: &problems)
        let idleSeconds = body.idleSeconds ?? SessionSettings.defaultIdleTimeoutSeconds
        let pin = body.kioskPin.flatMap { $0.isEmpty ? nil : $0 } ?? SecretToken.numericPIN(digits: SessionSettings.kioskPinLengths.lowerBound)
        for problem in SessionSettings.problems(idleTimeoutSeconds: idleSeconds, kioskPin: pin) {
            problems.append(FieldProblem(problem))
        }
        guard problems.isEmpty, let (form, version) = published else { throw AppError.invalidFields(problems) }

        let session = try sessions.createSession(
            version: version, title: title, place: place?.isEmpty == true ? nil : place, startsAt: startsAt, tables: tables,
            status: .draft, idleTimeoutSeconds: idleSeconds, kioskPinHash: try await passwords.hash(pin),
            audit: { code in
                AuditLog.event(actor: identity.email, action: "session.create", target: code,
                               details: ["form": .string(form.id), "title": .string(title)])
            })
        return .json(CreatedSession(session: try view(of: session, request: request), kioskPin: pin), status: .created)
    }

    /// `POST /api/staff/sessions/{code}/open` and `/close`: draft → open → closed, nothing else.
    func transition(_ request: Request, _ identity: StaffIdentity, to target: SessionStatus) throws -> Response {
        let current = try session(in: request)
        let allowed = (current.status == .draft && target == .open) || (current.status == .open && target == .closed)
        guard allowed else {
            throw AppError.invalidTransition(code: current.code, from: current.status.rawValue, to: target.rawValue)
        }
        let updated = try store.updateStatus(
            code: current.code, to: target, at: Date(),
            audit: AuditLog.event(actor: identity.email, action: target == .open ? "session.open" : "session.close", target: current.code))
        return .json(["session": try view(of: updated, request: request)])
    }

    /// `GET /api/staff/sessions/{code}/live`: what the live view polls.
    func live(_ request: Request) throws -> Response {
        let session = try session(in: request)
        let statistics = try store.responseStatistics(sessionID: session.id)
        return .json(LiveView(
            status: session.status.rawValue, responseCount: statistics.count,
            lastResponseAt: statistics.lastReceivedAt.map(Timestamp.format),
            perTable: statistics.perTable.map { .init(table: $0.table, count: $0.count) },
            recent: statistics.recent.map { .init(receivedAt: Timestamp.format($0.receivedAt), table: $0.tableLabel, late: $0.isLate) },
            freeText: try recentFreeText(of: session, language: RequestLanguage.of(request))))
    }

    /// The session the request's `{code}` names.
    func session(in request: Request) throws -> Session {
        try sessions.session(code: request.pathParameters["code"] ?? "")
    }

    /// A session as the staff pages see it, its tablet address based on the public address.
    func view(of session: Session, request: Request) throws -> SessionView {
        let statistics = try store.responseStatistics(sessionID: session.id, recentLimit: 1)
        return SessionView(session, form: try? sessions.form(for: session), responseCount: statistics.count,
                           lastResponseAt: statistics.lastReceivedAt, baseURL: try address.baseURL(for: request))
    }

    /// The table names trimmed, with a problem when they break the rules (empty, repeated, too many, too long).
    func tableNames(_ given: [String], problems: inout [FieldProblem]) -> [String] {
        let names = given.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if names.count != given.count || !SessionSettings.areValidTableNames(names) {
            let count = SessionSettings.maximumTableCount, length = SessionSettings.maximumTableNameLength
            problems.append(FieldProblem(
                field: "tables", da: "Højst \(count) forskellige borde, hver med et navn på 1–\(length) tegn.",
                en: "Up to \(count) different, non-empty table names of at most \(length) characters."))
        }
        return names
    }
}

/// The body of `POST /api/staff/sessions`; absent fields are reported together, field by field.
private struct NewSessionBody: Decodable {
    let formId: String?
    let title: String?
    let place: String?
    let startsAt: String?
    let tables: [String]?
    let idleSeconds: Int?
    let kioskPin: String?
}

extension FieldProblem {
    /// A kiosk setting's problem, named by the API's field.
    init(_ problem: SessionSettings.Problem) {
        let field = switch problem {
        case .idleTimeoutOutOfRange: "idleSeconds"
        case .invalidKioskPin: "kioskPin"
        }
        self.init(field: field, da: problem.danishReason, en: problem.englishReason)
    }
}

/// The body of `GET /api/staff/session-settings`.
private struct SettingsView: Encodable {
    struct Range: Encodable {
        let `default`: Int
        let min: Int
        let max: Int
    }
    struct Lengths: Encodable {
        let minLength: Int
        let maxLength: Int
    }
    struct Tables: Encodable {
        let maximum: Int
        let maximumNameLength: Int
    }
    let idleSeconds = Range(
        default: SessionSettings.defaultIdleTimeoutSeconds, min: SessionSettings.idleTimeoutRange.lowerBound,
        max: SessionSettings.idleTimeoutRange.upperBound)
    let kioskPin = Lengths(minLength: SessionSettings.kioskPinLengths.lowerBound, maxLength: SessionSettings.kioskPinLengths.upperBound)
    let tables = Tables(maximum: SessionSettings.maximumTableCount, maximumNameLength: SessionSettings.maximumTableNameLength)
}

private struct CreatedSession: Encodable {
    let session: SessionView
    let kioskPin: String
}

private struct LiveView: Encodable {
    struct TableCount: Encodable {
        let table: String?
        let count: Int
    }
    struct Arrival: Encodable {
        let receivedAt: String
        let table: String?
        let late: Bool
    }
    let status: String
    let responseCount: Int
    let lastResponseAt: String?
    let perTable: [TableCount]
    let recent: [Arrival]
    let freeText: [LiveFreeText]
}
