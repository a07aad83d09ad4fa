import Foundation
import GRDB

/// One purge of old responses, as the retention log keeps it (a row of `retention_event`).
public struct RetentionEvent: Sendable, Hashable, Codable {
    /// Row id; nil for an event not yet stored.
    public var id: Int64?
    /// When the purge ran.
    public var at: Date
    /// Who ran it: an account's e-mail, or `cli`.
    public var actor: String
    /// The cut-off: responses received before it were deleted.
    public var purgedBefore: Date
    /// How many responses went.
    public var responsesDeleted: Int

    /// A purge record.
    public init(id: Int64? = nil, at: Date, actor: String, purgedBefore: Date, responsesDeleted: Int) {
        self.id = id
        self.at = at
        self.actor = actor
        self.purgedBefore = purgedBefore
        self.responsesDeleted = responsesDeleted
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, at, actor
        case purgedBefore = "purged_before"
        case responsesDeleted = "responses_deleted"
    }
}

extension RetentionEvent: StoredRecord, MutablePersistableRecord {
    /// The table's name.
    public static let databaseTableName = "retention_event"

    /// Learns the row id SQLite gave the event.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
