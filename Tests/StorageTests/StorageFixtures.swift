import Foundation
import GRDB
import XCTest
@testable import Storage

/// Temporary folders, stores and sample data shared by the storage tests.
extension XCTestCase {
    /// A new empty folder that is removed when the test ends.
    func makeTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("borgerdialog-storage-tests-\(UUID().uuidString)", isDirectory: true)
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock {
            try? FileManager.default.removeItem(atPath: path)
        }
        return path
    }

    /// A store in `directory` (a new temporary folder when nil), closed when the test ends.
    func makeStore(in directory: String? = nil, maximumBatchSize: Int = 512) throws -> Store {
        let configuration = StorageConfiguration(
            dataDirectory: try directory ?? makeTemporaryDirectory(),
            maximumBatchSize: maximumBatchSize)
        let store = try Store(configuration: configuration)
        addTeardownBlock {
            store.close()
        }
        return store
    }

    /// A stored form version and an open session using it.
    func makeOpenSession(in store: Store, code: String = "KERNE1") throws -> Session {
        let form = try store.saveFormVersion(
            formID: "faellesskab", contentHash: "hash-1", definition: #"{"id":"faellesskab","questions":[]}"#)
        return try store.createSession(NewSession(
            code: code, title: "Fællesskab er kernen", formVersionID: form.id, tables: ["Bord 1", "Bord 2"]))
    }

    /// A date on a whole second, so it survives the database's millisecond precision unchanged.
    func date(_ secondsSince2026: TimeInterval) -> Date {
        Date(timeIntervalSince1970: 1_767_225_600 + secondsSince2026)
    }
}

/// Holds the store's single writer connection busy so that submissions pile up in the queue,
/// which makes the batches a test sees deterministic.
final class WriterConnectionBlocker: Sendable {
    private let acquired = DispatchSemaphore(value: 0)
    private let release = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Occupies the writer connection and returns once it is held.
    init(store: Store) {
        let pool = store.pool
        Thread { [acquired, release, finished] in
            pool.writeWithoutTransaction { _ in
                acquired.signal()
                release.wait()
            }
            finished.signal()
        }.start()
        acquired.wait()
    }

    /// Lets the writer connection go and waits until it is free.
    func unblock() {
        release.signal()
        finished.wait()
    }
}

extension Store {
    /// Waits (polling) until the writer's statistics satisfy `condition`; fails the test after 30 s.
    func waitForWriter(
        file: StaticString = #filePath,
        line: UInt = #line,
        until condition: (ResponseWriter.Statistics) -> Bool
    ) async throws {
        let deadline = Date().addingTimeInterval(30)
        while !condition(writer.statistics) {
            guard Date() < deadline else {
                XCTFail("the writer did not reach the expected state: \(writer.statistics)", file: file, line: line)
                return
            }
            try await Task.sleep(nanoseconds: 2_000_000)
        }
    }

    /// Runs SQL on the writer connection (outside any transaction), for pragmas and checks.
    func executeOnWriter(_ sql: String) throws {
        try pool.writeWithoutTransaction { database in
            try database.execute(sql: sql)
        }
    }

    /// The first column of the first row of `sql`, read on the writer connection.
    func valueOnWriter<Value: DatabaseValueConvertible & Sendable>(_ sql: String, as type: Value.Type) throws -> Value? {
        try pool.writeWithoutTransaction { database in
            try Value.fetchOne(database, sql: sql)
        }
    }
}
