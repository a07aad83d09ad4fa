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
            // Only this conflict is skipped; `INSERT OR IGNORE` would also swallow a definition
            // that fails the json_valid check.
            try database.execute(literal: """
                INSERT INTO form_version (form_id, content_hash, definition, created_at)
                VALUES (\(formID), \(contentHash), \(definition), \(createdAt))
                ON CONFLICT (form_id, content_hash) DO NOTHING
                """)
            guard let saved = try FormVersion
                .filter(FormVersion.Columns.formID == formID && FormVersion.Columns.contentHash == contentHash)
                .fetchOne(database)
            else {
                throw StorageError.sqlite(
                    statement: "SELECT form_version", reason: "the form version just saved cannot be read back")
            }
            return saved
        }
    }

    /// The form version with this id, if any.
    public func formVersion(id: Int64) throws -> FormVersion? {
        try reading { database in
            try FormVersion.fetchOne(database, id: id)
        }
    }
}
