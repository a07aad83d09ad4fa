/// Everything the store can fail with, each case carrying enough context to act on.
///
/// `diskFull` and `readOnly` mean the database cannot take writes at all right now; the App
/// answers those with 503 so clients keep their answers and retry.
public enum StorageError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The data folder or the database file could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// A schema migration failed; the database is left as it was before that migration.
    case migrationFailed(name: String, reason: String)
    /// No session has this join code.
    case sessionNotFound(code: String)
    /// Another session already has this join code.
    case duplicateCode(String)
    /// The disk (or the database's size limit) is full.
    case diskFull(reason: String)
    /// The database file or its folder cannot be written.
    case readOnly(reason: String)
    /// Any other SQLite failure, with the statement that failed.
    case sqlite(statement: String, reason: String)
    /// A submission names a session id that does not exist.
    case unknownSessionID(Int64)
    /// A session names a form version id that does not exist.
    case formVersionNotFound(id: Int64)
    /// An answer value is not valid JSON text.
    case invalidAnswer(questionID: String, reason: String)
    /// A stored value could not be read back (the file was edited by hand, or is damaged).
    case invalidStoredValue(table: String, column: String, reason: String)
    /// The store was closed; nothing more is accepted.
    case closed
    /// An account with this e-mail already exists.
    case duplicateAccount(email: String)
    /// A form with this id already exists.
    case duplicateForm(id: String)
    /// No form has this id.
    case formNotFound(id: String)

    /// A readable explanation with the context of the failure.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "Cannot open the database at \(path): \(reason)"
        case .migrationFailed(let name, let reason):
            return "Database migration \"\(name)\" failed: \(reason)"
        case .sessionNotFound(let code):
            return "No session has the code \"\(code)\""
        case .duplicateCode(let code):
            return "A session with the code \"\(code)\" already exists"
        case .diskFull(let reason):
            return "The disk is full; nothing was stored: \(reason)"
        case .readOnly(let reason):
            return "The database cannot be written; nothing was stored: \(reason)"
        case .sqlite(let statement, let reason):
            return statement.isEmpty
                ? "SQLite error: \(reason)"
                : "SQLite error: \(reason) (in: \(statement))"
        case .unknownSessionID(let id):
            return "No session has the id \(id)"
        case .formVersionNotFound(let id):
            return "No form version has the id \(id)"
        case .invalidAnswer(let questionID, let reason):
            return "The answer to question \"\(questionID)\" is not valid JSON: \(reason)"
        case .invalidStoredValue(let table, let column, let reason):
            return "A stored value in \(table).\(column) cannot be read: \(reason)"
        case .closed:
            return "The store is closed"
        case .duplicateAccount(let email):
            return "An account for \(email) already exists"
        case .duplicateForm(let id):
            return "A form with the id \"\(id)\" already exists"
        case .formNotFound(let id):
            return "No form has the id \"\(id)\""
        }
    }
}
