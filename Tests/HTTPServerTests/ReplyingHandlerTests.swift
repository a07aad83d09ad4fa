import Dispatch
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// An error whose response the handler chooses.
private struct UnavailableError: HTTPResponseError {
    var response: Response { .error(.serviceUnavailable, reason: "disk is full") }
}

/// `.replying` handlers answer through a reply from any thread, exactly once.
final class ReplyingHandlerTests: XCTestCase {
    private func router() -> Router {
        var routes = RouteTable()
        routes.addReplying(.post, "/at-once") { request, reply in
            reply.send(.text("at once: \(String(decoding: request.body, as: UTF8.self))"))
        }
        routes.addReplying(.get, "/later/{name}") { request, reply in
            let name = request.pathParameters["name"] ?? "?"
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(20)) {
                reply.send(.text("later: \(name)"))
                reply.send(.text("a second answer is ignored"))
            }
        }
        routes.addReplying(.get, "/fails") { _, reply in
            Thread.detachNewThread { reply.fail(UnavailableError()) }
        }
        routes.addReplying(.get, "/forgotten") { _, _ in }
        return Router(routes, logger: testLogger)
    }

    func testRepliesFromTheServerThreadAndFromOthersShareOneKeptAliveConnection() throws {
        let server = try startServer(router())
        let connection = try RawHTTPConnection(port: server.port)
        for round in 0..<3 {
            XCTAssertEqual(try connection.exchange(method: "POST", target: "/at-once", body: Array("\(round)".utf8)).text, "at once: \(round)")
            XCTAssertEqual(try connection.exchange(target: "/later/ida").text, "later: ida")
        }
    }

    func testAFailedReplyIsTheErrorsOwnResponse() throws {
        let server = try startServer(router())
        let response = try RawHTTPConnection(port: server.port).exchange(target: "/fails")
        XCTAssertEqual(response.status, 503)
        XCTAssertEqual(try response.decode([String: String].self), ["error": "disk is full"])
    }

    func testADroppedReplyAnswers500InsteadOfHanging() throws {
        let server = try startServer(router())
        let connection = try RawHTTPConnection(port: server.port)
        let response = try connection.exchange(target: "/forgotten")
        XCTAssertEqual(response.status, 500)
        XCTAssertEqual(try connection.exchange(target: "/later/after").text, "later: after")
    }

    func testManyConcurrentRepliesEachReachTheirOwnConnection() throws {
        let server = try startServer(router(), threadCount: 2)
        let failures = SharedCounter()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            do {
                let connection = try RawHTTPConnection(port: server.port)
                for round in 0..<5 where try connection.exchange(target: "/later/\(index)-\(round)").text != "later: \(index)-\(round)" {
                    failures.enter()
                }
            } catch {
                failures.enter()
            }
        }
        XCTAssertEqual(failures.total, 0)
    }

    func testRouterHandleAwaitsAReply() async {
        let response = await router().handle(Request(method: .get, path: "/later/z"))
        XCTAssertEqual(response.bodyText, "later: z")
    }
}
