import App
import Foundation
import XCTest

/// Login, sessions from draft to closed, the live view, the QR code, kiosk exit and the audit log.
final class StaffAPITests: XCTestCase {
    var running: RunningApplication!

    override func setUpWithError() throws {
        running = try RunningApplication()
    }

    override func tearDown() {
        running.shutDown()
    }

    func testLoginSetsAStrictHttpOnlyCookieAndLogoutEndsIt() async throws {
        let login = try await running.logIn(role: "facilitator", email: "mette@kommune.dk")
        let me = try await running.request("GET", "/api/me", headers: ["Cookie": login.cookie])
        XCTAssertEqual(me.status, 200)
        XCTAssertEqual((try RunningApplication.object(me.body)["user"] as? [String: Any])?["role"] as? String, "facilitator")

        let body = try JSONSerialization.data(withJSONObject: ["email": "mette@kommune.dk", "password": "lang-og-sikker-adgangskode-facilitator"])
        let again = try await running.request("POST", "/api/login", body: body)
        let cookie = try XCTUnwrap(again.headers["set-cookie"])
        XCTAssertTrue(cookie.contains("HttpOnly"))
        XCTAssertTrue(cookie.contains("SameSite=Strict"))
        XCTAssertFalse(cookie.contains("Secure"), "plain HTTP by default")

        let logout = try await running.request("POST", "/api/logout", body: Data("{}".utf8), headers: ["Cookie": login.cookie, "X-CSRF-Token": login.csrfToken])
        XCTAssertEqual(logout.status, 204)
        let after = try await running.request("GET", "/api/me", headers: ["Cookie": login.cookie])
        XCTAssertEqual(after.status, 401)
    }

    func testWrongPasswordsAreRefusedThenLockedOut() async throws {
        _ = try await running.logIn(role: "admin", email: "ole@kommune.dk")
        var statuses: [Int] = []
        for _ in 0..<7 {
            let body = try JSONSerialization.data(withJSONObject: ["email": "ole@kommune.dk", "password": "forkert-adgangskode"])
            statuses.append(try await running.request("POST", "/api/login", body: body).status)
        }
        XCTAssertEqual(statuses.first, 401)
        XCTAssertEqual(statuses.last, 429, "after repeated failures the account is locked: \(statuses)")
        let unknown = try await running.request("POST", "/api/login", body: try JSONSerialization.data(withJSONObject: ["email": "nobody@kommune.dk", "password": "whatever-it-is"]))
        XCTAssertEqual(unknown.status, 401, "an unknown e-mail looks like a wrong password")
    }

    func testAFacilitatorRunsASessionFromDraftToClosedAndWatchesItLive() async throws {
        let login = try await running.logIn(role: "facilitator")
        let headers = ["Cookie": login.cookie, "X-CSRF-Token": login.csrfToken]
        let create = try JSONSerialization.data(withJSONObject: [
            "formId": "test-dialogue", "title": "Dialogmøde i Skagen", "place": "Skagen Kulturhus",
            "startsAt": "2026-12-03T18:30", "tables": ["Bord 1", "Bord 2"], "kioskPin": "2468",
        ])
        let created = try await running.request("POST", "/api/staff/sessions", body: create, headers: headers)
        XCTAssertEqual(created.status, 201, String(decoding: created.body, as: UTF8.self))
        let document = try RunningApplication.object(created.body)
        XCTAssertEqual(document["kioskPin"] as? String, "2468")
        let session = try XCTUnwrap(document["session"] as? [String: Any])
        let code = try XCTUnwrap(session["code"] as? String)
        XCTAssertEqual(session["status"] as? String, "draft")
        XCTAssertEqual(session["startsAt"] as? String, "2026-12-03T17:30:00.000Z", "Danish local time")
        XCTAssertTrue((session["tabletURL"] as? String)?.hasSuffix("/s/\(code)") ?? false)

        let draftSubmit = try await running.request("POST", "/api/sessions/\(code)/responses", body: RunningApplication.submission(answers: ["idea": "x"]))
        XCTAssertEqual(draftSubmit.status, 409, "a draft takes no answers")
        let opened = try await running.request("POST", "/api/staff/sessions/\(code)/open", body: Data("{}".utf8), headers: headers)
        XCTAssertEqual(opened.status, 200)

        for table in ["Bord 1", "Bord 2", "Bord 1"] {
            let answer = try await running.request("POST", "/api/sessions/\(code)/responses",
                body: RunningApplication.submission(answers: ["idea": "Mere lys"], extra: ["table": table]))
            XCTAssertEqual(answer.status, 201)
        }
        let live = try RunningApplication.object(try await running.request("GET", "/api/staff/sessions/\(code)/live", headers: headers).body)
        XCTAssertEqual(live["responseCount"] as? Int, 3)
        XCTAssertNotNil(live["lastResponseAt"] as? String)
        let perTable = try XCTUnwrap(live["perTable"] as? [[String: Any]])
        XCTAssertEqual(perTable.map { $0["table"] as? String }, ["Bord 1", "Bord 2"])
        XCTAssertEqual(perTable.map { $0["count"] as? Int }, [2, 1])

        let reopen = try await running.request("POST", "/api/staff/sessions/\(code)/open", body: Data("{}".utf8), headers: headers)
        XCTAssertEqual(reopen.status, 409)
        let closed = try await running.request("POST", "/api/staff/sessions/\(code)/close", body: Data("{}".utf8), headers: headers)
        XCTAssertEqual(closed.status, 200)

        let admin = try await running.logIn(role: "admin")
        let audit = try RunningApplication.object(try await running.request("GET", "/api/staff/audit", headers: ["Cookie": admin.cookie]).body)
        let actions = (audit["events"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
        XCTAssertEqual(actions.filter { $0.hasPrefix("session.") }, ["session.close", "session.open", "session.create"])
        XCTAssertEqual(actions.first, "login", "the admin's own login is the newest event")
    }

    func testCreatingASessionReportsEveryBadField() async throws {
        let login = try await running.logIn(role: "facilitator")
        let body = try JSONSerialization.data(withJSONObject: [
            "formId": "nope", "title": "", "startsAt": "tomorrow", "tables": ["A", "A"], "idleSeconds": 5, "kioskPin": "12",
        ])
        let answer = try await running.request("POST", "/api/staff/sessions", body: body, headers: ["Cookie": login.cookie, "X-CSRF-Token": login.csrfToken])
        XCTAssertEqual(answer.status, 422)
        let fields = Set((try RunningApplication.object(answer.body)["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? [])
        XCTAssertEqual(fields, ["formId", "title", "startsAt", "tables", "idleSeconds", "kioskPin"])
    }

    func testTheQRCodeIsAnSVGOfTheTabletAddress() async throws {
        let code = try running.openSession()
        let answer = try await running.request("GET", "/api/sessions/\(code)/qr.svg", headers: ["Host": "dialog.kommune.dk"])
        XCTAssertEqual(answer.status, 200)
        XCTAssertTrue(answer.headers["content-type"]?.hasPrefix("image/svg+xml") ?? false)
        let svg = String(decoding: answer.body, as: UTF8.self)
        XCTAssertTrue(svg.contains("<svg"))
        XCTAssertTrue(svg.contains("http://dialog.kommune.dk/s/\(code)"), "the title names the URL it encodes")
        let unknown = try await running.request("GET", "/api/sessions/NOSUCH/qr.svg")
        XCTAssertEqual(unknown.status, 404)
    }

    func testKioskExitNeedsTheSessionsPin() async throws {
        let login = try await running.logIn(role: "facilitator")
        let headers = ["Cookie": login.cookie, "X-CSRF-Token": login.csrfToken]
        let create = try JSONSerialization.data(withJSONObject: ["formId": "test-dialogue", "title": "Kiosk", "kioskPin": "1357", "idleSeconds": 45])
        let created = try RunningApplication.object(try await running.request("POST", "/api/staff/sessions", body: create, headers: headers).body)
        let code = try XCTUnwrap((created["session"] as? [String: Any])?["code"] as? String)
        let form = try RunningApplication.object(try await running.request("GET", "/api/sessions/\(code)/form").body)
        let kiosk = try XCTUnwrap((form["session"] as? [String: Any])?["kiosk"] as? [String: Any])
        XCTAssertEqual(kiosk["idleSeconds"] as? Int, 45)
        XCTAssertEqual(kiosk["exitNeedsPin"] as? Bool, true)

        let wrong = try await running.request("POST", "/api/sessions/\(code)/kiosk/exit", body: Data(#"{"pin": "0000"}"#.utf8))
        XCTAssertEqual(wrong.status, 403)
        let right = try await running.request("POST", "/api/sessions/\(code)/kiosk/exit", body: Data(#"{"pin": "1357"}"#.utf8))
        XCTAssertEqual(right.status, 200)
        var statuses: [Int] = []
        for _ in 0..<25 {
            statuses.append(try await running.request("POST", "/api/sessions/\(code)/kiosk/exit", body: Data(#"{"pin": "9999"}"#.utf8)).status)
        }
        XCTAssertEqual(statuses.last, 429, "guessing the PIN is slowed down: \(statuses)")
    }

    func testStaffPagesSendTheAnonymousToLogIn() async throws {
        let answer = try await running.request("GET", "/staff/audit")
        XCTAssertEqual(answer.status, 303)
        XCTAssertEqual(answer.headers["location"], "/login?next=/staff/audit")
    }
}
