import Foundation

/// Where the database file lives and how the store behaves.
public struct StorageConfiguration: Sendable, Hashable {
    /// The folder that holds the database file; created when missing.
    public var dataDirectory: String
    /// The database file's name inside `dataDirectory`.
    public var fileName: String
    /// The most submissions the writer stores in one transaction.
    public var maximumBatchSize: Int
    /// How long a connection waits for a lock held by another process before failing, in seconds.
    public var busyTimeout: TimeInterval

    /// Creates a configuration; every value has a default fit for a single server.
    public init(
        dataDirectory: String = "./data",
        fileName: String = "borgerdialog.sqlite",
        maximumBatchSize: Int = 512,
        busyTimeout: TimeInterval = 5
    ) {
        self.dataDirectory = dataDirectory
        self.fileName = fileName
        self.maximumBatchSize = maximumBatchSize
        self.busyTimeout = busyTimeout
    }

    /// The full path of the database file.
    public var path: String {
        URL(fileURLWithPath: dataDirectory, isDirectory: true)
            .appendingPathComponent(fileName, isDirectory: false)
            .path
    }
}
