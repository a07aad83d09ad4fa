import Foundation
import GRDB

/// The Borgerdialog database: one SQLite file in WAL mode, its schema, and the response writer.
///
/// Reads run concurrently on the pool's reader connections; session and form writes go through
/// the pool's single writer connection, serialized with the response writer's batches.
public final class Store: Sendable {
    /// The configuration the store was opened with.
    public let configuration: StorageConfiguration
    /// The names of the migrations this open applied (empty when the file was already current).
    public let migrationsAppliedAtOpen: [String]

    let pool: DatabasePool
    let writer: ResponseWriter
    /// Sessions read recently, for ``recentSession(code:)``.
    let recentSessions = SessionCache(lifetime: .seconds(1))

    /// Creates the data folder if needed, opens the database file and brings its schema up to date.
    public init(configuration: StorageConfiguration = StorageConfiguration()) throws {
        self.configuration = configuration
        let path = configuration.path
        do {
            try FileManager.default.createDirectory(
                atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw StorageError.cannotOpen(path: path, reason: error.localizedDescription)
        }

        var databaseConfiguration = Configuration()
        databaseConfiguration.label = "Borgerdialog.Storage"
        databaseConfiguration.foreignKeysEnabled = true
        databaseConfiguration.busyMode = .timeout(configuration.busyTimeout)
        do {
            pool = try DatabasePool(path: path, configuration: databaseConfiguration)
            // GRDB sets synchronous = NORMAL when it switches to WAL, after any prepareDatabase
            // hook, so FULL is set here on the writer connection (the only one that commits).
            // NORMAL could lose the last acknowledged answers on power loss.
            try pool.writeWithoutTransaction { database in
                try database.execute(sql: "PRAGMA synchronous = FULL")
            }
        } catch {
            throw StorageError.cannotOpen(path: path, reason: Self.reason(of: error))
        }

        let migrator = StorageSchema.makeMigrator()
        do {
            let appliedBefore = try pool.read { database in
                try migrator.appliedIdentifiers(database)
            }
            try migrator.migrate(pool)
            migrationsAppliedAtOpen = migrator.migrations.filter { !appliedBefore.contains($0) }
        } catch {
            try? pool.close()
            if let storageError = error as? StorageError {
                throw storageError
            }
            throw StorageError.migrationFailed(name: "(opening)", reason: Self.reason(of: error))
        }
        writer = ResponseWriter(pool: pool, maximumBatchSize: configuration.maximumBatchSize)
    }

    deinit {
        close()
    }

    /// The names of every migration the schema consists of, oldest first.
    public static var migrationNames: [String] {
        StorageSchema.makeMigrator().migrations
    }

    /// The full path of the database file.
    public var databasePath: String {
        configuration.path
    }

    /// Stores everything already submitted, folds the WAL into the database file and closes it.
    ///
    /// Blocks until the queued submissions are committed. Later calls do nothing; later
    /// submissions and reads fail with `StorageError.closed`.
    public func close() {
        guard writer.close() else {
            return
        }
        // Both are best effort: the WAL is already durable, and an unclosed pool is
        // released when the store is deallocated.
        _ = try? pool.writeWithoutTransaction { database in
            try database.checkpoint(.truncate)
        }
        try? pool.close()
    }

    /// Stores a submission and returns after the COMMIT that contains it.
    ///
    /// Returns `.duplicate`, storing nothing (not even contact details), when a submission with
    /// the same `submissionID` was stored before, whatever its content.
    public func submit(_ submission: NewSubmission) async throws -> SubmissionOutcome {
        try await writer.submit(submission).outcome
    }

    /// Stores a submission like ``submit(_:)`` and returns its receipt with the outcome (a
    /// duplicate's receipt is the first copy's).
    public func submitForReceipt(_ submission: NewSubmission) async throws -> SubmissionAcknowledgement {
        try await writer.submit(submission)
    }

    /// Stores a submission and calls `completion` after the COMMIT that contains it (or the failure),
    /// on the writer's thread; keep `completion` short, the next batch waits for it.
    public func submit(
        _ submission: NewSubmission,
        completion: @escaping @Sendable (Result<SubmissionAcknowledgement, StorageError>) -> Void
    ) {
        writer.submit(submission, completion: completion)
    }

    /// Runs a read on a reader connection, reporting failures as `StorageError`.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        try reportingStorageErrors(duringWrite: false) {
            try pool.read(body)
        }
    }

    /// Runs a write transaction on the writer connection, reporting failures as `StorageError`.
    ///
    /// Anything `body` throws rolls the whole transaction back, an audit event's insert included.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        try reportingStorageErrors(duringWrite: true) {
            try pool.write(body)
        }
    }

    private func reportingStorageErrors<T>(duringWrite: Bool, _ access: () throws -> T) throws -> T {
        guard !writer.isClosed else {
            throw StorageError.closed
        }
        do {
            return try access()
        } catch let refusal as any StoreRuleError {
            // A rule the store keeps (the last admin, a meeting's form once open) refused the change.
            throw refusal
        } catch {
            throw StorageError(classifying: error, duringWrite: duringWrite)
        }
    }

    private static func reason(of error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: error)
    }
}
