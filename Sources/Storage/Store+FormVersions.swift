import Foundation
import GRDB

extension Store {
    /// Stores a form definition, or returns the stored one when `(formID, contentHash)` is known.
    ///
    /// The hash identifies the version: a known pair returns the existing row unchanged, even if
    /// `definition` differs; a new hash gives a new version and older versions stay.
    public func saveFormVersion(
        formID: String,
        contentHash: String,
        definition: String,
        createdAt: Date = Date()
    ) throws -> FormVersion {
        try writing { database in
            try database.execute(
                sql: """
                    INSERT INTO form_version (form_id, content_hash, definition, created_at)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (form_id, content_hash) DO NOTHING
                    """,
                arguments: [formID, contentHash, definition, createdAt])
            let row = try Row.fetchOne(
                database,
                sql: "\(FormVersion.selection) WHERE form_id = ? AND content_hash = ?",
                arguments: [formID, contentHash])
            guard let row else {
                throw StorageError.sqlite(
                    statement: "SELECT form_version", reason: "the form version just saved cannot be read back")
            }
            return try FormVersion(row: row)
        }
    }

    /// The form version with this id, if any.
    public func formVersion(id: Int64) throws -> FormVersion? {
        try reading { database in
            try Row.fetchOne(database, sql: "\(FormVersion.selection) WHERE id = ?", arguments: [id])
                .map { try FormVersion(row: $0) }
        }
    }
}

extension FormVersion {
    /// The columns `init(row:)` reads.
    static let selection = "SELECT id, form_id, content_hash, definition, created_at FROM form_version"

    /// Reads a form version from a row with the columns of `selection`.
    init(row: Row) throws {
        self.init(
            id: try row.storedValue("id", of: "form_version"),
            formID: try row.storedValue("form_id", of: "form_version"),
            contentHash: try row.storedValue("content_hash", of: "form_version"),
            definition: try row.storedValue("definition", of: "form_version"),
            createdAt: try row.storedValue("created_at", of: "form_version"))
    }
}
