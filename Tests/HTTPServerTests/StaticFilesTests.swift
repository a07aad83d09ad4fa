import Foundation
import HTTPServer
import TestSupport
import XCTest

/// Static files through a real server: types, caching, index pages and refused escapes.
final class StaticFilesTests: XCTestCase {
    private var folder: URL!
    private var root: URL!
    private let secret = "TOP SECRET: outside the static root"

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString)")
        root = folder.appendingPathComponent("public")
        let files = [
            "index.html": "<h1>home</h1>",
            "app.js": "console.log(1)",
            "style.css": "body{}",
            "data.json": "{}",
            "site.webmanifest": "{}",
            "logo.svg": "<svg/>",
            "logo.png": "png",
            "photo.jpg": "jpg",
            "favicon.ico": "ico",
            "font.woff2": "woff2",
            "robots.txt": "User-agent: *",
            "blob.bin": "binary",
            "guide/index.html": "<h1>guide</h1>",
            "empty/readme.txt": "no index here",
            ".env": "SECRET=1",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data(secret.utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("link-out.txt").path,
            withDestinationPath: "../secret.txt"
        )
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("folder-out").path, withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link-in.txt").path, withDestinationPath: "robots.txt")
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func startStaticServer() throws -> HTTPServer {
        let files = StaticFiles(root: root.path)
        var routes = RouteTable()
        routes.get("/static/{path...}") { files.response(forPath: $0.pathParameters["path"] ?? "", request: $0) }
        let router = Router(routes, logger: testLogger)
        return try startServer(router)
    }

    func testContentTypesAndCacheHeaders() throws {
        let server = try startStaticServer()
        let connection = try RawHTTPConnection(port: server.port)
        let expected: [(String, String, String)] = [
            ("index.html", "text/html; charset=utf-8", "no-cache"),
            ("app.js", "text/javascript; charset=utf-8", "public, max-age=3600"),
            ("style.css", "text/css; charset=utf-8", "public, max-age=3600"),
            ("data.json", "application/json; charset=utf-8", "public, max-age=3600"),
            ("site.webmanifest", "application/manifest+json", "public, max-age=3600"),
            ("logo.svg", "image/svg+xml", "public, max-age=3600"),
            ("logo.png", "image/png", "public, max-age=3600"),
            ("photo.jpg", "image/jpeg", "public, max-age=3600"),
            ("favicon.ico", "image/x-icon", "public, max-age=3600"),
            ("font.woff2", "font/woff2", "public, max-age=3600"),
            ("robots.txt", "text/plain; charset=utf-8", "public, max-age=3600"),
            ("blob.bin", "application/octet-stream", "public, max-age=3600"),
        ]
        for (file, contentType, cacheControl) in expected {
            let response = try connection.exchange(target: "/static/\(file)")
            XCTAssertEqual(response.status, 200, file)
            XCTAssertEqual(response.headers["Content-Type"], contentType, file)
            XCTAssertEqual(response.headers["Cache-Control"], cacheControl, file)
            XCTAssertEqual(response.body, Array(try Data(contentsOf: root.appendingPathComponent(file))), file)
        }
    }

    func testEntityTagAnswers304WhenItMatches() throws {
        let server = try startStaticServer()
        let connection = try RawHTTPConnection(port: server.port)
        let first = try connection.exchange(target: "/static/app.js")
        let entityTag = try XCTUnwrap(first.headers["ETag"])
        XCTAssertTrue(entityTag.hasPrefix("\"") && entityTag.hasSuffix("\""), "a strong ETag is quoted: \(entityTag)")

        let revalidated = try connection.exchange(target: "/static/app.js", headers: ["If-None-Match: \"other\", \(entityTag)"])
        XCTAssertEqual(revalidated.status, 304)
        XCTAssertEqual(revalidated.headers["ETag"], entityTag)
        XCTAssertEqual(revalidated.body, [])

        let stale = try connection.exchange(target: "/static/app.js", headers: ["If-None-Match: \"other\""])
        XCTAssertEqual(stale.status, 200)
        XCTAssertEqual(stale.text, "console.log(1)")
    }

    func testEntityTagChangesWhenTheFileChanges() throws {
        let files = StaticFiles(root: root.path)
        let before = files.response(forPath: "app.js", request: Request()).headers["ETag"]
        try Data("console.log(2); // longer".utf8).write(to: root.appendingPathComponent("app.js"))
        let after = files.response(forPath: "app.js", request: Request()).headers["ETag"]
        XCTAssertNotNil(before)
        XCTAssertNotEqual(before, after)
    }

    func testFolderServesItsIndexPage() throws {
        let server = try startStaticServer()
        let connection = try RawHTTPConnection(port: server.port)
        for target in ["/static/guide/", "/static/guide"] {
            let response = try connection.exchange(target: target)
            XCTAssertEqual(response.status, 200, target)
            XCTAssertEqual(response.text, "<h1>guide</h1>", target)
            XCTAssertEqual(response.headers["Content-Type"], "text/html; charset=utf-8", target)
        }
        XCTAssertEqual(try connection.exchange(target: "/static/").text, "<h1>home</h1>")
        XCTAssertEqual(try connection.exchange(target: "/static/empty/").status, 404)
        XCTAssertEqual(try connection.exchange(target: "/static/missing.js").status, 404)
    }

    func testSymlinkInsideTheRootIsServed() throws {
        let server = try startStaticServer()
        XCTAssertEqual(try RawHTTPConnection(port: server.port).exchange(target: "/static/link-in.txt").text, "User-agent: *")
    }

    func testEveryTraversalAttemptIsRefused() throws {
        let server = try startStaticServer()
        let attempts = [
            "/static/../secret.txt",
            "/static/../Package.swift",
            "/static/guide/../../secret.txt",
            "/static/%2e%2e/secret.txt",
            "/static/%2E%2E/secret.txt",
            "/static/%2e%2e%2fsecret.txt",
            "/static/..%2fsecret.txt",
            "/static/..%2Fsecret.txt",
            "/static/..%5csecret.txt",
            "/static/.%2e/secret.txt",
            "/static/%252e%252e/secret.txt",
            "/static//etc/passwd",
            "/static/%2fetc%2fpasswd",
            "/static/link-out.txt",
            "/static/folder-out/secret.txt",
            "/static/robots.txt%00.html",
            "/static/.env",
        ]
        for target in attempts {
            let response = try RawHTTPConnection(port: server.port).exchange(target: target)
            XCTAssertTrue([400, 404].contains(response.status), "\(target) gave \(response.status)")
            XCTAssertFalse(response.text.contains("SECRET"), target)
            XCTAssertFalse(response.text.contains("root:"), target)
        }
    }

    func testUnsafeRelativePathsAreRefusedWithoutAServer() {
        let files = StaticFiles(root: root.path)
        XCTAssertEqual(files.response(forPath: "robots.txt", request: Request()).status, .ok)
        for path in ["../secret.txt", "/etc/passwd", "guide/../../secret.txt", "robots.txt\0", "..\\secret.txt", "./robots.txt", "link-out.txt"] {
            let response = files.response(forPath: path, request: Request())
            XCTAssertEqual(response.status, .notFound, path)
            XCTAssertFalse(String(decoding: response.body, as: UTF8.self).contains("SECRET"), path)
        }
    }

    func testMissingRootServesNothing() {
        let files = StaticFiles(root: folder.appendingPathComponent("does-not-exist").path)
        XCTAssertNil(files.rootPath)
        XCTAssertEqual(files.response(forPath: "index.html", request: Request()).status, .notFound)
    }
}
