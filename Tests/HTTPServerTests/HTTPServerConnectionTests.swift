import HTTPServer
import TestSupport
import XCTest

/// Connections, body limits, concurrency and the server's life cycle, over real sockets.
final class HTTPServerConnectionTests: XCTestCase {
    private func bodyCountingRouter() -> Router {
        var routes = RouteTable()
        routes.get("/hello") { _ in .text("hello") }
        routes.post("/upload") { .text("received \($0.body.count) bytes") }
        return Router(routes, logger: testLogger)
    }

    func testPortZeroGivesARealPort() throws {
        let server = try startServer(bodyCountingRouter())
        XCTAssertGreaterThan(server.port, 0)
        XCTAssertEqual(try RawHTTPConnection(port: server.port).exchange(target: "/hello").text, "hello")
    }

    func testStartingOnATakenPortThrowsWithAReason() throws {
        let first = try startServer(bodyCountingRouter())
        let second = HTTPServer(
            configuration: HTTPServerConfiguration(port: first.port, threadCount: 1),
            router: bodyCountingRouter(),
            logger: testLogger
        )
        XCTAssertThrowsError(try second.start()) { error in
            guard case .cannotStart(_, let port, let reason) = error as? HTTPServerError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(port, first.port)
            XCTAssertFalse(reason.isEmpty)
        }
    }

    func testInvalidConfigurationIsRefused() {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(port: 70000),
            router: Router(RouteTable()),
            logger: testLogger
        )
        XCTAssertThrowsError(try server.start()) { error in
            XCTAssertEqual(error as? HTTPServerError, .invalidConfiguration(field: "port", reason: "must be 0...65535"))
        }
    }

    func testKeepAliveAnswersTwoRequestsOnOneSocket() throws {
        let server = try startServer(bodyCountingRouter())
        let connection = try RawHTTPConnection(port: server.port)
        let first = try connection.exchange(target: "/hello")
        let second = try connection.exchange(method: "POST", target: "/upload", body: Array("abc".utf8))
        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(first.text, "hello")
        XCTAssertEqual(second.text, "received 3 bytes")
        for response in [first, second] {
            XCTAssertFalse(response.closesConnection, "the server keeps the connection open")
        }
    }

    func testEveryKindOfRequestIsCountedOutWhenItEnds() throws {
        // With epoll, MHD 0.9.75 can miss a client's close that arrives together with the last data;
        // the connection timeout is what ends such a request then, so keep it short here.
        let server = try startServer(bodyCountingRouter(), maxBodyBytes: 10) { $0.connectionTimeoutSeconds = 2 }
        let connection = try RawHTTPConnection(port: server.port)
        XCTAssertEqual(try connection.exchange(target: "/hello").status, 200)
        XCTAssertEqual(try connection.exchange(method: "HEAD", target: "/hello").status, 200)
        XCTAssertEqual(try connection.exchange(target: "/missing").status, 404)
        XCTAssertEqual(try connection.exchange(target: "/bad%zz").status, 400)
        XCTAssertEqual(try connection.exchange(method: "POST", target: "/upload", body: [UInt8](repeating: 1, count: 11)).status, 413)
        let abandoned = try RawHTTPConnection(port: server.port)
        try abandoned.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab")
        XCTAssertTrue(Poll.blockingUntil { server.requestsInFlight == 1 })
        abandoned.shutDown()
        // Giving up mid-body ends that request too (at the latest when the connection times out).
        XCTAssertTrue(Poll.blockingUntil { server.requestsInFlight == 0 }, "still in flight: \(server.requestsInFlight)")
    }

    func testDeclaredContentLengthOverTheLimitIs413BeforeTheBodyIsSent() throws {
        let server = try startServer(bodyCountingRouter(), maxBodyBytes: 1000)
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
        let response = try connection.readResponse()
        XCTAssertEqual(response.status, 413)
        XCTAssertFalse(try response.decode(ErrorBody.self).error.isEmpty)
    }

    func testDeclaredContentLengthOverTheLimitIs413WhenTheBodyFollows() throws {
        let server = try startServer(bodyCountingRouter(), maxBodyBytes: 1000)
        let connection = try RawHTTPConnection(port: server.port)
        let response = try connection.exchange(method: "POST", target: "/upload", body: [UInt8](repeating: 65, count: 1001))
        XCTAssertEqual(response.status, 413)
    }

    func testBodyAtTheLimitIsAccepted() throws {
        let server = try startServer(bodyCountingRouter(), maxBodyBytes: 1000)
        let connection = try RawHTTPConnection(port: server.port)
        let response = try connection.exchange(method: "POST", target: "/upload", body: [UInt8](repeating: 65, count: 1000))
        XCTAssertEqual(response.text, "received 1000 bytes")
    }

    func testChunkedBodyIsCollectedAndRefusedWhenItGrowsPastTheLimit() throws {
        let server = try startServer(bodyCountingRouter(), maxBodyBytes: 1000)
        let small = try RawHTTPConnection(port: server.port)
        try small.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        XCTAssertEqual(try small.readResponse().text, "received 11 bytes")

        let large = try RawHTTPConnection(port: server.port)
        try large.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = "200\r\n" + String(repeating: "x", count: 0x200) + "\r\n"
        // 1536 bytes in three chunks: more than the limit, so the handler must never see them.
        try large.send(chunk + chunk + chunk + "0\r\n\r\n")
        let response = try large.readResponse()
        XCTAssertEqual(response.status, 413)
        XCTAssertFalse(try response.decode(ErrorBody.self).error.isEmpty)
    }

    func testChunkedBodyThatNeverEndsGetsItsConnectionClosed() throws {
        let server = try startServer(bodyCountingRouter(), maxBodyBytes: 1000)
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = "400\r\n" + String(repeating: "x", count: 0x400) + "\r\n"
        // Keep sending far past the limit; the server must give up on the connection, not buffer it.
        var closed = false
        for _ in 0..<1000 where !closed {
            closed = (try? connection.send(chunk)) == nil
        }
        XCTAssertTrue(closed || connection.isClosedByServer(within: Poll.defaultTimeout))
    }

    func testManySlowHandlersRunAtTheSameTimeOnTwoThreads() throws {
        let requestCount = 50
        let counter = SharedCounter()
        var routes = RouteTable()
        routes.get("/slow") { _ in
            counter.enter()
            defer { counter.leave() }
            // Wait until every request is inside a handler at once (or give up at the deadline):
            // a server that ran handlers one or two at a time would never get there.
            await Poll.until { counter.total >= requestCount }
            return .text("done")
        }
        let router = Router(routes, logger: testLogger)
        let server = try startServer(router, threadCount: 2)
        let connections = try (0..<requestCount).map { _ in try RawHTTPConnection(port: server.port) }
        for connection in connections {
            try connection.send(method: "GET", target: "/slow")
        }
        for connection in connections {
            XCTAssertEqual(try connection.readResponse().text, "done")
        }
        XCTAssertEqual(counter.maximum, requestCount)
    }

    func testStopLetsARequestInFlightFinishAndThenRefusesConnections() throws {
        let started = SharedCounter()
        var routes = RouteTable()
        routes.get("/slow") { _ in
            started.enter()
            try await Task.sleep(nanoseconds: 300_000_000)
            return .text(String(repeating: "finished ", count: 1000))
        }
        let router = Router(routes, logger: testLogger)
        let server = try startServer(router)
        let port = server.port
        let connection = try RawHTTPConnection(port: port)
        try connection.send(method: "GET", target: "/slow")
        XCTAssertTrue(Poll.blockingUntil { started.total == 1 })

        server.stop()

        let response = try connection.readResponse()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, String(repeating: "finished ", count: 1000))
        XCTAssertTrue(RawHTTPConnection.isRefused(port: port))
        XCTAssertEqual(server.port, 0)
        server.stop()
    }

    func testStopAnswers503WhenAHandlerOutlivesTheGracePeriod() throws {
        let started = SharedCounter()
        var routes = RouteTable()
        routes.get("/stuck") { _ in
            started.enter()
            try await Task.sleep(nanoseconds: 5_000_000_000)
            return .text("too late")
        }
        let router = Router(routes, logger: testLogger)
        let server = try startServer(router) { $0.shutdownGracePeriodSeconds = 0.2 }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send(method: "GET", target: "/stuck")
        XCTAssertTrue(Poll.blockingUntil { started.total == 1 })

        server.stop()

        // The suspended connection is released rather than left hanging.
        XCTAssertEqual(try connection.readResponse().status, 503)
    }

    func testServerCanBeRestartedAfterStop() throws {
        let server = try startServer(bodyCountingRouter())
        server.stop()
        try server.start()
        XCTAssertEqual(try RawHTTPConnection(port: server.port).exchange(target: "/hello").text, "hello")
        XCTAssertThrowsError(try server.start()) { XCTAssertEqual($0 as? HTTPServerError, .alreadyRunning) }
    }
}
