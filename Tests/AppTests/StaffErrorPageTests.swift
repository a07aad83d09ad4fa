import App
import Authentication
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// Staff and analyst pages that cannot be shown answer with an HTML page in the person's language
/// (what happened, who may see it, a way back); the API keeps its JSON errors.
final class StaffErrorPageTests: XCTestCase {
    var running: RunningApplication!

    override func setUpWithError() throws {
        running = try RunningApplication()
    }

    override func tearDown() {
        running.shutDown()
    }

    private static let html: HTTPHeaders = ["Accept": "text/html,application/xhtml+xml"]

    private func assertHTMLPage(_ answer: Response, _ status: HTTPStatus, language: String = "da",
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(answer.status, status, answer.text, file: file, line: line)
        XCTAssertEqual(answer.headers["Content-Type"], "text/html; charset=utf-8", file: file, line: line)
        XCTAssertEqual(answer.headers["Cache-Control"], "no-store", file: file, line: line)
        XCTAssertTrue(answer.text.contains("<html lang=\"\(language)\">"), answer.text, file: file, line: line)
        XCTAssertTrue(answer.text.contains("/static/staff/staff.css"), "the staff pages' look", file: file, line: line)
        XCTAssertNil(answer.text.firstMatch(of: /<script(?![^>]*\bsrc=)[^>]*>/), "no inline script", file: file, line: line)
        XCTAssertNil(answer.text.firstMatch(of: /\sstyle\s*=/), "no style attribute", file: file, line: line)
    }

    func testAFacilitatorOpeningTheAuditLogGetsADanishPageWithAWayBack() async throws {
        let facilitator = try await running.logIn(.facilitator)
        let answer = await running.get("/staff/audit", headers: Self.html, as: facilitator)
        assertHTMLPage(answer, .forbidden)
        let page = answer.text
        XCTAssertTrue(page.contains("<h1>Du har ikke adgang til siden</h1>"), page)
        XCTAssertTrue(page.contains("Revisionsloggen er kun for administratorer."), page)
        XCTAssertTrue(page.contains("Du er logget ind som \(facilitator.email) (mødeleder)."), page)
        XCTAssertTrue(page.contains(#"<a id="home" class="button primary" href="/staff">Gå til dialogmøderne</a>"#), page)
        XCTAssertTrue(page.contains(#"href="/login?next=/staff/audit">Log ind som en anden</a>"#), page)
        XCTAssertTrue(page.contains(#"href="/staff/audit?lang=en""#), "a way to the English page")
        XCTAssertFalse(page.contains("\"error\""), "not the JSON body")
    }

    func testAPageIsHTMLWhateverTheAcceptHeaderSaysAndTheAPIStaysJSON() async throws {
        // The path decides: pages are for browsers, /api/ for scripts. A script asking a page for JSON
        // still gets the page, and a browser that opens an API address still gets JSON.
        let facilitator = try await running.logIn(.facilitator)
        let asJSON = await running.get("/staff/audit", headers: ["Accept": "application/json"], as: facilitator)
        assertHTMLPage(asJSON, .forbidden)

        let api = await running.get("/api/staff/audit", headers: Self.html, as: facilitator)
        XCTAssertEqual(api.status, .forbidden)
        XCTAssertEqual(api.headers["Content-Type"], "application/json; charset=utf-8")
        XCTAssertEqual(api.errorReason, "Din rolle (mødeleder) giver ikke adgang til dette.")

        let unknownAPI = await running.get("/api/staff/nothing-here", headers: Self.html, as: facilitator)
        XCTAssertEqual(unknownAPI.status, .notFound)
        XCTAssertEqual(unknownAPI.headers["Content-Type"], "application/json; charset=utf-8")
    }

    func testEnglishWhenTheAddressOrTheBrowserAsksForIt() async throws {
        let facilitator = try await running.logIn(.facilitator)
        for (target, headers) in [("/staff/audit?lang=en", Self.html), ("/staff/audit", ["Accept-Language": "en-GB,en;q=0.9,da;q=0.5"])] {
            let answer = await running.get(target, headers: headers, as: facilitator)
            assertHTMLPage(answer, .forbidden, language: "en")
            XCTAssertTrue(answer.text.contains("<h1>You do not have access to this page</h1>"), target)
            XCTAssertTrue(answer.text.contains("The audit log is only for administrators."), target)
            XCTAssertTrue(answer.text.contains("Log in as someone else"), target)
            XCTAssertTrue(answer.text.contains(#"href="/staff/audit?lang=da""#), "a way back to Danish")
        }
        let danish = await running.get("/staff/audit?lang=da", headers: ["Accept-Language": "en"], as: facilitator)
        XCTAssertTrue(danish.text.contains("Du har ikke adgang"), "?lang= wins over the browser")
    }

    func testUnknownPathsUnderTheStaffAndAnalystPagesAreDanish404Pages() async throws {
        let facilitator = try await running.logIn(.facilitator)
        let analyst = try await running.logIn(.analyst)
        let missing = await running.get("/staff/x", headers: Self.html, as: facilitator)
        assertHTMLPage(missing, .notFound)
        XCTAssertTrue(missing.text.contains("<h1>Siden findes ikke</h1>"), missing.text)
        XCTAssertTrue(missing.text.contains("Der er ingen side på adressen /staff/x."), missing.text)
        XCTAssertTrue(missing.text.contains(#"href="/staff">Gå til dialogmøderne"#), missing.text)

        let deep = await running.get("/analyst/runs/1/nothing", headers: Self.html, as: analyst)
        assertHTMLPage(deep, .notFound)
        XCTAssertTrue(deep.text.contains(#"href="/analyst">Gå til analysen"#), "an analyst's way back is the analysis")

        let hostile = await running.get("/staff/<script>alert(1)</script>", as: facilitator)
        XCTAssertEqual(hostile.status, .notFound)
        XCTAssertFalse(hostile.text.contains("<script>alert"), "the path is text, not markup")
        XCTAssertTrue(hostile.text.contains("/staff/&lt;script&gt;alert(1)&lt;/script&gt;"), hostile.text)

        let anonymous = await running.get("/staff/x", headers: Self.html)
        XCTAssertEqual(anonymous.status, .seeOther, "not logged in still goes to log in")
        XCTAssertEqual(anonymous.headers["Location"], "/login?next=/staff/x")
    }

    func testPagesForAMeetingOrAnAnalysisThatDoesNotExistAre404Pages() async throws {
        let facilitator = try await running.logIn(.facilitator)
        let analyst = try await running.logIn(.analyst)
        let code = try running.openSession()

        let meeting = await running.get("/staff/sessions/NOPE", headers: Self.html, as: facilitator)
        assertHTMLPage(meeting, .notFound)
        XCTAssertTrue(meeting.text.contains("Der findes ikke et dialogmøde med koden NOPE."), meeting.text)
        let print = await running.get("/staff/sessions/NOPE/print", as: facilitator)
        XCTAssertEqual(print.status, .notFound)

        let existing = await running.get("/staff/sessions/\(code.lowercased())", headers: Self.html, as: facilitator)
        XCTAssertEqual(existing.status, .ok, "codes are read as typed, in any case")
        XCTAssertTrue(existing.text.contains("/static/staff/session.js"))

        let run = await running.get("/analyst/runs/999", headers: Self.html, as: analyst)
        assertHTMLPage(run, .notFound)
        XCTAssertTrue(run.text.contains("Der findes ingen analyse med dette id."), run.text)

        let notTheirs = await running.get("/staff/sessions/NOPE", headers: Self.html, as: analyst)
        XCTAssertEqual(notTheirs.status, .forbidden, "who may see the page is checked before whether the meeting exists")
    }

    func testTheWayBackAndWhoMaySeeThePageFitTheRole() async throws {
        let facilitator = try await running.logIn(.facilitator)
        let analyst = try await running.logIn(.analyst)
        let code = try running.openSession()

        let analysis = await running.get("/analyst", headers: Self.html, as: facilitator)
        assertHTMLPage(analysis, .forbidden)
        XCTAssertTrue(analysis.text.contains("Analysen af svar er kun for analytikere og administratorer."), analysis.text)
        XCTAssertTrue(analysis.text.contains(#"href="/staff">Gå til dialogmøderne"#))

        let meeting = await running.get("/staff/sessions/\(code)", headers: Self.html, as: analyst)
        assertHTMLPage(meeting, .forbidden)
        XCTAssertTrue(meeting.text.contains("Mødesiden er kun for mødeledere og administratorer."), meeting.text)
        XCTAssertTrue(meeting.text.contains(#"href="/analyst">Gå til analysen"#), meeting.text)
        XCTAssertTrue(meeting.text.contains("(analytiker)"), meeting.text)
    }

    func testTheErrorPageCarriesTheServersSecurityHeaders() async throws {
        let listening = try RunningApplication(listening: true)
        defer { listening.shutDown() }
        let facilitator = try await listening.logIn(.facilitator)
        let answer = try listening.exchange("GET", "/staff/audit", headers: facilitator.headerLines() + ["Accept: text/html"])
        XCTAssertEqual(answer.status, 403)
        XCTAssertEqual(answer.headers["Content-Type"], "text/html; charset=utf-8")
        let policy = try XCTUnwrap(answer.headers["Content-Security-Policy"])
        XCTAssertTrue(policy.contains("default-src 'self'"), policy)
        XCTAssertTrue(policy.contains("frame-ancestors 'none'"), policy)
        XCTAssertEqual(answer.headers["X-Content-Type-Options"], "nosniff")
        XCTAssertTrue(answer.text.contains("Du har ikke adgang til siden"))

        let script = try listening.exchange("GET", "/static/staff/error-page.js")
        XCTAssertEqual(script.status, 200, "the page's one script is served")
    }
}
