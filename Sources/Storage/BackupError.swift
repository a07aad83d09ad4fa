import Foundation

/// A backup or a restore that could not go ahead, with the files involved.
public enum BackupError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The target file already exists; backups and restores never overwrite.
    case destinationExists(path: String)
    /// The file to back up or restore from does not exist.
    case sourceMissing(path: String)
    /// The file is not a sound SQLite database; `report` is what `integrity_check` (or SQLite) said.
    case damaged(path: String, report: String)
    /// Copying or moving the file failed.
    case fileOperationFailed(path: String, reason: String)

    /// A readable explanation with the files involved.
    public var description: String {
        switch self {
        case .destinationExists(let path):
            return "\(path) already exists; choose a new file or an empty data folder (nothing is overwritten)"
        case .sourceMissing(let path):
            return "There is no database at \(path)"
        case .damaged(let path, let report):
            return "\(path) is not a sound database: \(report)"
        case .fileOperationFailed(let path, let reason):
            return "Cannot write \(path): \(reason)"
        }
    }
}
