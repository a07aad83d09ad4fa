import App
import Foundation
import Storage
import TestSupport
import XCTest

/// Every page, file and answer, successes and errors alike, carries the security headers, and the
/// pages are written so that the policy they carry does not break them.
final class SecurityHeadersTests: XCTestCase {
    var running: RunningApplication!

    override func setUpWithError() throws {
        running = try RunningApplication(listening: true, maximumBodyBytes: 4096)
    }

    override func tearDown() {
        running.shutDown()
    }

    /// Sends one request on a fresh connection and reads all its header lines.
    private func fetch(
        _ method: String, _ target: String, headers: [String] = [], body: String? = nil
    ) throws -> RawHTTPResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined()
        if let body { head += "Content-Length: \(body.utf8.count)\r\n" }
        let connection = try running.connect()
        try connection.send(head + "\r\n" + (body ?? ""))
        return try connection.readResponse(to: method)
    }

    /// The values of a header, however often it was sent.
    private func values(_ name: String, in reply: RawHTTPResponse) -> [String] {
        reply.headers.values(for: name)
    }

    private func assertSecurityHeaders(_ reply: RawHTTPResponse, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let what = "\(what) (\(reply.status))"
        XCTAssertEqual(values("X-Content-Type-Options", in: reply), ["nosniff"], what, file: file, line: line)
        XCTAssertEqual(values("Referrer-Policy", in: reply), ["no-referrer"], what, file: file, line: line)
        let policies = values("Content-Security-Policy", in: reply)
        XCTAssertEqual(policies.count, 1, "\(what): one Content-Security-Policy", file: file, line: line)
        var directives: [String: [String]] = [:]
        for directive in (policies.first ?? "").split(separator: ";") {
            let words = directive.split(separator: " ").map { String($0) }
            if let name = words.first { directives[name.lowercased()] = Array(words.dropFirst()) }
        }
        // Where script-src is missing, default-src governs scripts.
        let scripts = directives["script-src"] ?? directives["default-src"]
        XCTAssertEqual(scripts, ["'self'"], "\(what): scripts only from the service itself", file: file, line: line)
        for unsafe in ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"] {
            XCTAssertFalse((scripts ?? []).contains(unsafe), "\(what): script-src allows \(unsafe)", file: file, line: line)
        }
        // Only the tablet preview may be framed, and only by the service's own pages.
        let framedByItself = directives["frame-ancestors"] == ["'self'"]
        XCTAssertEqual(framedByItself, what.contains(" /staff/forms/") && what.contains("/preview") && reply.status == 200, "\(what): frame-ancestors", file: file, line: line)
        XCTAssertEqual(values("X-Frame-Options", in: reply), [framedByItself ? "SAMEORIGIN" : "DENY"], what, file: file, line: line)
        if !framedByItself {
            XCTAssertEqual(directives["frame-ancestors"], ["'none'"], "\(what): frame-ancestors", file: file, line: line)
        }
        XCTAssertEqual(directives["base-uri"], ["'none'"], what, file: file, line: line)
    }

    /// Every file in `Static/`, relative to it.
    private func staticFiles() throws -> [String] {
        let root = URL(fileURLWithPath: RunningApplication.staticDirectory).resolvingSymlinksInPath()
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        return enumerator.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { return nil }
            return String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
        }.sorted()
    }

    func testEveryGetRouteCarriesTheHeadersForEveryCaller() async throws {
        let code = try running.openSession()
        let submitted = await running.submit(RunningApplication.submission(answers: ["idea": "Flere træer"]), to: code)
        XCTAssertEqual(submitted.status, .created)
        let receipt = try XCTUnwrap(try submitted.decode(API.Receipt.self).receipt)
        let admin = try await running.logIn(.admin)
        let started = await running.post("/api/analyst/runs", json: ["formId": "test-dialogue", "sessions": [.string(code)]], as: admin)
        XCTAssertEqual(started.status, .accepted)
        let runID = try started.decode(API.StartedRun.self).run.id
        running.application.analysis.waitUntilIdle()
        let files = try staticFiles()
        XCTAssertTrue(files.contains("tablet.html") && files.contains("js/tablet.js"), "found the static files: \(files)")

        var checked = 0
        for rule in running.application.routeRules where rule.method == "GET" {
            let targets = switch rule.pattern {
            case "/static/{path...}": files.map { "/static/\($0)" }
            case "/api/analyst/export": ["/api/analyst/export?sessions=\(code)&format=html"]
            case "/api/analyst/runs/{id}/search": ["/api/analyst/runs/\(runID)/search?q=træer"]
            case "/api/staff/contacts": ["/api/staff/contacts?email=citizen@example.dk"]
            case let pattern where pattern.contains("{receipt}"): [pattern.replacingOccurrences(of: "{receipt}", with: receipt)]
            case let pattern where pattern.contains("/forms/{id}"): [pattern.replacingOccurrences(of: "{id}", with: "test-dialogue")]
            // The pages' catch-alls: a path no page has answers with the 404 page.
            case let pattern where pattern.hasSuffix("/{path...}"): [pattern.replacingOccurrences(of: "{path...}", with: "no-such-page")]
            default: [rule.pattern.replacingOccurrences(of: "{code}", with: code).replacingOccurrences(of: "{id}", with: String(runID))]
            }
            for target in targets {
                let anonymous = try fetch("GET", target)
                assertSecurityHeaders(anonymous, "anonymous GET \(target)")
                let staff = try fetch("GET", target, headers: ["Cookie: \(admin.cookie)"])
                XCTAssertEqual(staff.status, target.hasSuffix("/no-such-page") ? 404 : 200, "admin GET \(target)")
                assertSecurityHeaders(staff, "admin GET \(target)")
                let head = try fetch("HEAD", target, headers: ["Cookie: \(admin.cookie)"])
                assertSecurityHeaders(head, "admin HEAD \(target)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, files.count + 15, "every GET route was walked")

        // Downloads an analyst opens in the browser carry them too.
        for format in ["html", "json", "csv", "xlsx"] {
            let export = try fetch("GET", "/api/analyst/export?sessions=\(code)&format=\(format)", headers: ["Cookie: \(admin.cookie)"])
            XCTAssertEqual(export.status, 200, format)
            assertSecurityHeaders(export, "export as \(format)")
        }
    }

    func testErrorsRedirectsAndNotModifiedCarryTheHeaders() throws {
        let code = try running.openSession()
        let responses = "/api/sessions/\(code)/responses"
        let json = "Content-Type: application/json"
        let styles = try fetch("GET", "/static/css/borgerdialog.css")
        let entityTag = try XCTUnwrap(styles.headers["ETag"])
        let cases: [(method: String, target: String, headers: [String], body: String?, status: Int)] = [
            ("GET", "/static/css/borgerdialog.css", ["If-None-Match: \(entityTag)"], nil, 304),
            ("GET", "/staff", [], nil, 303),
            ("GET", "/api/me", [], nil, 401),
            ("GET", "/api/staff/sessions", [], nil, 401),
            ("GET", "/api/staff/audit", ["Cookie: borgerdialog_session=forged"], nil, 401),
            ("GET", "/no/such/page", [], nil, 404),
            ("GET", "/api/sessions/NOSUCH/form", [], nil, 404),
            ("GET", "/static/missing.js", [], nil, 404),
            ("GET", "/api/sessions/%zz/form", [], nil, 400),
            ("DELETE", "/healthz", [], nil, 405),
            ("POST", responses, [json], "{", 400),
            ("POST", responses, ["Content-Type: text/plain"], "{}", 415),
            ("POST", responses, [json], #"{"submissionId":"headers-0001","answers":{"colour":"blue"}}"#, 422),
            ("POST", responses, [json], #"{"submissionId":"headers-0002","answers":{"idea":""# + String(repeating: "x", count: 5000) + #""}}"#, 413),
            ("POST", "/api/login", [json], #"{"email":"nobody@kommune.dk","password":"wrong"}"#, 401),
            ("POST", "/api/staff/sessions", [json], "{}", 401),
        ]
        for (method, target, headers, body, status) in cases {
            let reply = try fetch(method, target, headers: headers, body: body)
            XCTAssertEqual(reply.status, status, "\(method) \(target)")
            assertSecurityHeaders(reply, "\(method) \(target)")
        }

        _ = try running.application.store.updateStatus(code: code, to: .closed, at: Date())
        let closed = try fetch("POST", responses, headers: [json], body: #"{"submissionId":"headers-0003","answers":{"idea":"x"}}"#)
        XCTAssertEqual(closed.status, 409)
        assertSecurityHeaders(closed, "a closed session")

        let open = try running.openSession()
        try running.application.store.simulate(.readOnly)
        defer { try? running.application.store.simulate(nil) }
        let unavailable = try fetch("POST", "/api/sessions/\(open)/responses", headers: [json], body: #"{"submissionId":"headers-0004","answers":{"idea":"x"}}"#)
        XCTAssertEqual(unavailable.status, 503)
        assertSecurityHeaders(unavailable, "a database that cannot be written")
    }

    func testPagesHoldNoInlineScriptStyleOrHandlersTheirPolicyWouldBlock() throws {
        let root = URL(fileURLWithPath: RunningApplication.staticDirectory).resolvingSymlinksInPath()
        let files = try staticFiles()
        let pages = files.filter { $0.hasSuffix(".html") }
        XCTAssertGreaterThanOrEqual(pages.count, 9, "found the pages: \(pages)")
        let forbiddenInPages: [(pattern: String, what: String)] = [
            (#"<script(?![^>]*\ssrc\s*=)[^>]*>"#, "a script element without src"),
            (#"<script[^>]*>(?!\s*</script>)"#, "a script element with a body"),
            (#"<[a-zA-Z][^>]*\son[a-zA-Z]+\s*="#, "an on* handler attribute"),
            (#"<[a-zA-Z][^>]*\sstyle\s*="#, "a style attribute"),
            (#"<style[\s>]"#, "a style element"),
            (#"javascript:"#, "a javascript: URL"),
            (#"<script[^>]*\ssrc\s*=\s*["']?(https?:)?//"#, "a script from another origin"),
        ]
        for page in pages {
            let html = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            for (pattern, what) in forbiddenInPages {
                XCTAssertNil(html.range(of: pattern, options: [.regularExpression, .caseInsensitive]), "\(page) has \(what)")
            }
        }
        // Scripts the policy would stop at run time: eval and friends, and markup built from strings.
        let forbiddenInScripts: [(pattern: String, what: String)] = [
            (#"\beval\s*\("#, "eval"),
            (#"new\s+Function\s*\("#, "new Function"),
            (#"set(Timeout|Interval)\s*\(\s*["'`]"#, "a timer given code as text"),
            (#"\.(innerHTML|outerHTML)\s*\+?="#, "markup assigned from a string"),
            (#"insertAdjacentHTML\s*\("#, "insertAdjacentHTML"),
            (#"document\.write"#, "document.write"),
        ]
        let scripts = files.filter { $0.hasSuffix(".js") }
        XCTAssertGreaterThanOrEqual(scripts.count, 20, "found the scripts: \(scripts)")
        for script in scripts {
            let source = try String(contentsOf: root.appendingPathComponent(script), encoding: .utf8)
            for (pattern, what) in forbiddenInScripts {
                XCTAssertNil(source.range(of: pattern, options: .regularExpression), "\(script) uses \(what)")
            }
        }
    }
}
