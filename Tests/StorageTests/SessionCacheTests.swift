import Foundation
import GRDB
import XCTest
@testable import Storage

/// `Store.recentSession(code:)`: its own changes are seen at once, another process's within the lifetime.
final class SessionCacheTests: XCTestCase {
    func testAChangeThroughTheStoreIsSeenAtOnce() throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        XCTAssertEqual(try store.recentSession(code: session.code)?.status, .open)
        _ = try store.updateStatus(code: session.code, to: .closed, at: date(60))
        XCTAssertEqual(try store.recentSession(code: session.code)?.status, .closed)
    }

    func testAChangeByAnotherConnectionIsSeenOnceTheEntryExpires() throws {
        let directory = try makeTemporaryDirectory()
        let store = try makeStore(in: directory)
        let session = try makeOpenSession(in: store)
        XCTAssertEqual(try store.recentSession(code: session.code)?.status, .open)
        // Another process (the command line) closes the session behind this store's back.
        let other = try makeStore(in: directory)
        _ = try other.updateStatus(code: session.code, to: .closed, at: date(60))
        XCTAssertEqual(try store.recentSession(code: session.code)?.status, .open, "remembered for up to the lifetime")
        XCTAssertEqual(try store.session(code: session.code)?.status, .closed, "a plain read is always fresh")

        let cache = SessionCache(lifetime: .seconds(1))
        let readAt = ContinuousClock.now
        _ = cache.remember(session, readIn: cache.lookup(code: session.code, now: readAt).generation, now: readAt)
        XCTAssertEqual(cache.lookup(code: session.code, now: readAt + .milliseconds(999)).session, session)
        XCTAssertNil(cache.lookup(code: session.code, now: readAt + .seconds(1)).session)
    }

    func testAReadThatRacedWithAChangeIsNotRemembered() throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let cache = SessionCache(lifetime: .seconds(60))
        let generation = cache.lookup(code: session.code).generation
        // The change lands between the read and remembering it: the old value must not come back.
        cache.forgetAll()
        XCTAssertEqual(cache.remember(session, readIn: generation), session)
        XCTAssertNil(cache.lookup(code: session.code).session)
        _ = cache.remember(session, readIn: cache.lookup(code: session.code).generation)
        XCTAssertEqual(cache.lookup(code: session.code).session, session)
    }
}
