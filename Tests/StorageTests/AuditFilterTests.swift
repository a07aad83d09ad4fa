import Foundation
import XCTest
@testable import Storage

/// The audit log read by person, action (a kind or a prefix) and time, in SQL.
final class AuditFilterTests: XCTestCase {
    private func storeWithEvents() throws -> Store {
        let store = try makeStore()
        let events: [(TimeInterval, String, String, String?)] = [
            (10, "mette@k.dk", "login", nil),
            (20, "mette@k.dk", "session.create", "APQCFM"),
            (30, "mette@k.dk", "session.open", "APQCFM"),
            (40, "it@k.dk", "form.create", "aeldre-moede"),
            (50, "x@y.dk", "login.failed", nil),
            (60, "mette@k.dk", "session.close", "APQCFM"),
            (70, "cli", "sessions.weird", "NOT-A-SESSION-ACTION"),
            (80, "it@k.dk", "session", "bare word"),
        ]
        for (seconds, actor, action, target) in events {
            try store.recordAudit(AuditEvent(at: date(seconds), actor: actor, action: action, target: target))
        }
        return store
    }

    func testNoConditionsGivesTheNewestFirstUpToTheLimit() throws {
        let store = try storeWithEvents()
        XCTAssertEqual(try store.auditEvents(matching: AuditFilter(limit: 3)).map(\.action), ["session", "sessions.weird", "session.close"])
        XCTAssertEqual(try store.auditEvents(matching: AuditFilter(limit: 0)), [])
    }

    func testActorIsMatchedExactly() throws {
        let store = try storeWithEvents()
        let events = try store.auditEvents(matching: AuditFilter(actor: "mette@k.dk", limit: 100))
        XCTAssertEqual(events.map(\.action), ["session.close", "session.open", "session.create", "login"])
        XCTAssertEqual(try store.auditEvents(matching: AuditFilter(actor: "mette", limit: 100)), [], "no partial names")
    }

    func testAnActionIsAKindOrAPrefix() throws {
        let store = try storeWithEvents()
        let meetings = try store.auditEvents(matching: AuditFilter(action: .startingWith("session."), limit: 100))
        XCTAssertEqual(meetings.map(\.action), ["session.close", "session.open", "session.create"],
                       "the prefix neither takes `sessions.` nor the bare `session`")
        let logins = try store.auditEvents(matching: AuditFilter(action: .exactly("login"), limit: 100))
        XCTAssertEqual(logins.map(\.actor), ["mette@k.dk"], "an exact kind leaves login.failed out")
        XCTAssertEqual(try store.auditEvents(matching: AuditFilter(action: .startingWith("%"), limit: 100)), [],
                       "a LIKE wildcard is just a character")
    }

    func testTimeRangeIncludesItsStartAndExcludesItsEnd() throws {
        let store = try storeWithEvents()
        let events = try store.auditEvents(matching: AuditFilter(from: date(30), before: date(60), limit: 100))
        XCTAssertEqual(events.map(\.action), ["login.failed", "form.create", "session.open"])
    }

    func testConditionsCombine() throws {
        let store = try storeWithEvents()
        let events = try store.auditEvents(matching: AuditFilter(
            actor: "mette@k.dk", action: .startingWith("session."), from: date(25), before: date(100), limit: 1))
        XCTAssertEqual(events.map(\.action), ["session.close"])
    }

    func testActorsAndActionsAreListedOnceInOrder() throws {
        let store = try storeWithEvents()
        XCTAssertEqual(try store.auditActors(), ["cli", "it@k.dk", "mette@k.dk", "x@y.dk"])
        XCTAssertEqual(try store.auditActions(),
                       ["form.create", "login", "login.failed", "session", "session.close", "session.create", "session.open", "sessions.weird"])
    }

    func testThePrefixSuccessorSortsAfterEveryTextWithThePrefix() {
        XCTAssertEqual("session.".successorOfPrefixes, "session/")
        XCTAssertEqual("æ".successorOfPrefixes, "ç")
        XCTAssertEqual("a\u{D7FF}".successorOfPrefixes, "a\u{E000}")
        XCTAssertEqual("a\u{10FFFF}".successorOfPrefixes, "b")
        XCTAssertNil("".successorOfPrefixes)
    }
}
