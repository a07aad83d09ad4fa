import Foundation

/// One citizen's submitted answers, as handed to the writer.
public struct NewSubmission: Sendable, Hashable {
    /// The client-generated idempotency key; a second submission with the same key stores nothing.
    public var submissionID: String
    /// The session the answers belong to.
    public var sessionID: Int64
    /// Question id → answer value as JSON text (must be valid JSON).
    public var answers: [String: String]
    /// When the server received the submission.
    public var receivedAt: Date
    /// When the client says it submitted, if it said so (offline tablets submit later).
    public var clientSubmittedAt: Date?
    /// Whether the submission arrived after the session closed.
    public var isLate: Bool
    /// The table (group) or device label, if known.
    public var tableLabel: String?
    /// Optional contact details, kept apart from the answers.
    public var contact: ContactDetails?

    /// Creates a submission.
    public init(
        submissionID: String,
        sessionID: Int64,
        answers: [String: String],
        receivedAt: Date = Date(),
        clientSubmittedAt: Date? = nil,
        isLate: Bool = false,
        tableLabel: String? = nil,
        contact: ContactDetails? = nil
    ) {
        self.submissionID = submissionID
        self.sessionID = sessionID
        self.answers = answers
        self.receivedAt = receivedAt
        self.clientSubmittedAt = clientSubmittedAt
        self.isLate = isLate
        self.tableLabel = tableLabel
        self.contact = contact
    }
}
