import Foundation
import GRDB

extension Store {
    /// Writes a consistent snapshot of the database to a new file at `path`, while writes go on.
    ///
    /// Uses SQLite's online backup API from a reader connection: the read transaction pins one
    /// WAL snapshot, so the copy holds exactly the transactions committed before it began (every
    /// submission acknowledged by then) and none half-done, and the writer is never blocked.
    /// The copy is made under a temporary name beside `path` and renamed only once complete and
    /// checked, so a crash never leaves a half-written file that looks like a backup.
    public func backup(toPath path: String) throws -> BackupSummary {
        guard !writer.isClosed else {
            throw StorageError.closed
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw BackupError.destinationExists(path: path)
        }
        let temporaryPath = Self.temporaryPath(beside: path)
        defer { Self.removeFiles(of: temporaryPath) }
        do {
            let destination = try DatabaseQueue(path: temporaryPath)
            try pool.backup(to: destination)
            // The copied header says WAL, like the source. Leaving WAL rewrites it to a rollback
            // journal, so the backup is one self-contained file that nothing needs a -wal for.
            try destination.writeWithoutTransaction { database in
                try database.execute(sql: "PRAGMA journal_mode = WAL")
                try database.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try destination.close()
        } catch {
            let reason = (error as? DatabaseError)?.message ?? String(describing: error)
            throw BackupError.fileOperationFailed(path: path, reason: reason)
        }
        let summary = try Self.inspect(path: temporaryPath, reportedPath: path)
        try Self.move(temporaryPath, to: path)
        return summary
    }

    /// Copies a backup file into `configuration`'s data folder as its database, after checking it.
    ///
    /// Refuses when that folder already has a database: a restore never overwrites answers.
    /// The schema is brought up to date by the next `Store` open, as for any older database.
    public static func restore(fromBackup backupPath: String, into configuration: StorageConfiguration) throws -> BackupSummary {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: backupPath) else {
            throw BackupError.sourceMissing(path: backupPath)
        }
        let destination = configuration.path
        for existing in [destination, destination + "-wal", destination + "-journal"] where fileManager.fileExists(atPath: existing) {
            throw BackupError.destinationExists(path: existing)
        }
        do {
            try fileManager.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw BackupError.fileOperationFailed(path: configuration.dataDirectory, reason: error.localizedDescription)
        }
        let temporaryPath = temporaryPath(beside: destination)
        defer { removeFiles(of: temporaryPath) }
        do {
            try fileManager.copyItem(atPath: backupPath, toPath: temporaryPath)
        } catch {
            throw BackupError.fileOperationFailed(path: temporaryPath, reason: error.localizedDescription)
        }
        let summary = try inspect(path: temporaryPath, reportedPath: destination)
        try move(temporaryPath, to: destination)
        return summary
    }

    /// Runs `integrity_check` and counts rows in the file at `path`; throws `.damaged` unless sound.
    ///
    /// Also flushes the file to disk (a write with `synchronous = FULL` would, but a copy does not).
    private static func inspect(path: String, reportedPath: String) throws -> BackupSummary {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            let (report, sessions, responses) = try queue.read { database in
                let report = try String.fetchAll(database, sql: "PRAGMA integrity_check").joined(separator: "; ")
                guard report == "ok" else {
                    return (report, 0, 0)
                }
                let sessions = try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM session") ?? 0
                let responses = try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM response") ?? 0
                return (report, sessions, responses)
            }
            guard report == "ok" else {
                throw BackupError.damaged(path: reportedPath, report: report)
            }
            try flushToDisk(path: path)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
            return BackupSummary(
                path: reportedPath, byteCount: size, sessionCount: sessions,
                responseCount: responses, integrityCheck: report)
        } catch let error as BackupError {
            throw error
        } catch {
            throw BackupError.damaged(path: reportedPath, report: (error as? DatabaseError)?.message ?? String(describing: error))
        }
    }

    /// Forces the file (or folder) at `path` to disk with fsync.
    private static func flushToDisk(path: String) throws {
        do {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CocoaError(.fileReadNoSuchFile)
            }
            defer { try? handle.close() }
            try handle.synchronize()
        } catch {
            throw BackupError.fileOperationFailed(path: path, reason: error.localizedDescription)
        }
    }

    /// Renames `source` to `destination` (same folder, so atomic), failing if `destination` appeared meanwhile.
    private static func move(_ source: String, to destination: String) throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw BackupError.destinationExists(path: destination)
        }
        guard rename(source, destination) == 0 else {
            throw BackupError.fileOperationFailed(path: destination, reason: String(cString: strerror(errno)))
        }
        // The rename itself is durable only once the folder is flushed.
        try? flushToDisk(path: URL(fileURLWithPath: destination).deletingLastPathComponent().path)
    }

    /// Removes a temporary database file with the -wal and -shm files SQLite may have made beside it.
    private static func removeFiles(of databasePath: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: databasePath + suffix)
        }
    }

    private static func temporaryPath(beside path: String) -> String {
        path + ".partial-\(UUID().uuidString.prefix(8))"
    }
}
