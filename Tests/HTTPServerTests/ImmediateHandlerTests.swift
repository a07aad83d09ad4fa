import Foundation
import HTTPServer
import TestSupport
import XCTest

/// An error whose response the handler chooses.
private struct GoneError: HTTPResponseError {
    var response: Response { .error(.notFound, reason: "gone for good") }
}

/// An error with internals that must not reach the client.
private struct HiddenFailure: Error {}

/// Handlers registered to answer `.onServerThread` answer on the server's thread, with the same routing,
/// error mapping and keep-alive as handlers that run in a task.
final class ImmediateHandlerTests: XCTestCase {
    private func router() -> Router {
        var routes = RouteTable()
        routes.addOnServerThread(.get, "/now/{name}") { request in
            .text("hello \(request.pathParameters["name"] ?? "?")")
        }
        routes.addOnServerThread(.get, "/gone") { _ in throw GoneError() }
        routes.addOnServerThread(.get, "/broken") { _ in throw HiddenFailure() }
        routes.add(.get, "/later") { _ in
            try await Task.sleep(nanoseconds: 1_000_000)
            return .text("later")
        }
        return Router(routes, logger: testLogger)
    }

    func testImmediateAndAwaitingHandlersShareOneKeptAliveConnection() throws {
        let server = try startServer(router())
        let connection = try RawHTTPConnection(port: server.port)
        for _ in 0..<3 {
            XCTAssertEqual(try connection.exchange(target: "/now/ida").text, "hello ida")
            XCTAssertEqual(try connection.exchange(target: "/later").text, "later")
        }
    }

    func testErrorsFromImmediateHandlersAreMapped() throws {
        let server = try startServer(router())
        let connection = try RawHTTPConnection(port: server.port)
        let gone = try connection.exchange(target: "/gone")
        XCTAssertEqual(gone.status, 404)
        XCTAssertEqual(try gone.decode([String: String].self), ["error": "gone for good"])
        let broken = try connection.exchange(target: "/broken")
        XCTAssertEqual(broken.status, 500)
        XCTAssertEqual(try broken.decode([String: String].self), ["error": "internal error"])
    }

    func testHeadOfAnImmediateGetHasNoBody() throws {
        let server = try startServer(router())
        let connection = try RawHTTPConnection(port: server.port)
        let head = try connection.exchange(method: "HEAD", target: "/now/x")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, [])
        XCTAssertEqual(head.headers["Content-Length"], String("hello x".utf8.count))
        XCTAssertEqual(try connection.exchange(target: "/now/y").text, "hello y")
    }

    func testRouterHandleRunsImmediateHandlersToo() async {
        let response = await router().handle(Request(method: .get, path: "/now/z"))
        XCTAssertEqual(response.bodyText, "hello z")
    }
}
