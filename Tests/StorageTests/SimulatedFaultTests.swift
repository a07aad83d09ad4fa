import XCTest
@testable import Storage

/// `Store.simulate` stages the faults the real file system gives, and lifts them again.
final class SimulatedFaultTests: XCTestCase {
    func testAFullDiskRefusesWhatNeedsRoomAndLiftsCompletely() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let limitBefore = try store.valueOnWriter("PRAGMA max_page_count", as: Int.self)
        let pagesBefore = try XCTUnwrap(try store.valueOnWriter("PRAGMA page_count", as: Int.self))
        try store.simulate(.diskFull)
        XCTAssertEqual(try store.valueOnWriter("PRAGMA max_page_count", as: Int.self), pagesBefore, "no growth from here")

        // Overflow pages are new pages, so a long answer cannot fit.
        let longAnswer = "\"" + String(repeating: "fællesskab ", count: 2_000) + "\""
        do {
            _ = try await store.submit(NewSubmission(submissionID: "long", sessionID: session.id, answers: ["q": longAnswer]))
            XCTFail("a full disk acknowledged a submission that needs room")
        } catch {
            XCTAssertEqual(error as? StorageError, .diskFull(reason: "database or disk is full"))
        }
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 0, "reads go on")

        try store.simulate(nil)
        XCTAssertEqual(try store.valueOnWriter("PRAGMA max_page_count", as: Int.self), limitBefore, "SQLite's own limit is back")
        let stored = try await store.submit(NewSubmission(submissionID: "long", sessionID: session.id, answers: ["q": longAnswer]))
        XCTAssertEqual(stored, .stored)
    }

    func testAReadOnlyDatabaseRefusesEveryWriteUntilLifted() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        try store.simulate(.readOnly)
        do {
            _ = try await store.submit(NewSubmission(submissionID: "small", sessionID: session.id, answers: ["q": "1"]))
            XCTFail("a read-only database acknowledged a submission")
        } catch {
            XCTAssertEqual(error as? StorageError, .readOnly(reason: "attempt to write a readonly database"))
        }
        XCTAssertThrowsError(try store.updateStatus(code: session.code, to: .closed, at: Date())) { error in
            XCTAssertEqual(error as? StorageError, .readOnly(reason: "attempt to write a readonly database"))
        }
        XCTAssertEqual(try store.session(code: session.code)?.status, .open, "reads go on")

        try store.simulate(nil)
        let stored = try await store.submit(NewSubmission(submissionID: "small", sessionID: session.id, answers: ["q": "1"]))
        XCTAssertEqual(stored, .stored)
        XCTAssertEqual(try store.valueOnWriter("PRAGMA query_only", as: Int.self), 0)
    }

    func testAClosedStoreRefusesToSimulate() throws {
        let store = try makeStore()
        store.close()
        XCTAssertThrowsError(try store.simulate(.diskFull)) { error in
            XCTAssertEqual(error as? StorageError, .closed)
        }
    }
}
