import Foundation
import GRDB

/// A GRDB record read from the store's tables.
///
/// A value that cannot be decoded (a file edited by hand, or damaged) comes out as
/// `StorageError.invalidStoredValue` naming the record's own table and the column, also when
/// the record is decoded as part of another (a session's form version), and JSON columns name
/// their column too (a bare `DecodingError` from `JSONDecoder` names neither).
protocol StoredRecord: FetchableRecord, Decodable {
    /// The table the record's columns come from, as errors name it.
    static var storedTableName: String { get }
}

extension StoredRecord where Self: TableRecord {
    /// A table record's columns come from its table.
    static var storedTableName: String { databaseTableName }
}

extension StoredRecord {
    /// Decodes the record as GRDB does, reporting a value it cannot decode with this record's table.
    public init(row: Row) throws {
        do {
            self = try FetchableRecordDecoder().decode(Self.self, from: row)
        } catch let error as RowDecodingError {
            throw StorageError(undecodable: error, table: Self.storedTableName)
        } catch let error as DecodingError {
            throw StorageError(undecodable: error, table: Self.storedTableName)
        }
    }

    /// A JSON decoder that names this record's table and `column` when the text is not what it should be.
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder {
        StoredJSONDecoder(table: storedTableName, column: column)
    }
}
