import Foundation
import GRDB

extension Store {
    /// Every form with its draft and published versions, by id.
    public func formEntries() throws -> [FormEntry] {
        try reading { database in
            try FormRecord.order(Column("id")).fetchAll(database).map { try Self.entry(of: $0, in: database) }
        }
    }

    /// One form with its draft and published versions, if it exists.
    public func formEntry(id: String) throws -> FormEntry? {
        try reading { database in
            try FormRecord.fetchOne(database, key: id).map { try Self.entry(of: $0, in: database) }
        }
    }

    /// Stores a new form with its first draft; an id already in use throws `duplicateForm`.
    public func createForm(_ form: FormRecord, draft: FormDraft, audit: AuditEvent? = nil) throws -> FormEntry {
        try writing { database in
            guard try FormRecord.fetchOne(database, key: form.id) == nil else { throw StorageError.duplicateForm(id: form.id) }
            try form.insert(database)
            try draft.insert(database)
            try Self.insert(audit, into: database)
            return try Self.entry(of: form, in: database)
        }
    }

    /// Saves a form's draft, replacing the one before; the form must exist.
    public func saveDraft(_ draft: FormDraft, audit: AuditEvent? = nil) throws -> FormEntry {
        try writing { database in
            guard let form = try FormRecord.fetchOne(database, key: draft.formID) else {
                throw StorageError.formNotFound(id: draft.formID)
            }
            try draft.save(database)
            try Self.insert(audit, into: database)
            return try Self.entry(of: form, in: database)
        }
    }

    /// Throws away a form's draft; a form that was never published goes with it.
    ///
    /// Returns the form as it is afterwards, or nil when it is gone.
    public func discardDraft(formID: String, audit: AuditEvent? = nil) throws -> FormEntry? {
        try writing { database in
            guard let form = try FormRecord.fetchOne(database, key: formID) else { throw StorageError.formNotFound(id: formID) }
            _ = try FormDraft.deleteOne(database, key: formID)
            try Self.insert(audit, into: database)
            let publications = try FormPublication.filter(Column("form_id") == formID).fetchCount(database)
            if publications == 0 {
                _ = try form.delete(database)
                return nil
            }
            return try Self.entry(of: form, in: database)
        }
    }

    /// Publishes a definition as the form's next version and removes its draft.
    ///
    /// A definition identical to the newest publication publishes nothing new and returns that one.
    /// `audit` makes the event from the publication (its number is known only here), in the same transaction.
    public func publishForm(
        formID: String, contentHash: String, definition: String, at date: Date, by actor: String,
        audit: ((FormPublication) -> AuditEvent)? = nil
    ) throws -> FormPublication {
        try writing { database in
            guard try FormRecord.fetchOne(database, key: formID) != nil else { throw StorageError.formNotFound(id: formID) }
            let publication = try Self.publish(
                formID: formID, contentHash: contentHash, definition: definition, at: date, by: actor, in: database)
            _ = try FormDraft.deleteOne(database, key: formID)
            try Self.insert(audit?(publication), into: database)
            return publication
        }
    }

    /// Brings one library file into the database: a new form, a new version of a changed file, or nothing.
    ///
    /// A form staff made in the browser with the same id is never overwritten by a file.
    public func importLibraryForm(formID: String, contentHash: String, definition: String, at date: Date = Date()) throws -> LibraryImportOutcome {
        try writing { database in
            let existing = try FormRecord.fetchOne(database, key: formID)
            if existing?.origin == .own { return .idTakenByOwnForm }
            if existing == nil {
                try FormRecord(id: formID, origin: .library, createdAt: date, createdBy: Self.libraryActor).insert(database)
            }
            let newest = try Self.newestPublication(of: formID, in: database)
            let publication = try Self.publish(
                formID: formID, contentHash: contentHash, definition: definition, at: date, by: Self.libraryActor, in: database)
            if publication == newest { return .unchanged }
            return existing == nil ? .created(publication) : .newVersion(publication)
        }
    }

    /// The newest published version of a form, if it has one.
    public func latestPublishedVersion(formID: String) throws -> FormVersion? {
        try reading { database in
            guard let publication = try Self.newestPublication(of: formID, in: database) else { return nil }
            return try Self.formVersion(id: publication.formVersionID, in: database)
        }
    }

    /// Who the library's own publications are by.
    public static let libraryActor = "library"

    // MARK: - Inside transactions

    private static func publish(
        formID: String, contentHash: String, definition: String, at date: Date, by actor: String, in database: Database
    ) throws -> FormPublication {
        try database.execute(
            sql: """
                INSERT INTO form_version (form_id, content_hash, definition, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (form_id, content_hash) DO NOTHING
                """,
            arguments: [formID, contentHash, definition, date])
        guard let versionID = try Int64.fetchOne(
            database, sql: "SELECT id FROM form_version WHERE form_id = ? AND content_hash = ?", arguments: [formID, contentHash])
        else {
            throw StorageError.sqlite(statement: "INSERT INTO form_version", reason: "the version just saved cannot be read back")
        }
        let newest = try newestPublication(of: formID, in: database)
        if let newest, newest.formVersionID == versionID { return newest }
        var publication = FormPublication(
            formID: formID, formVersionID: versionID, number: (newest?.number ?? 0) + 1, publishedAt: date, publishedBy: actor)
        try publication.insert(database)
        return publication
    }

    private static func newestPublication(of formID: String, in database: Database) throws -> FormPublication? {
        try FormPublication.filter(Column("form_id") == formID).order(Column("number").desc).fetchOne(database)
    }

    private static func formVersion(id: Int64, in database: Database) throws -> FormVersion? {
        try FormVersion.fetchOne(database, id: id)
    }

    private static func entry(of form: FormRecord, in database: Database) throws -> FormEntry {
        let draft = try FormDraft.fetchOne(database, key: form.id)
        let publications = try FormPublication.filter(Column("form_id") == form.id).order(Column("number")).fetchAll(database)
        let versions = try publications.map { publication -> PublishedVersion in
            guard let version = try formVersion(id: publication.formVersionID, in: database) else {
                throw StorageError.formVersionNotFound(id: publication.formVersionID)
            }
            let codes = try String.fetchAll(
                database, sql: "SELECT code FROM session WHERE form_version_id = ? ORDER BY created_at, id",
                arguments: [publication.formVersionID])
            return PublishedVersion(publication: publication, version: version, sessionCodes: codes)
        }
        return FormEntry(form: form, draft: draft, versions: versions)
    }
}
