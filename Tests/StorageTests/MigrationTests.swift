import GRDB
import XCTest
@testable import Storage

final class MigrationTests: XCTestCase {
    func testANewFileRunsEveryMigrationAndRecordsItsName() throws {
        let store = try makeStore()

        XCTAssertTrue(Store.migrationNames.contains("2026-11-24 create forms, sessions, responses"))
        XCTAssertEqual(store.migrationsAppliedAtOpen, Store.migrationNames)
        let recorded = try store.pool.read { database in
            try String.fetchAll(database, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        XCTAssertEqual(recorded, Store.migrationNames)
        let tables = try store.pool.read { database in
            try String.fetchSet(database, sql: "SELECT name FROM sqlite_schema WHERE type = 'table'")
        }
        XCTAssertTrue(
            Set(["form_version", "session", "response", "answer", "contact"]).isSubset(of: tables),
            "tables: \(tables.sorted())")
    }

    func testReopeningAnExistingFileRunsNothingNew() throws {
        let directory = try makeTemporaryDirectory()
        let first = try Store(configuration: StorageConfiguration(dataDirectory: directory))
        let session = try makeOpenSession(in: first)
        first.close()

        let second = try makeStore(in: directory)

        XCTAssertEqual(second.migrationsAppliedAtOpen, [])
        let recordedCount = try second.pool.read { database in
            try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM grdb_migrations")
        }
        XCTAssertEqual(recordedCount, Store.migrationNames.count)
        XCTAssertEqual(try second.session(code: session.code), session)
    }

    func testTheDataFolderIsCreatedWhenMissing() throws {
        let parent = try makeTemporaryDirectory()
        let configuration = StorageConfiguration(dataDirectory: parent + "/nested/data")
        let store = try makeStore(in: configuration.dataDirectory)

        XCTAssertEqual(store.databasePath, configuration.path)
        XCTAssertTrue(store.databasePath.hasSuffix("/nested/data/borgerdialog.sqlite"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.databasePath))
    }

    func testAnUnopenableFileIsReportedWithItsPath() throws {
        let directory = try makeTemporaryDirectory()
        let notADatabase = directory + "/borgerdialog.sqlite"
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: notADatabase))

        XCTAssertThrowsError(try Store(configuration: StorageConfiguration(dataDirectory: directory))) { error in
            guard case .cannotOpen(let path, _)? = error as? StorageError else {
                return XCTFail("expected cannotOpen, got \(error)")
            }
            XCTAssertEqual(path, notADatabase)
        }
    }
}
