import Foundation
import GRDB

/// One staff action in the audit log: who did what to what, when (a row of `audit_event`).
public struct AuditEvent: Sendable, Hashable, Codable {
    /// Row id; nil for an event not yet stored.
    public var id: Int64?
    /// When it happened.
    public var at: Date
    /// Who: an account's e-mail, or `cli` for the command line.
    public var actor: String
    /// What, as a short verb phrase such as `session.open`.
    public var action: String
    /// What it was done to, e.g. a join code or an e-mail.
    public var target: String?
    /// Further facts as a JSON object text (the table checks it is JSON).
    public var details: String

    /// An event; `details` must be a JSON object text.
    public init(id: Int64? = nil, at: Date = Date(), actor: String, action: String, target: String? = nil, details: String = "{}") {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.details = details
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, at, actor, action, target, details
    }
}

extension AuditEvent: StoredRecord, MutablePersistableRecord {
    /// The table's name.
    public static let databaseTableName = "audit_event"

    /// Columns for the query interface (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let at = Column(CodingKeys.at)
        static let actor = Column(CodingKeys.actor)
        static let action = Column(CodingKeys.action)
    }

    /// Learns the row id SQLite gave the event.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
