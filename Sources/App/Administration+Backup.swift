import Foundation
import Storage

extension Administration {
    /// Writes a consistent snapshot of the data folder's database to a new file at `outputPath`.
    ///
    /// Safe while `serve` runs and takes answers (WAL: the copy is read from one snapshot and
    /// never blocks the server's writer). Refuses a data folder without a database, rather than
    /// creating an empty one and backing that up.
    public static func backup(configuration: AppConfiguration, outputPath: String) throws -> BackupSummary {
        let storage = configuration.storageConfiguration
        guard FileManager.default.fileExists(atPath: storage.path) else {
            throw BackupError.sourceMissing(path: storage.path)
        }
        let store = try Store(configuration: storage)
        defer { store.close() }
        return try store.backup(toPath: outputPath)
    }

    /// Brings a backup file into the (new) data folder of `configuration`, checks it, and opens it
    /// once so its schema is current; refuses a folder that already has a database.
    public static func restore(configuration: AppConfiguration, inputPath: String) throws -> BackupSummary {
        let storage = configuration.storageConfiguration
        let summary = try Store.restore(fromBackup: inputPath, into: storage)
        let store = try Store(configuration: storage)
        store.close()
        return summary
    }
}
