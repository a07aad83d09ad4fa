import Authentication
import Exports
import Forms
import Foundation
import HTTPServer
import Storage

/// A citizen's rights by their receipt, for admins: see exactly what was stored, and erase it.
///
/// Every lookup and erasure is in the audit log; an erasure's event holds counts, never content.
struct ReceiptsAPI: Sendable {
    let store: Store
    let sessions: SessionDirectory
    /// Told after an erasure, so nothing derived from the erased text stays (the semantic vectors).
    let erased: @Sendable () -> Void

    /// `GET /api/staff/receipts/{receipt}`: everything stored for the response (a data-access request).
    func lookup(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let receipt = try Self.receipt(in: request)
        guard let stored = try store.submission(receipt: receipt) else { throw Self.notFound(receipt) }
        guard let session = try store.session(id: stored.sessionID) else { throw Self.notFound(receipt) }
        let view = try StoredSubmissionView(stored, session: session, form: try? sessions.form(for: session))
        // The view is shown only once it is in the audit log: no unrecorded look at personal data.
        try store.recordAudit(AuditLog.event(actor: identity.email, action: "receipt.view", target: receipt.formatted,
                                             details: ["session": .string(session.code)]))
        return .json(view).withHeader("Cache-Control", "no-store")
    }

    /// `DELETE /api/staff/receipts/{receipt}`: erases the response, its answers and contact details.
    func erase(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let receipt = try Self.receipt(in: request)
        guard let stored = try store.submission(receipt: receipt), let session = try store.session(id: stored.sessionID) else {
            throw Self.notFound(receipt)
        }
        let event = AuditLog.event(actor: identity.email, action: "response.erase", target: receipt.formatted,
                                   details: ["session": .string(session.code)])
        guard let summary = try store.eraseResponse(receipt: receipt, audit: event, redaction: StoredAnalysis.redaction) else {
            throw Self.notFound(receipt)
        }
        erased()
        return .json(ErasureView(summary, receipt: receipt.formatted, session: session.code))
    }

    /// The receipt in the path, typed in any case, with or without the dash.
    static func receipt(in request: Request) throws -> ReceiptCode {
        let typed = request.pathParameters["receipt"] ?? ""
        guard let receipt = ReceiptCode(typed: typed) else {
            throw AppError.malformedRequest(reason: LocalizedText(
                da: "»\(typed)« er ikke en kvitteringskode: den har \(ReceiptCode.length) tegn (bogstaver og tal, uden 0, O, 1, I og L), fx K7MX-4QPA",
                en: "“\(typed)” is not a receipt code: it has \(ReceiptCode.length) characters (letters and digits without 0, O, 1, I and L), e.g. K7MX-4QPA"),
                field: "receipt")
        }
        return receipt
    }

    private static func notFound(_ receipt: ReceiptCode) -> AppError {
        .notFound(LocalizedText(
            da: "Der er ikke gemt et svar med kvitteringskoden \(receipt.formatted). Tjek koden; svaret kan også være slettet.",
            en: "No response with the receipt \(receipt.formatted) is stored. Check the code; the response may also have been erased."))
    }
}

/// What was stored for one receipt, as the access page shows it: meeting, times, every answer with
/// its question (in words and as stored), and the contact details.
struct StoredSubmissionView: Encodable {
    struct Meeting: Encodable {
        let code: String
        let title: String
        let place: String?
        let startsAt: String?
        let formId: String
        let formTitle: String?
    }

    struct Answer: Encodable {
        let questionId: String
        /// The question's Danish text (the id when the form no longer has it).
        let question: String
        /// The answer in Danish words.
        let answer: String
        /// The value exactly as stored (JSON).
        let value: String
    }

    struct Contact: Encodable {
        let name: String
        let email: String
        let consentText: String
        let givenAt: String
    }

    let receipt: String
    let session: Meeting
    let receivedAt: String
    let clientSubmittedAt: String?
    let late: Bool
    let table: String?
    let answers: [Answer]
    let contact: Contact?

    init(_ stored: StoredSubmission, session: Session, form: Form?) throws {
        receipt = stored.receipt.formatted
        self.session = Meeting(
            code: session.code, title: session.title, place: session.place, startsAt: session.startsAt.map(Timestamp.format),
            formId: session.formVersion.formID, formTitle: form?.title.text(in: .da))
        receivedAt = Timestamp.format(stored.receivedAt)
        clientSubmittedAt = stored.clientSubmittedAt.map(Timestamp.format)
        late = stored.isLate
        table = stored.tableLabel
        var remaining = stored.answers
        var answers: [Answer] = []
        for question in form?.questions ?? [] {
            guard let value = remaining.removeValue(forKey: question.id) else { continue }
            let decoded = try JSONValue(jsonText: value)
            answers.append(Answer(questionId: question.id, question: question.label.da,
                                  answer: AnswerWording.danishText(of: decoded, for: question), value: value))
        }
        // Answers the form does not describe (never expected) are shown as stored, not hidden.
        for (questionID, value) in remaining.sorted(by: { $0.key < $1.key }) {
            answers.append(Answer(questionId: questionID, question: questionID, answer: value, value: value))
        }
        self.answers = answers
        contact = stored.contact.map {
            Contact(name: $0.name, email: $0.email, consentText: $0.consentText, givenAt: Timestamp.format($0.createdAt))
        }
    }
}

/// The answer to an erasure: what went, by count.
struct ErasureView: Encodable {
    let status = "erased"
    let receipt: String?
    let session: String
    let responses: Int
    let answers: Int
    let contacts: Int

    init(_ summary: ErasureSummary, receipt: String?, session: String) {
        self.receipt = receipt
        self.session = session
        responses = summary.responses
        answers = summary.answers
        contacts = summary.contacts
    }
}
