import Foundation

/// What a backup or a restore wrote, for the command line to print.
public struct BackupSummary: Sendable, Equatable {
    /// The file written (the backup file, or the restored database file).
    public let path: String
    /// Its size in bytes.
    public let byteCount: Int64
    /// How many sessions it holds.
    public let sessionCount: Int
    /// How many responses it holds.
    public let responseCount: Int
    /// The result of `PRAGMA integrity_check` on the written file ("ok" when sound).
    public let integrityCheck: String
}
