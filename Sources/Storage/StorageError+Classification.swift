import GRDB

extension StorageError {
    /// Turns any error thrown while using the database into a `StorageError`.
    ///
    /// `duringWrite` matters for SQLITE_CANTOPEN: while writing it means the journal or the
    /// file could not be opened for writing, which the App treats like a read-only database.
    ///
    /// Records decode through ``StoredRecord``, which names their table; a value decoded
    /// outside a record (a count, say) that fails is reported with the table unknown.
    init(classifying error: any Error, duringWrite: Bool) {
        if let storageError = error as? StorageError {
            self = storageError
            return
        }
        if let decodingError = error as? RowDecodingError {
            self = Self(undecodable: decodingError, table: "?")
            return
        }
        if let decodingError = error as? DecodingError {
            self = Self(undecodable: decodingError, table: "?")
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

    /// A value GRDB could not turn into a record's property: NULL where none may be, a text
    /// where a number belongs, a status no version of the code wrote.
    ///
    /// GRDB names the column only in its description, as `... - column: "status", column index: 6,
    /// row: [...], sql: ...`. The reason keeps the part before the column; the row is left out, as
    /// it may hold secrets (password hashes, tokens) that must not reach a log.
    init(undecodable error: RowDecodingError, table: String) {
        let description = String(describing: error)
        let located = description.firstMatch(of: #/ - column: "(?<column>[^"]+)", column index: \d+/#)
            ?? description.firstMatch(of: #/column not found: "(?<column>[^"]+)"/#)
        let column = located.map { String($0.output.column) } ?? "?"
        let end = description.range(of: " - column: ")?.lowerBound ?? description.range(of: " - row: ")?.lowerBound
        let reason = String(description[..<(end ?? description.endIndex)])
        self = .invalidStoredValue(table: table, column: column, reason: reason)
    }

    /// A Swift decoding failure inside a record (its coding path starts with the column).
    init(undecodable error: DecodingError, table: String) {
        let context: DecodingError.Context? = switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            context
        @unknown default:
            nil
        }
        let column = context?.codingPath.first?.stringValue ?? "?"
        self = .invalidStoredValue(table: table, column: column, reason: context?.debugDescription ?? String(describing: error))
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
