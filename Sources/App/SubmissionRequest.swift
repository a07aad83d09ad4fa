import Forms
import Foundation

/// The body of `POST /api/sessions/{code}/responses`, checked for shape (not yet against the form).
struct SubmissionRequest: Sendable {
    /// The client-generated idempotency key.
    let submissionID: String
    /// Question id → answer, as sent.
    let answers: [String: JSONValue]
    /// Optional contact details the citizen chose to leave.
    let contact: JSONValue?
    /// When the tablet says the citizen pressed submit (used to honour answers made offline before close).
    let clientSubmittedAt: Date?
    /// The table the tablet sits at, when the session uses tables.
    let tableLabel: String?
    /// The language the citizen saw, so the stored consent text is the one they agreed to.
    let language: Language

    /// Longest accepted submission id; UUIDs have 36 characters.
    static let maximumSubmissionIDLength = 128

    /// The most answers one submission may carry. The shipped forms ask at most a few dozen
    /// questions; without a cap, a body of tens of thousands of made-up question ids is answered
    /// with a 422 that lists every one of them, several times the size of the request.
    static let maximumAnswerCount = 1000

    /// Parses and shape-checks a request body.
    init(body: [UInt8]) throws(AppError) {
        let fields = try RequestBody.object(bytes: body)
        guard case .string(let submissionID)? = fields["submissionId"] else {
            throw .malformedRequest(reason: LocalizedText(da: "skal udfyldes og være en tekst", en: "is required and must be a string"),
                                    field: "submissionId")
        }
        guard Self.isAcceptableSubmissionID(submissionID) else {
            throw .malformedRequest(reason: LocalizedText(
                da: "skal være 8–\(Self.maximumSubmissionIDLength) bogstaver, cifre, '-' eller '_'",
                en: "must be 8–\(Self.maximumSubmissionIDLength) letters, digits, '-' or '_'"), field: "submissionId")
        }
        guard case .object(let answers)? = fields["answers"] else {
            throw .malformedRequest(reason: LocalizedText(
                da: "skal udfyldes og være et objekt af spørgsmåls-id → svar",
                en: "is required and must be an object of question id → answer"), field: "answers")
        }
        guard answers.count <= Self.maximumAnswerCount else {
            throw .malformedRequest(reason: LocalizedText(
                da: "indeholder \(answers.count) svar; en besvarelse kan højst have \(Self.maximumAnswerCount)",
                en: "holds \(answers.count) entries; a submission takes at most \(Self.maximumAnswerCount)"), field: "answers")
        }
        self.submissionID = submissionID
        self.answers = answers
        self.contact = fields["contact"].flatMap { $0 == .null ? nil : $0 }
        self.clientSubmittedAt = try Self.optionalDate(fields, field: "clientSubmittedAt")
        self.tableLabel = try Self.optionalString(fields, field: "table")
        self.language = try Self.optionalString(fields, field: "language").flatMap(Language.init(code:)) ?? .da
    }

    private static func isAcceptableSubmissionID(_ id: String) -> Bool {
        (8...maximumSubmissionIDLength).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                    || byte == 45 || byte == 95
            }
    }

    /// A short optional text field; empty counts as absent, and labels are capped at 200 characters.
    private static func optionalString(_ fields: [String: JSONValue], field: String) throws(AppError) -> String? {
        let text: String
        switch fields[field] {
        case nil, .null?: return nil
        case .string(let value)?: text = value
        default: throw .malformedRequest(reason: LocalizedText(da: "skal være en tekst", en: "must be a string"), field: field)
        }
        guard !text.isEmpty else { return nil }
        return String(text.prefix(200))
    }

    private static func optionalDate(_ fields: [String: JSONValue], field: String) throws(AppError) -> Date? {
        guard let text = try optionalString(fields, field: field) else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw .malformedRequest(reason: LocalizedText(da: "skal være et ISO 8601-tidspunkt", en: "must be an ISO 8601 date-time"),
                                    field: field)
        }
        return date
    }
}
