import Foundation
import GRDB

/// What a retention rule deletes.
public enum RetentionTarget: String, Sendable, Hashable, Codable, CaseIterable, DatabaseValueConvertible {
    /// The contact details (the answers stay).
    case contacts
    /// The responses: answers, and contact details with them.
    case answers
}

/// The unit of a rule's delay.
public enum RetentionUnit: String, Sendable, Hashable, Codable, CaseIterable, DatabaseValueConvertible {
    /// Calendar days.
    case days
    /// Calendar months.
    case months
}

/// "Delete `target` `amount` `unit` after the meeting closes", for every meeting on a form or for
/// one meeting (a row of `retention_rule`). A meeting's own rule wins over its form's for the same target.
public struct RetentionRule: Sendable, Hashable, Codable {
    /// Row id; nil for a rule not yet stored.
    public var id: Int64?
    /// The form whose meetings it covers (exactly one of `formID` and `sessionID` is set).
    public var formID: String?
    /// The one meeting it covers.
    public var sessionID: Int64?
    /// What it deletes.
    public var target: RetentionTarget
    /// How long after the close.
    public var amount: Int
    /// In what unit.
    public var unit: RetentionUnit
    /// When it was set.
    public var createdAt: Date
    /// Who set it.
    public var createdBy: String

    /// A rule.
    public init(
        id: Int64? = nil, formID: String? = nil, sessionID: Int64? = nil, target: RetentionTarget, amount: Int,
        unit: RetentionUnit, createdAt: Date = Date(), createdBy: String
    ) {
        self.id = id
        self.formID = formID
        self.sessionID = sessionID
        self.target = target
        self.amount = amount
        self.unit = unit
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// The longest delay a rule may have, in either unit (the table checks it too).
    public static let amountRange = 0...3650

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case formID = "form_id"
        case sessionID = "session_id"
        case target, amount, unit
        case createdAt = "created_at"
        case createdBy = "created_by"
    }
}

extension RetentionRule: StoredRecord, MutablePersistableRecord {
    /// The table's name.
    public static let databaseTableName = "retention_rule"

    /// Columns for the query interface (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let formID = Column(CodingKeys.formID)
        static let sessionID = Column(CodingKeys.sessionID)
        static let target = Column(CodingKeys.target)
    }

    /// Learns the row id SQLite gave the rule.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
