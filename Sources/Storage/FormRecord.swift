import Foundation
import GRDB

/// A form the service offers: shipped in the library (`Forms/`) or made by staff in the browser.
public struct FormRecord: Codable, Sendable, Hashable, StoredRecord, PersistableRecord {
    /// The table's name.
    public static let databaseTableName = "form"

    /// The form's id, as its definition's `id` says.
    public var id: String
    /// Where the form comes from.
    public var origin: FormOrigin
    /// When the form was first stored.
    public var createdAt: Date
    /// Who made it: an account's e-mail, or `library` for a shipped file.
    public var createdBy: String

    /// A form as stored.
    public init(id: String, origin: FormOrigin, createdAt: Date, createdBy: String) {
        self.id = id
        self.origin = origin
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    private enum CodingKeys: String, CodingKey {
        case id, origin, createdAt = "created_at", createdBy = "created_by"
    }
}

/// Where a form comes from, which decides who may change it.
public enum FormOrigin: String, Codable, Sendable, CaseIterable {
    /// Shipped as a file in `Forms/`: updated from the file, never edited in the browser.
    case library
    /// Made by staff in the browser (from scratch, a copy or an import).
    case own
}

/// A form's work in progress: the JSON definition as last saved, problems and all.
public struct FormDraft: Codable, Sendable, Hashable, StoredRecord, PersistableRecord {
    /// The table's name.
    public static let databaseTableName = "form_draft"

    /// The form it belongs to.
    public var formID: String
    /// The definition in the form file format (JSON text).
    public var definition: String
    /// When it was last saved.
    public var updatedAt: Date
    /// Who saved it last.
    public var updatedBy: String

    /// A draft as stored.
    public init(formID: String, definition: String, updatedAt: Date, updatedBy: String) {
        self.formID = formID
        self.definition = definition
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    private enum CodingKeys: String, CodingKey {
        case formID = "form_id", definition, updatedAt = "updated_at", updatedBy = "updated_by"
    }
}

/// A published version of a form: number `n` of the form points at one immutable form version.
public struct FormPublication: Codable, Sendable, Hashable, StoredRecord, MutablePersistableRecord {
    /// The table's name.
    public static let databaseTableName = "form_publication"

    /// Row id; nil until inserted.
    public var id: Int64?
    /// The form.
    public var formID: String
    /// The exact definition sessions opened on this publication use.
    public var formVersionID: Int64
    /// 1 for the first publication of the form, then 2, 3, …
    public var number: Int
    /// When it was published.
    public var publishedAt: Date
    /// Who published it: an account's e-mail, or `library`.
    public var publishedBy: String

    /// A publication as stored.
    public init(id: Int64? = nil, formID: String, formVersionID: Int64, number: Int, publishedAt: Date, publishedBy: String) {
        self.id = id
        self.formID = formID
        self.formVersionID = formVersionID
        self.number = number
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }

    /// Takes the row id the insert gave.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    private enum CodingKeys: String, CodingKey {
        case id, formID = "form_id", formVersionID = "form_version_id", number
        case publishedAt = "published_at", publishedBy = "published_by"
    }
}

/// One form with everything the form pages show: its draft, and each published version with the
/// sessions that use it.
public struct FormEntry: Sendable, Hashable {
    /// The form.
    public var form: FormRecord
    /// Its work in progress, if any.
    public var draft: FormDraft?
    /// Its publications, oldest first.
    public var versions: [PublishedVersion]

    /// The newest publication, if the form has been published.
    public var latest: PublishedVersion? { versions.last }
}

/// A publication with its definition and the join codes of the sessions that use it.
public struct PublishedVersion: Sendable, Hashable {
    /// The publication.
    public var publication: FormPublication
    /// The exact definition.
    public var version: FormVersion
    /// Join codes of the sessions opened on this version, oldest first.
    public var sessionCodes: [String]
}

/// What importing one library file did.
public enum LibraryImportOutcome: Sendable, Equatable {
    /// The form was new: it now has its first version.
    case created(FormPublication)
    /// The file changed: a new version was published.
    case newVersion(FormPublication)
    /// The file is as last imported.
    case unchanged
    /// Staff made a form with this id in the browser; the file is not imported over it.
    case idTakenByOwnForm
}
