import App
import Foundation
import TestSupport
import XCTest

/// The pages a browser loads, the body limit, and what an empty database starts with, over a real socket.
final class PagesTests: XCTestCase {
    func testTabletPageAndStaticFilesCarryTheirTypesAndTheSecurityHeaders() throws {
        let running = try RunningApplication(listening: true)
        defer { running.shutDown() }
        let code = try running.openSession()

        let tablet = try running.exchange("GET", "/s/\(code)")
        XCTAssertEqual(tablet.status, 200)
        XCTAssertEqual(tablet.headers["Content-Type"]?.hasPrefix("text/html"), true)
        XCTAssertTrue(tablet.text.contains("/static/js/tablet.js"))
        let policy = try XCTUnwrap(tablet.headers["Content-Security-Policy"])
        XCTAssertFalse(policy.contains("unsafe-inline"), policy)
        XCTAssertEqual(tablet.headers["X-Content-Type-Options"], "nosniff")

        let script = try running.exchange("GET", "/static/js/tablet.js")
        XCTAssertEqual(script.status, 200)
        XCTAssertEqual(script.headers["Content-Type"]?.contains("javascript"), true)

        for path in ["/static/../Package.swift", "/static/%2e%2e/Package.swift", "/static/..%2fPackage.swift", "/static/js/%2e%2e/%2e%2e/README.md"] {
            let answer = try running.exchange("GET", path)
            XCTAssertTrue([400, 404].contains(answer.status), "\(path) gave \(answer.status)")
            XCTAssertFalse(answer.text.contains("PackageDescription"), path)
        }
    }

    func testBodyOverTheLimitIs413() throws {
        let running = try RunningApplication(listening: true, maximumBodyBytes: 2048)
        defer { running.shutDown() }
        let code = try running.openSession()
        let body = RunningApplication.submission(answers: ["idea": .string(String(repeating: "å", count: 4000))]).bytes
        let answer = try running.exchange("POST", "/api/sessions/\(code)/responses", headers: ["Content-Type: application/json"], body: body)
        XCTAssertEqual(answer.status, 413)
        XCTAssertFalse(try answer.decode(ErrorBody.self).error.isEmpty)
        XCTAssertEqual(try running.storedResponseCount(code), 0)
    }

    func testAnEmptyDatabaseGetsAnOpenDemoSessionAtTheStart() throws {
        let running = try RunningApplication(listening: true, createsDemoSession: true)
        defer { running.shutDown() }
        let sessions = try running.application.store.sessions()
        XCTAssertEqual(sessions.count, 1)
        XCTAssertEqual(sessions.first?.status, .open)
        let answer = try running.exchange("GET", "/api/sessions/\(sessions[0].code)/form")
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
