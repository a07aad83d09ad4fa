import App
import Foundation
import XCTest

/// The pages a browser loads, the limits on requests, and what an empty database starts with.
final class PagesTests: XCTestCase {
    func testTabletPageStaticFilesAndSecurityHeaders() async throws {
        let running = try RunningApplication()
        defer { running.shutDown() }
        let code = try running.openSession()

        let tablet = try await running.request("GET", "/s/\(code)")
        XCTAssertEqual(tablet.status, 200)
        XCTAssertTrue(tablet.headers["content-type"]?.hasPrefix("text/html") ?? false)
        XCTAssertTrue(String(decoding: tablet.body, as: UTF8.self).contains("/static/js/tablet.js"))
        XCTAssertNotNil(tablet.headers["content-security-policy"])
        XCTAssertFalse(tablet.headers["content-security-policy"]?.contains("unsafe-inline") ?? true)
        XCTAssertEqual(tablet.headers["x-content-type-options"], "nosniff")

        let script = try await running.request("GET", "/static/js/tablet.js")
        XCTAssertEqual(script.status, 200)
        XCTAssertTrue(script.headers["content-type"]?.contains("javascript") ?? false)

        for path in ["/static/../Package.swift", "/static/%2e%2e/Package.swift", "/static/..%2fPackage.swift", "/static/js/%2e%2e/%2e%2e/README.md"] {
            let answer = try await running.request("GET", path)
            XCTAssertTrue([400, 404].contains(answer.status), "\(path) gave \(answer.status)")
            XCTAssertFalse(String(decoding: answer.body, as: UTF8.self).contains("PackageDescription"))
        }
    }

    func testBodyOverTheLimitIs413() async throws {
        let running = try RunningApplication(maximumBodyBytes: 2048)
        defer { running.shutDown() }
        let code = try running.openSession()
        let body = RunningApplication.submission(answers: ["idea": String(repeating: "å", count: 4000)])
        let answer = try await running.request("POST", "/api/sessions/\(code)/responses", body: body)
        XCTAssertEqual(answer.status, 413)
        XCTAssertNotNil(try RunningApplication.object(answer.body)["error"] as? String)
    }

    func testAnEmptyDatabaseGetsAnOpenDemoSession() async throws {
        let running = try RunningApplication(createsDemoSession: true)
        defer { running.shutDown() }
        let sessions = try running.application.store.sessions()
        XCTAssertEqual(sessions.count, 1)
        XCTAssertEqual(sessions.first?.status, .open)
        let answer = try await running.request("GET", "/api/sessions/\(sessions[0].code)/form")
        XCTAssertEqual(answer.status, 200)
    }

    func testJoinCodesAvoidLookAlikeCharacters() {
        for _ in 0..<500 {
            let code = JoinCode.generate()
            XCTAssertEqual(code.count, JoinCode.length)
            XCTAssertTrue(code.allSatisfy { !"0O1IL".contains($0) }, code)
        }
        XCTAssertEqual(JoinCode.normalize(" ab-c 23 "), "ABC23")
    }
}
