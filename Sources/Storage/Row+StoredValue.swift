import GRDB

extension Row {
    /// Decodes a column, reporting a missing or malformed value as `StorageError.invalidStoredValue`
    /// instead of stopping the process.
    func storedValue<Value: DatabaseValueConvertible>(
        _ column: String,
        of table: String,
        as type: Value.Type = Value.self
    ) throws -> Value {
        do {
            return try decode(type, forColumn: column)
        } catch {
            throw StorageError.invalidStoredValue(table: table, column: column, reason: String(describing: error))
        }
    }
}
