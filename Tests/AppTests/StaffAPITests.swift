import App
import Authentication
import Forms
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// Login, sessions from draft to closed, the live view, the QR code, kiosk exit and the audit log,
/// through the application's router.
final class StaffAPITests: XCTestCase {
    var running: RunningApplication!

    override func setUpWithError() throws {
        running = try RunningApplication()
    }

    override func tearDown() {
        running.shutDown()
    }

    func testLoginSetsAStrictHttpOnlyCookieAndLogoutEndsIt() async throws {
        let login = try await running.logIn(.facilitator, email: "mette@kommune.dk")
        let me = await running.get("/api/me", as: login)
        XCTAssertEqual(me.status, .ok)
        let identity = try me.decode(API.Login.self)
        XCTAssertEqual(identity.user.email, "mette@kommune.dk")
        XCTAssertEqual(identity.user.role, "facilitator")
        XCTAssertEqual(identity.csrfToken, login.csrfToken)

        let again = await running.post("/api/login", json: ["email": "mette@kommune.dk", "password": .string(login.password)])
        XCTAssertEqual(again.status, .ok)
        let cookie = try XCTUnwrap(again.headers["Set-Cookie"])
        XCTAssertTrue(cookie.hasPrefix("borgerdialog_session="), cookie)
        XCTAssertTrue(cookie.contains("HttpOnly"), cookie)
        XCTAssertTrue(cookie.contains("SameSite=Strict"), cookie)
        XCTAssertFalse(cookie.contains("Secure"), "plain HTTP by default")

        let logout = await running.handle(.post, "/api/logout", body: Array("{}".utf8), as: login)
        XCTAssertEqual(logout.status, .noContent)
        let after = await running.get("/api/me", as: login)
        XCTAssertEqual(after.status, .unauthorized)
    }

    func testWrongPasswordsAreRefusedThenLockedOut() async throws {
        _ = try await running.logIn(.admin, email: "ole@kommune.dk")
        var statuses: [Int] = []
        for _ in 0..<7 {
            statuses.append(await running.post("/api/login", json: ["email": "ole@kommune.dk", "password": "forkert-adgangskode"]).statusCode)
        }
        XCTAssertEqual(statuses.first, 401)
        XCTAssertEqual(statuses.last, 429, "after repeated failures the account is locked: \(statuses)")
        let locked = await running.post("/api/login", json: ["email": "ole@kommune.dk", "password": .string(RunningApplication.password(for: .admin))])
        XCTAssertEqual(locked.status, .tooManyRequests, "even the right password waits out the lock")
        XCTAssertGreaterThan(try XCTUnwrap(try locked.decode(ErrorBody.self).retryAfterSeconds), 0)
        let unknown = await running.post("/api/login", json: ["email": "nobody@kommune.dk", "password": "whatever-it-is"])
        XCTAssertEqual(unknown.status, .unauthorized, "an unknown e-mail looks like a wrong password")
    }

    func testAFacilitatorRunsASessionFromDraftToClosedAndWatchesItLive() async throws {
        let login = try await running.logIn(.facilitator)
        let create: JSONValue = [
            "formId": "test-dialogue", "title": "Dialogmøde i Skagen", "place": "Skagen Kulturhus",
            "startsAt": "2026-12-03T18:30", "tables": ["Bord 1", "Bord 2"], "kioskPin": "2468",
        ]
        let created = await running.post("/api/staff/sessions", json: create, headers: ["Host": "dialog.kommune.dk"], as: login)
        XCTAssertEqual(created.status, .created, created.text)
        let document = try created.decode(API.CreatedSession.self)
        XCTAssertEqual(document.kioskPin, "2468")
        let code = document.session.code
        XCTAssertEqual(document.session.status, "draft")
        XCTAssertEqual(document.session.place, "Skagen Kulturhus")
        XCTAssertEqual(document.session.tables, ["Bord 1", "Bord 2"])
        XCTAssertEqual(document.session.startsAt, "2026-12-03T17:30:00.000Z", "Danish local time")
        XCTAssertTrue(document.session.hasKioskPin)
        XCTAssertEqual(document.session.tabletURL, "http://dialog.kommune.dk/s/\(code)")

        let draftSubmit = await running.submit(RunningApplication.submission(answers: ["idea": "x"]), to: code)
        XCTAssertEqual(draftSubmit.status, .conflict, "a draft takes no answers")
        let opened = await running.handle(.post, "/api/staff/sessions/\(code)/open", body: Array("{}".utf8), as: login)
        XCTAssertEqual(opened.status, .ok)
        XCTAssertEqual(try opened.decode(API.SessionDocument.self).session.status, "open")

        for table in ["Bord 1", "Bord 2", "Bord 1"] {
            let answer = await running.submit(RunningApplication.submission(answers: ["idea": "Mere lys"], extra: ["table": .string(table)]), to: code)
            XCTAssertEqual(answer.status, .created)
        }
        let live = try await running.get("/api/staff/sessions/\(code)/live", as: login).decode(API.Live.self)
        XCTAssertEqual(live.status, "open")
        XCTAssertEqual(live.responseCount, 3)
        XCTAssertNotNil(live.lastResponseAt)
        XCTAssertEqual(live.perTable.map(\.table), ["Bord 1", "Bord 2"])
        XCTAssertEqual(live.perTable.map(\.count), [2, 1])
        XCTAssertEqual(live.recent.count, 3)

        let reopen = await running.handle(.post, "/api/staff/sessions/\(code)/open", body: Array("{}".utf8), as: login)
        XCTAssertEqual(reopen.status, .conflict)
        let closed = await running.handle(.post, "/api/staff/sessions/\(code)/close", body: Array("{}".utf8), as: login)
        XCTAssertEqual(closed.status, .ok)
        XCTAssertEqual(try closed.decode(API.SessionDocument.self).session.status, "closed")

        let admin = try await running.logIn(.admin)
        let audit = try await running.get("/api/staff/audit", as: admin).decode(API.Audit.self)
        let actions = audit.events.map(\.action)
        XCTAssertEqual(actions.filter { $0.hasPrefix("session.") }, ["session.close", "session.open", "session.create"])
        XCTAssertEqual(audit.events.filter { $0.action.hasPrefix("session.") }.map(\.actor), Array(repeating: login.email, count: 3))
        XCTAssertEqual(actions.first, "login", "the admin's own login is the newest event")
    }

    func testCreatingASessionReportsEveryBadField() async throws {
        let login = try await running.logIn(.facilitator)
        let body: JSONValue = ["formId": "nope", "title": "", "startsAt": "tomorrow", "tables": ["A", "A"], "idleSeconds": 5, "kioskPin": "12"]
        let answer = await running.post("/api/staff/sessions", json: body, as: login)
        XCTAssertEqual(answer.status, .unprocessableContent)
        let problems = try XCTUnwrap(try answer.decode(ErrorBody.self).errors)
        XCTAssertEqual(Set(problems.compactMap(\.field)), ["formId", "title", "startsAt", "tables", "idleSeconds", "kioskPin"])
        XCTAssertTrue(problems.allSatisfy { !$0.reason.isEmpty })
        XCTAssertEqual(try running.application.store.sessions().count, 0, "no session was made")
    }

    func testTheQRCodeIsAnSVGOfTheTabletAddress() async throws {
        let code = try running.openSession()
        let answer = await running.get("/api/sessions/\(code)/qr.svg", headers: ["Host": "dialog.kommune.dk"])
        XCTAssertEqual(answer.status, .ok)
        XCTAssertEqual(answer.headers["Content-Type"]?.hasPrefix("image/svg+xml"), true)
        XCTAssertTrue(answer.text.hasPrefix("<svg") || answer.text.hasPrefix("<?xml"), String(answer.text.prefix(80)))
        XCTAssertTrue(answer.text.contains("http://dialog.kommune.dk/s/\(code)"), "the title names the URL it encodes")
        let unknown = await running.get("/api/sessions/NOSUCH/qr.svg")
        XCTAssertEqual(unknown.status, .notFound)
    }

    func testKioskExitNeedsTheSessionsPin() async throws {
        let login = try await running.logIn(.facilitator)
        let created = await running.post(
            "/api/staff/sessions", json: ["formId": "test-dialogue", "title": "Kiosk", "kioskPin": "1357", "idleSeconds": 45], as: login)
        let code = try created.decode(API.CreatedSession.self).session.code
        let kiosk = try await running.get("/api/sessions/\(code)/form").decode(API.TabletForm.self).session.kiosk
        XCTAssertEqual(kiosk.idleSeconds, 45)
        XCTAssertTrue(kiosk.exitNeedsPin)

        let exit = "/api/sessions/\(code)/kiosk/exit"
        let wrong = await running.post(exit, json: ["pin": "0000"])
        XCTAssertEqual(wrong.status, .forbidden)
        let right = await running.post(exit, json: ["pin": "1357"])
        XCTAssertEqual(right.status, .ok)
        XCTAssertEqual(try right.decode(API.Status.self).status, "ok")
        var statuses: [Int] = []
        for _ in 0..<25 {
            statuses.append(await running.post(exit, json: ["pin": "9999"]).statusCode)
        }
        XCTAssertEqual(statuses.first, 403)
        XCTAssertEqual(statuses.last, 429, "guessing the PIN is slowed down: \(statuses)")
    }

    func testStaffPagesSendTheAnonymousToLogIn() async throws {
        let answer = await running.get("/staff/audit")
        XCTAssertEqual(answer.status, .seeOther)
        XCTAssertEqual(answer.headers["Location"], "/login?next=/staff/audit")
        let admin = try await running.logIn(.admin)
        let page = await running.get("/staff/audit", as: admin)
        XCTAssertEqual(page.status, .ok)
        XCTAssertEqual(page.headers["Content-Type"]?.hasPrefix("text/html"), true)
    }
}
