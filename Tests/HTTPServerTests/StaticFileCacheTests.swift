import Foundation
import HTTPServer
import XCTest

/// Served files are remembered, but a changed or removed file is never served from memory.
final class StaticFileCacheTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("static-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: root)
    }

    private func body(_ files: StaticFiles, _ path: String) -> (status: Int, text: String) {
        let response = files.response(forPath: path, request: Request(method: .get, path: "/static/" + path))
        return (response.status.code, String(decoding: response.body, as: UTF8.self))
    }

    func testARewrittenFileIsServedAnew() throws {
        let file = root.appendingPathComponent("app.js")
        try Data("first".utf8).write(to: file)
        let files = StaticFiles(root: root.path)
        XCTAssertEqual(body(files, "app.js").text, "first")
        XCTAssertEqual(body(files, "app.js").text, "first")
        try Data("second version".utf8).write(to: file)
        XCTAssertEqual(body(files, "app.js").text, "second version")
    }

    func testARemovedFileIsNotFound() throws {
        let file = root.appendingPathComponent("gone.css")
        try Data("body{}".utf8).write(to: file)
        let files = StaticFiles(root: root.path)
        XCTAssertEqual(body(files, "gone.css").status, 200)
        try FileManager.default.removeItem(at: file)
        XCTAssertEqual(body(files, "gone.css").status, 404)
    }

    func testTheEntityTagStillAnswers304FromMemory() throws {
        try Data("<h1>x</h1>".utf8).write(to: root.appendingPathComponent("page.html"))
        let files = StaticFiles(root: root.path)
        let first = files.response(forPath: "page.html", request: Request(method: .get, path: "/static/page.html"))
        let tag = try XCTUnwrap(first.headers["ETag"])
        let again = files.response(
            forPath: "page.html", request: Request(method: .get, path: "/static/page.html", headers: ["If-None-Match": tag]))
        XCTAssertEqual(again.status.code, 304)
        XCTAssertTrue(again.body.isEmpty)
    }
}
