import Foundation
import GRDB

/// A GRDB record read from one of the store's tables.
///
/// A value that cannot be decoded (a file edited by hand, or damaged) comes out as
/// `StorageError.invalidStoredValue` naming the table and column: JSON columns through
/// ``StoredJSONDecoder``, everything else through ``Store/reading(_:_:)`` and
/// ``Store/writing(_:_:)``, which are told which records a closure decodes.
protocol StoredRecord: FetchableRecord, TableRecord {
    /// The names of the columns this record reads (its coding keys).
    static var columnNames: [String] { get }
}

extension StoredRecord {
    /// A JSON decoder that names this record's table and `column` when the text is not what it should be.
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder {
        StoredJSONDecoder(table: databaseTableName, column: column)
    }
}
