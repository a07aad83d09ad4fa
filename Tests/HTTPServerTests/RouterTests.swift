import HTTPServer
import TestSupport
import XCTest

/// The router on its own, without sockets.
final class RouterTests: XCTestCase {
    private func router() -> Router {
        var routes = RouteTable()
        routes.get("/api/sessions/{code}") { .text("session \($0.pathParameters["code"] ?? "?")") }
        routes.get("/api/sessions/new") { _ in .text("new session form") }
        routes.post("/api/sessions/{code}") { _ in .text("posted") }
        routes.get("/files/{path...}") { .text("file \($0.pathParameters["path"] ?? "?")") }
        routes.delete("/api/sessions/{code}/answers/{answer}") { .json($0.pathParameters) }
        return Router(routes, logger: testLogger)
    }

    func testRoutesAreListedInRegistrationOrder() {
        XCTAssertEqual(router().routes.map(\.description), [
            "GET /api/sessions/{code}",
            "GET /api/sessions/new",
            "POST /api/sessions/{code}",
            "GET /files/{path...}",
            "DELETE /api/sessions/{code}/answers/{answer}",
        ])
    }

    func testLiteralBeatsParameterWhateverTheOrder() async {
        let router = router()
        let literal = await router.handle(Request(path: "/api/sessions/new"))
        XCTAssertEqual(literal.bodyText, "new session form")
        let parameter = await router.handle(Request(path: "/api/sessions/ABC"))
        XCTAssertEqual(parameter.bodyText, "session ABC")
    }

    func testParametersMatchOneNonEmptySegment() async throws {
        let router = router()
        let twoParameters = await router.handle(Request(method: .delete, path: "/api/sessions/S1/answers/7"))
        XCTAssertEqual(try twoParameters.decode([String: String].self), ["code": "S1", "answer": "7"])
        let emptySegment = await router.handle(Request(path: "/api/sessions/"))
        XCTAssertEqual(emptySegment.status, .notFound)
        let extraSegment = await router.handle(Request(path: "/api/sessions/A/B"))
        XCTAssertEqual(extraSegment.status, .notFound)
    }

    func testRestParameterTakesEverythingAfterIt() async {
        let router = router()
        let nested = await router.handle(Request(path: "/files/css/site/main.css"))
        XCTAssertEqual(nested.bodyText, "file css/site/main.css")
        let empty = await router.handle(Request(path: "/files/"))
        XCTAssertEqual(empty.bodyText, "file ")
        let without = await router.handle(Request(path: "/files"))
        XCTAssertEqual(without.status, .notFound, "the rest needs the slash before it")
    }

    func testALiteralRouteBeatsARestUnderIt() async {
        var routes = RouteTable()
        routes.get("/staff") { _ in .text("staff home") }
        routes.get("/staff/audit") { _ in .text("audit") }
        routes.get("/staff/{path...}") { .text("missing \($0.pathParameters["path"] ?? "?")") }
        let router = Router(routes, logger: testLogger)
        let home = await router.handle(Request(path: "/staff"))
        XCTAssertEqual(home.bodyText, "staff home")
        let audit = await router.handle(Request(path: "/staff/audit"))
        XCTAssertEqual(audit.bodyText, "audit")
        let missing = await router.handle(Request(path: "/staff/x/y"))
        XCTAssertEqual(missing.bodyText, "missing x/y")
    }

    func testMethodNotAllowedListsTheAllowedMethods() async {
        let response = await router().handle(Request(method: .put, path: "/api/sessions/ABC"))
        XCTAssertEqual(response.status, .methodNotAllowed)
        XCTAssertEqual(response.headers["Allow"], "GET, HEAD, POST")
        XCTAssertEqual(response.headers["Content-Type"], "application/json; charset=utf-8")
    }

    func testHeadDropsTheBodyButKeepsItsLength() async {
        let response = await router().handle(Request(method: .head, path: "/api/sessions/ABC"))
        XCTAssertEqual(response.status, .ok)
        XCTAssertEqual(response.body, [])
        XCTAssertEqual(response.headers["Content-Length"], String("session ABC".utf8.count))
    }

    func testHandlersThatThrowAreMapped() async {
        struct Hidden: Error {}
        var routes = RouteTable()
        routes.get("/a") { _ in throw HTTPError(.conflict, reason: "already submitted") }
        routes.get("/b") { _ in throw Hidden() }
        let router = Router(routes, logger: testLogger)
        let conflict = await router.handle(Request(path: "/a"))
        XCTAssertEqual(conflict.status, .conflict)
        XCTAssertEqual(conflict.bodyText, #"{"error":"already submitted"}"#)
        let hidden = await router.handle(Request(path: "/b"))
        XCTAssertEqual(hidden.status, .internalServerError)
        XCTAssertEqual(hidden.bodyText, #"{"error":"internal error"}"#)
    }
}

/// Headers, requests and responses as values.
final class MessageTests: XCTestCase {
    func testHeadersAreOrderedCaseInsensitiveAndKeepRepeats() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers.add(name: "Set-Cookie", value: "a=1")
        headers.add(name: "set-cookie", value: "b=2")
        XCTAssertEqual(headers["content-type"], "text/plain")
        XCTAssertEqual(headers.values(for: "SET-COOKIE"), ["a=1", "b=2"])
        XCTAssertEqual(headers.map(\.name), ["Content-Type", "Set-Cookie", "set-cookie"])

        headers["Set-Cookie"] = "c=3"
        XCTAssertEqual(headers.values(for: "Set-Cookie"), ["c=3"])
        XCTAssertEqual(headers.map(\.name), ["Content-Type", "Set-Cookie"])
        headers["Content-Type"] = nil
        XCTAssertFalse(headers.contains(name: "content-type"))
        XCTAssertEqual(HTTPHeaders([("A", "1"), ("a", "2")]).values(for: "a"), ["1", "2"])
    }

    func testRequestDerivesQueryAndCookies() {
        let request = Request(
            path: "/x",
            queryItems: [(name: "a", value: "1"), (name: "a", value: "2"), (name: "b", value: "")],
            headers: ["Cookie": "id=\"xyz\"; broken; =nameless; theme=dark"]
        )
        XCTAssertEqual(request.query, ["a": "1", "b": ""])
        XCTAssertEqual(request.cookies, ["id": "xyz", "theme": "dark"])
    }

    func testResponseHelpers() {
        struct Payload: Encodable { var count: Int }
        let json = Response.json(Payload(count: 3), status: .created)
        XCTAssertEqual(json.status, .created)
        XCTAssertEqual(json.bodyText, #"{"count":3}"#)
        XCTAssertEqual(Response.text("hej").headers["Content-Type"], "text/plain; charset=utf-8")
        XCTAssertEqual(Response.html("<p>").headers["Content-Type"], "text/html; charset=utf-8")
        let redirect = Response.redirect(to: "/login")
        XCTAssertEqual(redirect.status.code, 303)
        XCTAssertEqual(redirect.headers["Location"], "/login")
        let error = Response.error(.unprocessableContent, reason: "svaret mangler \"navn\"")
        XCTAssertEqual(error.status.code, 422)
        XCTAssertEqual(try error.decode([String: String].self), ["error": "svaret mangler \"navn\""])
        XCTAssertEqual(HTTPError(.notFound, reason: "no such session").response.status, .notFound)
    }
}
