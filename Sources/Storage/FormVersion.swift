import Foundation
import GRDB

/// One stored form definition: the exact JSON a session was opened with (a row of `form_version`).
public struct FormVersion: Sendable, Hashable, Identifiable, Codable {
    /// The row id; sessions refer to it.
    public var id: Int64
    /// The form's own identifier, as written in the form file.
    public var formID: String
    /// A hash of `definition`, computed by the caller; with `formID` it identifies the version.
    public var contentHash: String
    /// The full form definition as JSON text.
    public var definition: String
    /// When this version was first stored (millisecond precision).
    public var createdAt: Date

    /// Creates a form version value.
    public init(id: Int64, formID: String, contentHash: String, definition: String, createdAt: Date) {
        self.id = id
        self.formID = formID
        self.contentHash = contentHash
        self.definition = definition
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case formID = "form_id"
        case contentHash = "content_hash"
        case definition
        case createdAt = "created_at"
    }
}

extension FormVersion: StoredRecord, TableRecord {
    /// The table's name.
    public static let databaseTableName = "form_version"

    /// The columns a form version read selects (all of them, named).
    static let columnNames = CodingKeys.allCases.map(\.stringValue)

    /// The columns a form version read selects.
    public static var databaseSelection: [any SQLSelectable] {
        columnNames.map { Column($0) }
    }

    /// Columns for the query interface (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        static let formID = Column(CodingKeys.formID)
        static let contentHash = Column(CodingKeys.contentHash)
    }
}
