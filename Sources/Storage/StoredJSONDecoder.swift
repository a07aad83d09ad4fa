import Foundation

/// GRDB's JSON decoder for a record's JSON column, reporting bad JSON as
/// `StorageError.invalidStoredValue` with the table and column (a bare `DecodingError` names neither).
///
/// `@unchecked Sendable`: the added properties are constants; the rest is `JSONDecoder`'s.
final class StoredJSONDecoder: JSONDecoder, @unchecked Sendable {
    /// The table the column belongs to.
    let table: String
    /// The JSON column being decoded.
    let column: String

    /// A decoder with GRDB's settings for JSON columns (base64 data, dates in milliseconds).
    init(table: String, column: String) {
        self.table = table
        self.column = column
        super.init()
        dataDecodingStrategy = .base64
        dateDecodingStrategy = .millisecondsSince1970
        nonConformingFloatDecodingStrategy = .throw
    }

    /// Decodes `data`, or throws `invalidStoredValue` for this column.
    override func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try super.decode(type, from: data)
        } catch {
            throw StorageError.invalidStoredValue(table: table, column: column, reason: "not JSON of the expected shape: \(error)")
        }
    }
}
