import Foundation
import GRDB

/// One purge of old responses or contact details, as the retention log keeps it (a row of `retention_event`).
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
    /// The meeting a rule purged (nil for a purge by date over every meeting).
    public var sessionID: Int64?
    /// What was purged: responses (`answers`), or only contact details.
    public var target: RetentionTarget
    /// How many contact details went (with their responses, or alone).
    public var contactsDeleted: Int
    /// The rule that caused it, in words (nil for a purge by date).
    public var rule: String?

    /// A purge record.
    public init(
        id: Int64? = nil, at: Date, actor: String, purgedBefore: Date, responsesDeleted: Int,
        sessionID: Int64? = nil, target: RetentionTarget = .answers, contactsDeleted: Int = 0, rule: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.purgedBefore = purgedBefore
        self.responsesDeleted = responsesDeleted
        self.sessionID = sessionID
        self.target = target
        self.contactsDeleted = contactsDeleted
        self.rule = rule
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, at, actor
        case purgedBefore = "purged_before"
        case responsesDeleted = "responses_deleted"
        case sessionID = "session_id"
        case target
        case contactsDeleted = "contacts_deleted"
        case rule
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
