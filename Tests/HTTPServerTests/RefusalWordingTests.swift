import HTTPServer
import TestSupport
import XCTest

/// The server's own answers (413, 400, 404, 405, 500) take their words from the router's
/// `RefusalWording`, which sees the request's headers and, where the target reads, its query.
final class RefusalWordingTests: XCTestCase {
    private struct Unexpected: Error {}

    /// Words that show what the wording was told: the refusal's status and the language asked for.
    private func wordingRouter() -> Router {
        var routes = RouteTable()
        routes.post("/upload") { _ in .text("stored") }
        routes.get("/broken") { _ in throw Unexpected() }
        return Router(routes, logger: testLogger) { refusal, request in
            "\(refusal.status.code) in \(request.query["lang"] ?? request.headers["Accept-Language"] ?? "nothing")"
        }
    }

    func testEveryRefusalIsWordedByTheRouterForItsRequest() throws {
        let server = try startServer(wordingRouter(), maxBodyBytes: 16)
        let connection = { try RawHTTPConnection(port: server.port) }
        let body = Array(repeating: UInt8(ascii: "x"), count: 64)

        let declaredTooLarge = try connection().exchange(method: "POST", target: "/upload?lang=da", body: body)
        XCTAssertEqual(declaredTooLarge.status, 413)
        XCTAssertEqual(declaredTooLarge.errorReason, "413 in da")

        // A chunked body has no declared length: refused once it outgrows the limit, worded alike.
        let chunked = try connection()
        try chunked.send("POST /upload HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n"
                         + String(repeating: "x", count: 64) + "\r\n0\r\n\r\n")
        let grown = try chunked.readResponse(to: "POST")
        XCTAssertEqual(grown.status, 413)
        XCTAssertEqual(grown.errorReason, "413 in en")

        let malformed = try connection().exchange(target: "/upload/%ZZ", headers: ["Accept-Language: en"])
        XCTAssertEqual(malformed.status, 400)
        XCTAssertEqual(malformed.errorReason, "400 in en")

        let ambiguous = try connection()
        try ambiguous.send("POST /upload?lang=en HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
        let refused = try ambiguous.readResponse(to: "POST")
        XCTAssertEqual(refused.status, 400)
        XCTAssertEqual(refused.errorReason, "400 in en")

        let missing = try connection().exchange(target: "/nowhere?lang=da")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.errorReason, "404 in da")

        let wrongMethod = try connection().exchange(method: "DELETE", target: "/upload", headers: ["Accept-Language: en"])
        XCTAssertEqual(wrongMethod.status, 405)
        XCTAssertEqual(wrongMethod.errorReason, "405 in en")

        let failed = try connection().exchange(target: "/broken?lang=en")
        XCTAssertEqual(failed.status, 500)
        XCTAssertEqual(failed.errorReason, "500 in en")
    }

    func testWithoutWordingTheRefusalsAreEnglish() async {
        var routes = RouteTable()
        routes.get("/here") { _ in .text("here") }
        let router = Router(routes, logger: testLogger)
        let missing = await router.handle(Request(path: "/elsewhere"))
        XCTAssertEqual(missing.bodyText, #"{"error":"no such resource: \/elsewhere"}"#)
        XCTAssertEqual(ServerRefusal.bodyTooLarge(limit: 16).englishReason, "the request body is larger than 16 bytes")
    }
}
