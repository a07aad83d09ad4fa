import HTTPServer
import TestSupport
import XCTest

/// What the echo handler saw, sent back as JSON.
struct Echo: Codable, Equatable {
    var method: String
    var path: String
    var parameters: [String: String]
    var query: [String: String]
    var queryItems: [[String]]
    var cookies: [String: String]
    var body: String
    var remoteAddress: String?

    init(_ request: Request) {
        method = request.method.rawValue
        path = request.path
        parameters = request.pathParameters
        query = request.query
        queryItems = request.queryItems.map { [$0.name, $0.value] }
        cookies = request.cookies
        body = String(decoding: request.body, as: UTF8.self)
        remoteAddress = request.remoteAddress
    }
}

/// A handler error that chooses its own response.
private struct TeapotError: HTTPResponseError {
    var response: Response { .error(HTTPStatus(code: 418, reason: "I'm a teapot"), reason: "short and stout") }
}

/// An error with internals that must never reach the client.
private struct DatabaseExploded: Error, CustomStringConvertible {
    var description: String { "SQLITE_CORRUPT at /var/lib/secret.db" }
}

/// Routing, parsing and error mapping through a real daemon and real sockets.
final class HTTPServerRoutingTests: XCTestCase {
    private func echoRouter() -> Router {
        var routes = RouteTable()
        routes.get("/api/sessions/{code}/form") { .json(Echo($0)) }
        routes.post("/api/sessions/{code}/responses") { .json(Echo($0), status: .created) }
        routes.get("/api/sessions/new") { _ in .text("the literal route") }
        routes.get("/teapot") { _ in throw TeapotError() }
        routes.get("/not-allowed") { _ in throw HTTPError(.forbidden, reason: "facilitators only") }
        routes.get("/explode") { _ in throw DatabaseExploded() }
        routes.get("/framed") { _ in Response(headers: ["X-Frame-Options": "SAMEORIGIN"], body: Array("ok".utf8)) }
        routes.get("/echo/{rest...}") { .json(Echo($0)) }
        routes.get("/injected") { _ in Response(headers: ["X-Note": "a\r\nSet-Cookie: admin=1"], body: Array("ok".utf8)) }
        return Router(routes, logger: testLogger)
    }

    func testPathParametersQueryAndCookiesReachTheHandler() throws {
        let server = try startServer(echoRouter())
        let connection = try RawHTTPConnection(port: server.port)
        let response = try connection.exchange(
            target: "/api/sessions/K%C3%98GE/form?table=3&note=two+words%21&table=9&empty=&flag",
            headers: ["Cookie: session=abc123; theme=\"dark\"", "Cookie: session=ignored; lang=da"]
        )
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["Content-Type"], "application/json; charset=utf-8")
        let echo = try response.decode(Echo.self)
        XCTAssertEqual(echo.method, "GET")
        XCTAssertEqual(echo.path, "/api/sessions/KØGE/form")
        XCTAssertEqual(echo.parameters, ["code": "KØGE"])
        XCTAssertEqual(echo.query, ["table": "3", "note": "two words!", "empty": "", "flag": ""])
        XCTAssertEqual(echo.queryItems, [["table", "3"], ["note", "two words!"], ["table", "9"], ["empty", ""], ["flag", ""]])
        XCTAssertEqual(echo.cookies, ["session": "abc123", "theme": "dark", "lang": "da"])
        XCTAssertEqual(echo.remoteAddress, "127.0.0.1")
    }

    func testPostBodyReachesTheHandler() throws {
        let server = try startServer(echoRouter())
        let connection = try RawHTTPConnection(port: server.port)
        let body = Array(#"{"answer":"Fællesskab"}"#.utf8)
        let response = try connection.exchange(method: "POST", target: "/api/sessions/A1/responses", body: body)
        XCTAssertEqual(response.status, 201)
        let echo = try response.decode(Echo.self)
        XCTAssertEqual(echo.body, #"{"answer":"Fællesskab"}"#)
        XCTAssertEqual(echo.parameters, ["code": "A1"])
    }

    func testLiteralSegmentBeatsParameterAndRestCapturesTheRest() throws {
        let server = try startServer(echoRouter())
        let connection = try RawHTTPConnection(port: server.port)
        XCTAssertEqual(try connection.exchange(target: "/api/sessions/new").text, "the literal route")
        let rest = try connection.exchange(target: "/echo/a/b/c.txt").decode(Echo.self)
        XCTAssertEqual(rest.parameters, ["rest": "a/b/c.txt"])
    }

    func testUnknownPathIs404WithJSONReason() throws {
        let server = try startServer(echoRouter())
        let response = try RawHTTPConnection(port: server.port).exchange(target: "/nowhere")
        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(response.headers["Content-Type"], "application/json; charset=utf-8")
        let body = try response.decode([String: String].self)
        XCTAssertFalse(body["error", default: ""].isEmpty)
    }

    func testWrongMethodIs405WithAllow() throws {
        let server = try startServer(echoRouter())
        let response = try RawHTTPConnection(port: server.port).exchange(method: "DELETE", target: "/api/sessions/A1/form")
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.headers["Allow"], "GET, HEAD")
        XCTAssertFalse(try response.decode(ErrorBody.self).error.isEmpty)
    }

    func testHeadIsServedByGetWithoutBodyButWithContentLength() throws {
        let server = try startServer(echoRouter())
        let connection = try RawHTTPConnection(port: server.port)
        let get = try connection.exchange(target: "/api/sessions/new")
        let head = try connection.exchange(method: "HEAD", target: "/api/sessions/new")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, [])
        XCTAssertEqual(head.headers["Content-Length"], String(get.body.count))
        // Had the server sent a body after all, it would be read here as a broken status line.
        XCTAssertEqual(try connection.exchange(target: "/api/sessions/new").text, "the literal route")
    }

    func testHTTPResponseErrorsDecideTheirResponse() throws {
        let server = try startServer(echoRouter())
        let connection = try RawHTTPConnection(port: server.port)
        let teapot = try connection.exchange(target: "/teapot")
        XCTAssertEqual(teapot.status, 418)
        XCTAssertEqual(try teapot.decode([String: String].self), ["error": "short and stout"])
        let forbidden = try connection.exchange(target: "/not-allowed")
        XCTAssertEqual(forbidden.status, 403)
        XCTAssertEqual(try forbidden.decode([String: String].self), ["error": "facilitators only"])
    }

    func testUnknownErrorIs500WithoutInternals() throws {
        let server = try startServer(echoRouter())
        let response = try RawHTTPConnection(port: server.port).exchange(target: "/explode")
        XCTAssertEqual(response.status, 500)
        XCTAssertEqual(try response.decode([String: String].self), ["error": "internal error"])
        XCTAssertFalse(response.text.contains("SQLITE"))
    }

    func testBadPercentEncodingIs400() throws {
        let server = try startServer(echoRouter())
        let targets = [
            "/echo/%zz", "/echo/%4", "/echo/abc%", "/echo/%ff%fe", "/echo/a%00b",
            "/echo/x?q=%G1", "/echo/x?q=%C3", "/echo/a%2Fb",
        ]
        for target in targets {
            let response = try RawHTTPConnection(port: server.port).exchange(target: target)
            XCTAssertEqual(response.status, 400, target)
            XCTAssertFalse(try response.decode(ErrorBody.self).error.isEmpty, target)
        }
    }

    func testRawInvalidUTF8InThePathIsRefused() throws {
        let server = try startServer(echoRouter())
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send(Array("GET /echo/".utf8) + [0xC3, 0x28, 0xFF] + Array(" HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        let response = try connection.readResponse()
        XCTAssertEqual(response.status, 400)
    }

    func testHeaderValuesCannotInjectHeaders() throws {
        let server = try startServer(echoRouter())
        let response = try RawHTTPConnection(port: server.port).exchange(target: "/injected")
        XCTAssertEqual(response.status, 200)
        XCTAssertFalse(response.headers.contains(name: "Set-Cookie"))
        XCTAssertEqual(response.text, "ok")
    }

    func testDefaultSecurityHeadersArePresentUnlessTheHandlerSetsThem() throws {
        let server = try startServer(echoRouter())
        let connection = try RawHTTPConnection(port: server.port)
        for target in ["/api/sessions/new", "/nowhere"] {
            let response = try connection.exchange(target: target)
            XCTAssertEqual(response.headers["X-Content-Type-Options"], "nosniff", target)
            XCTAssertEqual(response.headers["Referrer-Policy"], "no-referrer", target)
            XCTAssertEqual(response.headers["X-Frame-Options"], "DENY", target)
            XCTAssertEqual(
                response.headers["Content-Security-Policy"],
                "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                target
            )
        }
        let framed = try connection.exchange(target: "/framed")
        XCTAssertEqual(framed.headers.values(for: "X-Frame-Options"), ["SAMEORIGIN"])
    }
}
