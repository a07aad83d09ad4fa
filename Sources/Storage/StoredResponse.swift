import Foundation
import GRDB

/// A stored response with its answers, as read back for pages and exports (no contact details).
///
/// A row of `response`; `answers` come from the `answer` rows (``StoredAnswer``) and are filled
/// in by the store.
public struct StoredResponse: Sendable, Hashable, Decodable {
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
    public var answers: [String: String] = [:]

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

    /// The columns decoded; `answers` is not one of them.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case submissionID = "submission_id"
        case receivedAt = "received_at"
        case clientSubmittedAt = "client_submitted_at"
        case isLate = "is_late"
        case tableLabel = "table_label"
    }
}

extension StoredResponse: StoredRecord, TableRecord {
    /// The table's name.
    public static let databaseTableName = "response"

    /// Columns for the query interface, the row id and session included (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        static let id = Column("id")
        static let sessionID = Column("session_id")
        static let submissionID = Column(CodingKeys.submissionID)
        static let receivedAt = Column(CodingKeys.receivedAt)
        static let tableLabel = Column(CodingKeys.tableLabel)
    }
}
