import Foundation

/// A stored response with its answers, as read back for pages and exports (no contact details).
public struct StoredResponse: Sendable, Hashable {
    /// The client-generated idempotency key.
    public var submissionID: String
    /// When the server received it (millisecond precision).
    public var receivedAt: Date
    /// When the client says it submitted.
    public var clientSubmittedAt: Date?
    /// Whether it arrived after the session closed.
    public var isLate: Bool
    /// The table (group) or device label.
    public var tableLabel: String?
    /// Question id → answer value as JSON text.
    public var answers: [String: String]

    /// Creates a stored response value.
    public init(
        submissionID: String,
        receivedAt: Date,
        clientSubmittedAt: Date?,
        isLate: Bool,
        tableLabel: String?,
        answers: [String: String]
    ) {
        self.submissionID = submissionID
        self.receivedAt = receivedAt
        self.clientSubmittedAt = clientSubmittedAt
        self.isLate = isLate
        self.tableLabel = tableLabel
        self.answers = answers
    }
}
