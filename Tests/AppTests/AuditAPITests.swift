import App
import Foundation
import HTTPServer
import Storage
import TestSupport
import XCTest

/// `GET /api/staff/audit` filtered by person, action and Danish days.
final class AuditAPITests: XCTestCase {
    var running: RunningApplication!
    var admin: StaffLogin!

    override func setUp() async throws {
        running = try RunningApplication()
        admin = try await running.logIn(.admin, email: "it-afdelingen@kommune.dk")
    }

    override func tearDown() {
        running.shutDown()
    }

    /// A moment given in UTC, e.g. `2026-03-01T23:30:00Z`.
    private func moment(_ text: String) throws -> Date {
        try XCTUnwrap(ISO8601DateFormatter().date(from: text), text)
    }

    private func record(_ at: String, _ actor: String, _ action: String, _ target: String? = nil) throws {
        try running.application.store.recordAudit(AuditEvent(at: try moment(at), actor: actor, action: action, target: target))
    }

    private func audit(_ query: String) async throws -> API.Audit {
        try await running.get("/api/staff/audit?" + query, as: admin).decode(API.Audit.self)
    }

    func testFiltersByPersonAndByActionKindOrPrefix() async throws {
        let code = try running.openSession(title: "Borgermøde i Sæby")
        try record("2026-03-01T10:00:00Z", "mette@kommune.dk", "session.create", code)
        try record("2026-03-01T11:00:00Z", "mette@kommune.dk", "session.open", code)
        try record("2026-03-01T12:00:00Z", "it@kommune.dk", "form.create", "aeldre-moede")
        try record("2026-03-01T13:00:00Z", "mette@kommune.dk", "session.close", code)

        let mette = try await audit("actor=mette@kommune.dk")
        XCTAssertEqual(mette.events.map(\.action), ["session.close", "session.open", "session.create"])
        XCTAssertEqual(mette.sessionTitles, [code: "Borgermøde i Sæby"], "the page can name the meeting")
        XCTAssertEqual(mette.actors, ["cli", "it-afdelingen@kommune.dk", "it@kommune.dk", "mette@kommune.dk"], "every person (the command line made the admin), for the choice")
        XCTAssertTrue(mette.actions.contains("form.create"), "every action, for the choice")

        let meetingActions = try await audit("action=session.")
        XCTAssertEqual(meetingActions.events.map(\.action), ["session.close", "session.open", "session.create"])
        let opened = try await audit("action=session.open")
        XCTAssertEqual(opened.events.map(\.action), ["session.open"])
        let logins = try await audit("action=login")
        XCTAssertEqual(logins.events.map(\.actor), ["it-afdelingen@kommune.dk"])
        let itsMeetingActions = try await audit("actor=it@kommune.dk&action=session.")
        XCTAssertEqual(itsMeetingActions.events.count, 0)
        let newestMeetingAction = try await audit("action=session.&limit=1")
        XCTAssertEqual(newestMeetingAction.events.map(\.action), ["session.close"])
    }

    func testDaysAreDanishDaysWithBothEndsIncluded() async throws {
        // 23:30 UTC on 1 March is 00:30 on 2 March in Copenhagen (winter time, UTC+1);
        // 22:30 UTC on 1 July is 00:30 on 2 July (summer time, UTC+2).
        try record("2026-03-01T22:59:59Z", "a@k.dk", "session.open", "A")
        try record("2026-03-01T23:30:00Z", "a@k.dk", "session.close", "A")
        try record("2026-07-01T21:59:00Z", "a@k.dk", "session.open", "B")
        try record("2026-07-01T22:30:00Z", "a@k.dk", "session.close", "B")

        let march = try await audit("actor=a@k.dk&from=2026-03-02&to=2026-03-02")
        XCTAssertEqual(march.events.map(\.target), ["A"])
        XCTAssertEqual(march.events.map(\.action), ["session.close"])
        let untilFirstMarch = try await audit("actor=a@k.dk&to=2026-03-01")
        XCTAssertEqual(untilFirstMarch.events.map(\.action), ["session.open"])
        let fromSecondJuly = try await audit("actor=a@k.dk&from=2026-07-02")
        XCTAssertEqual(fromSecondJuly.events.map(\.target), ["B"])
        let firstJuly = try await audit("actor=a@k.dk&from=2026-07-01&to=2026-07-01")
        XCTAssertEqual(firstJuly.events.map(\.action), ["session.open"])
        let wholeSpan = try await audit("actor=a@k.dk&from=2026-03-01&to=2026-07-02")
        XCTAssertEqual(wholeSpan.events.count, 4)
    }

    func testBadFiltersAreNamedInTheRequestsLanguage() async throws {
        let answer = await running.get("/api/staff/audit?from=1.3.2026&to=2026-02-30&limit=many", as: admin)
        XCTAssertEqual(answer.status, .unprocessableContent)
        let problems = try XCTUnwrap(try answer.decode(ErrorBody.self).errors)
        XCTAssertEqual(problems.map(\.field), ["limit", "from", "to"])
        XCTAssertEqual(problems.first { $0.field == "from" }?.reason, "Skriv en dato som 2026-03-01.")

        let reversed = await running.get("/api/staff/audit?from=2026-03-02&to=2026-03-01", headers: ["Accept-Language": "en"], as: admin)
        XCTAssertEqual(reversed.status, .unprocessableContent)
        XCTAssertEqual(try reversed.decode(ErrorBody.self).errors?.map(\.reason), ["The end date is before the start date."])

        let empty = try await audit("actor=&action=&from=&to=")
        XCTAssertFalse(empty.events.isEmpty, "empty filters are no filters")
    }
}
