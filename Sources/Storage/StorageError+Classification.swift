import GRDB

extension StorageError {
    /// Turns any error thrown while using the database into a `StorageError`.
    ///
    /// `duringWrite` matters for SQLITE_CANTOPEN: while writing it means the journal or the
    /// file could not be opened for writing, which the App treats like a read-only database.
    init(classifying error: any Error, duringWrite: Bool) {
        if let storageError = error as? StorageError {
            self = storageError
            return
        }
        guard let databaseError = error as? DatabaseError else {
            self = .sqlite(statement: "", reason: String(describing: error))
            return
        }
        let reason = databaseError.message ?? "\(databaseError.resultCode)"
        switch databaseError.resultCode {
        case .SQLITE_FULL:
            self = .diskFull(reason: reason)
        case .SQLITE_READONLY:
            self = .readOnly(reason: reason)
        case .SQLITE_CANTOPEN where duringWrite:
            self = .readOnly(reason: reason)
        default:
            self = .sqlite(statement: databaseError.sql ?? "", reason: reason)
        }
    }

    /// Whether an error concerns only the submission being stored (a constraint it broke),
    /// as opposed to the database as a whole (full, read-only, I/O, aborted transaction).
    static func concernsOnlyOneSubmission(_ error: any Error) -> Bool {
        if error is StorageError {
            return true
        }
        guard let databaseError = error as? DatabaseError else {
            return false
        }
        switch databaseError.resultCode {
        case .SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_MISMATCH, .SQLITE_RANGE:
            return true
        default:
            return false
        }
    }
}
