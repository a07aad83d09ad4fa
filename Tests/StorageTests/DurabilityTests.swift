import GRDB
import XCTest
@testable import Storage

final class DurabilityTests: XCTestCase {
    func testTheDatabaseUsesWALFullSynchronousAndForeignKeys() throws {
        let store = try makeStore()

        XCTAssertEqual(try store.valueOnWriter("PRAGMA journal_mode", as: String.self), "wal")
        XCTAssertEqual(try store.valueOnWriter("PRAGMA synchronous", as: Int.self), 2)
        XCTAssertEqual(try store.valueOnWriter("PRAGMA foreign_keys", as: Int.self), 1)
        XCTAssertGreaterThan(try store.valueOnWriter("PRAGMA busy_timeout", as: Int.self) ?? 0, 0)
    }

    func testDataSurvivesCloseAndReopen() async throws {
        let directory = try makeTemporaryDirectory()
        let first = try Store(configuration: StorageConfiguration(dataDirectory: directory))
        let session = try makeOpenSession(in: first)
        let contact = ContactDetails(name: "Ole", email: "ole@example.dk", consentText: "ja")
        let outcome = try await first.submit(NewSubmission(
            submissionID: "keep", sessionID: session.id, answers: ["q": #""svar""#], receivedAt: date(1), contact: contact))
        XCTAssertEqual(outcome, .stored)
        let before = try first.responses(sessionID: session.id)
        first.close()
        let walAttributes = try? FileManager.default.attributesOfItem(atPath: first.databasePath + "-wal")
        XCTAssertEqual(walAttributes?[.size] as? Int ?? 0, 0, "close must fold the WAL into the database file")

        let reopened = try makeStore(in: directory)

        XCTAssertEqual(try reopened.session(code: session.code), session)
        XCTAssertEqual(try reopened.responses(sessionID: session.id), before)
        XCTAssertEqual(try reopened.contact(submissionID: "keep"), contact)
        let again = try await reopened.submit(NewSubmission(submissionID: "keep", sessionID: session.id, answers: [:]))
        XCTAssertEqual(again, .duplicate, "idempotency keys must survive a restart")
    }

    /// Running as root makes file permissions ineffective, so the writer connection is made
    /// read-only with `query_only`, which fails writes with SQLITE_READONLY like a read-only file.
    func testAReadOnlyDatabaseAcknowledgesNothing() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        try store.executeOnWriter("PRAGMA query_only = ON")

        let results = await withTaskGroup(of: Result<SubmissionOutcome, StorageError>.self) { group in
            for index in 0..<3 {
                group.addTask {
                    do {
                        return .success(try await store.submit(
                            NewSubmission(submissionID: "ro\(index)", sessionID: session.id, answers: ["q": "1"])))
                    } catch {
                        return .failure(error as? StorageError ?? .closed)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }

        XCTAssertEqual(results.count, 3)
        for result in results {
            guard case .failure(.readOnly) = result else {
                return XCTFail("expected readOnly, got \(result)")
            }
        }
        XCTAssertGreaterThanOrEqual(store.writer.statistics.failedBatches, 1)
        XCTAssertEqual(store.writer.statistics.commits, 0)
        try store.executeOnWriter("PRAGMA query_only = OFF")
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 0)
        let recovered = try await store.submit(NewSubmission(submissionID: "ro0", sessionID: session.id, answers: [:]))
        XCTAssertEqual(recovered, .stored, "the writer must keep working once the database is writable again")
    }

    func testAReadOnlyFileAndFolderAcknowledgeNothing() async throws {
        guard getuid() != 0 else {
            throw XCTSkip("file permissions do not bind root; testAReadOnlyDatabaseAcknowledgesNothing covers this")
        }
        let directory = try makeTemporaryDirectory()
        let first = try Store(configuration: StorageConfiguration(dataDirectory: directory))
        let session = try makeOpenSession(in: first)
        first.close()
        let path = first.databasePath
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory)
        addTeardownBlock {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        }

        let reopened: Store
        do {
            reopened = try Store(configuration: StorageConfiguration(dataDirectory: directory))
        } catch let error as StorageError {
            // This is what happens: SQLite cannot switch a file it may not write to WAL mode,
            // so the store does not open and nothing can be acknowledged.
            guard case .cannotOpen = error else {
                return XCTFail("expected cannotOpen or a failing submit, got \(error)")
            }
            return
        }
        defer { reopened.close() }
        do {
            _ = try await reopened.submit(NewSubmission(submissionID: "x", sessionID: session.id, answers: [:]))
            XCTFail("a read-only database must not acknowledge a submission")
        } catch {
            guard case .readOnly? = error as? StorageError else {
                return XCTFail("expected readOnly, got \(error)")
            }
        }
    }

    /// A database that cannot grow (as on a full disk) fails the whole batch with `diskFull`.
    func testAFullDatabaseFailsTheWholeBatchWithDiskFull() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let pageCount = try XCTUnwrap(try store.valueOnWriter("PRAGMA page_count", as: Int.self))
        try store.executeOnWriter("PRAGMA max_page_count = \(pageCount)")
        let largeAnswer = "\"" + String(repeating: "fællesskab ", count: 2_000) + "\""

        do {
            _ = try await store.submit(NewSubmission(
                submissionID: "big", sessionID: session.id, answers: ["q": largeAnswer]))
            XCTFail("a full database must not acknowledge a submission")
        } catch {
            guard case .diskFull? = error as? StorageError else {
                return XCTFail("expected diskFull, got \(error)")
            }
        }
        XCTAssertEqual(store.writer.statistics.failedBatches, 1)
        try store.executeOnWriter("PRAGMA max_page_count = 1073741823")
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 0)
        let retried = try await store.submit(NewSubmission(submissionID: "big", sessionID: session.id, answers: ["q": largeAnswer]))
        XCTAssertEqual(retried, .stored)
    }
}
