import Foundation
import GRDB

/// An analyst's correction of the themes, kept per form (a row of `theme_decision`).
public struct StoredThemeDecision: Sendable, Hashable, Identifiable, Codable {
    /// Row id.
    public var id: Int64
    /// The form it belongs to.
    public var formID: String
    /// The decision as JSON text (ThemeAnalysis's `ThemeDecision`).
    public var decision: String
    /// Who decided.
    public var decidedBy: String
    /// When.
    public var decidedAt: Date

    /// A decision as stored.
    public init(id: Int64, formID: String, decision: String, decidedBy: String, decidedAt: Date) {
        self.id = id
        self.formID = formID
        self.decision = decision
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case formID = "form_id"
        case decision
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
    }
}

extension StoredThemeDecision: StoredRecord, TableRecord {
    /// The table's name.
    public static let databaseTableName = "theme_decision"

    /// Columns for the query interface (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let formID = Column(CodingKeys.formID)
        /// Set when the decision is withdrawn; not part of the value, as only decisions in force are read.
        static let withdrawnAt = Column("withdrawn_at")
    }
}
