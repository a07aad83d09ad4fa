import App
import Foundation
import TestSupport
import XCTest

/// Broken, oversized, slow and smuggling requests sent as raw bytes to the real application.
///
/// Each must get a 4xx (a JSON reason wherever our code answers; libmicrohttpd's own refusals of
/// unparseable requests carry its fixed HTML text and close the connection), store nothing, and
/// leave the service answering everyone else.
final class HostileRequestTests: OpenSessionTestCase {
    override class func configure(_ configuration: inout AppConfiguration) {
        configuration.connectionTimeoutSeconds = 1
    }

    private func submission(_ id: String) -> String {
        #"{"submissionId":"\#(id)","answers":{"idea":"Flere bænke"}}"#
    }

    func testRequestsLibmicrohttpdCannotParseAre4xxAndCloseTheConnection() throws {
        let cases: [(name: String, bytes: String, status: Int)] = [
            ("no HTTP version", "GET /healthz\r\n\r\n", 400),
            ("unknown HTTP version", "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", 505),
            ("HTTP/2 preface on an HTTP/1.1 port", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505),
            ("header line without a colon", "GET /healthz HTTP/1.1\r\nHost: x\r\nBogus\r\n\r\n", 400),
            ("target over the memory limit", "GET /healthz?" + String(repeating: "a", count: 40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
            ("header over the memory limit", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + String(repeating: "a", count: 40_000) + "\r\n\r\n", 431),
            ("thousands of headers", "GET /healthz HTTP/1.1\r\nHost: x\r\n" + (0..<3000).map { "X-\($0): 1\r\n" }.joined() + "\r\n", 431),
            ("malformed chunk size", "POST \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400),
            ("negative Content-Length", "POST \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}", 400),
            ("Content-Length that is not a number", "POST \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2x\r\n\r\n{}", 400),
            ("Content-Length past 64 bits", "POST \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999999\r\n\r\n{}", 413),
        ]
        for (name, bytes, status) in cases {
            let reply = try running.exchange(raw: bytes)
            XCTAssertEqual(reply?.status, status, name)
            XCTAssertEqual(reply?.headers["Connection"]?.lowercased(), "close", name)
        }
        for garbage in ["GARBAGE\r\n\r\n", "GET\t/healthz\tHTTP/1.1\r\nHost: x\r\n\r\n"] {
            // Not even a request line: there is nothing to answer, and the connection is closed.
            let socket = try running.connect()
            try socket.send(garbage)
            XCTAssertNil(try socket.readResponseIfAny(), garbage.debugDescription)
        }
        XCTAssertEqual(try running.storedResponseCount(code), 0)
        assertStillHealthy()
    }

    func testAnHTTP11RequestWithoutHostIs400() throws {
        // RFC 9112 section 3.2: a server MUST answer 400 to an HTTP/1.1 request that lacks Host.
        let reply = try XCTUnwrap(try running.exchange(raw: "GET /healthz HTTP/1.1\r\n\r\n"))
        XCTAssertEqual(reply.status, 400)
        let oldClient = try XCTUnwrap(try running.exchange(raw: "GET /healthz HTTP/1.0\r\n\r\n"))
        XCTAssertEqual(oldClient.status, 200, "HTTP/1.0 has no Host requirement")
    }

    func testRequestsOurCodeRefusesGetAJSONReason() throws {
        let cases: [(name: String, bytes: String, status: Int)] = [
            ("unknown method", "BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 405),
            ("TRACE", "TRACE /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 405),
            ("CONNECT to another host", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n", 400),
            ("asterisk target", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("NUL in the path", "GET /s/AB%00CD HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("bad percent escape", "GET /api/sessions/%zz/form HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET on the submission endpoint", "GET \(responsesPath) HTTP/1.1\r\nHost: x\r\n\r\n", 405),
            ("PUT on the submission endpoint", "PUT \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", 405),
        ]
        for (name, bytes, status) in cases {
            let reply = try XCTUnwrap(try running.exchange(raw: bytes), name)
            XCTAssertEqual(reply.status, status, name)
            XCTAssertFalse(reply.errorReason?.isEmpty ?? true, "\(name): a JSON reason")
        }
        let invalidUTF8 = Array("GET /s/".utf8) + [0xC3, 0x28, 0xFF] + Array(" HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        let reply = try XCTUnwrap(try running.exchange(raw: invalidUTF8))
        XCTAssertEqual(reply.status, 400)
        XCTAssertFalse(reply.errorReason?.isEmpty ?? true)
        assertStillHealthy()
    }

    func testPathTraversalReachesNothingOutsideStatic() throws {
        let targets = [
            "/static/../Package.swift", "/static/js/../../Package.swift", "/static/%2e%2e/Package.swift",
            "/static/..%2fPackage.swift", "/static/..%5cPackage.swift", "/static/..\\Package.swift",
            "/static/%252e%252e/Package.swift", "/../Package.swift", "/static/js/tablet.js%00.html",
            "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/../../../../../../etc/passwd",
            "/s/..%2f..%2fPackage.swift", "/static/.git/config",
        ]
        for target in targets {
            let reply = try XCTUnwrap(try running.exchange(raw: "GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n"), target)
            XCTAssertTrue([400, 404].contains(reply.status), "\(target) gave \(reply.status)")
            XCTAssertFalse(reply.errorReason?.isEmpty ?? true, "\(target): a JSON reason")
            let body = String(decoding: reply.body, as: UTF8.self)
            XCTAssertFalse(body.contains("PackageDescription") || body.contains("root:x:0"), target)
        }
        assertStillHealthy()
    }

    func testRequestValuesCannotInjectResponseHeaders() throws {
        // The login redirect carries the page asked for; CR and LF in it must stay encoded.
        let redirect = try XCTUnwrap(try running.exchange(raw: 
            "GET /staff/sessions/%0d%0aSet-Cookie:%20borgerdialog_session=forged/print HTTP/1.1\r\nHost: x\r\n\r\n"))
        XCTAssertEqual(redirect.status, 303)
        XCTAssertEqual(redirect.headers["Location"], "/login?next=/staff/sessions/%0D%0ASet-Cookie%3A%20borgerdialog_session%3Dforged/print")
        XCTAssertNil(redirect.headers["Set-Cookie"])

        // A bare CR inside a request header is the client's problem; nothing of it comes back.
        let bareCR = try XCTUnwrap(try running.exchange(raw: 
            "GET /api/sessions/\(code!)/form HTTP/1.1\r\nHost: x\r\nAccept-Language: da\rSet-Cookie: a=1\r\n\r\n"))
        XCTAssertEqual(bareCR.status, 200)
        XCTAssertNil(bareCR.headers["Set-Cookie"])

        // The QR code's address comes from the Host header: anything but a host and port is refused.
        for host in [String(repeating: "a", count: 3000), "evil.example#", "a b", "x\u{7F}", "[::1", "host:99999", "host:port", "user@evil.example"] {
            let reply = try XCTUnwrap(try running.exchange(raw: "GET /api/sessions/\(code!)/qr.svg HTTP/1.1\r\nHost: \(host)\r\n\r\n"), host)
            XCTAssertEqual(reply.status, 400, "Host: \(host.prefix(40))")
            XCTAssertFalse(reply.errorReason?.isEmpty ?? true, host)
        }
        for host in ["127.0.0.1:8080", "borgerdialog.kommune.dk", "[::1]:8080", "borgerdialog_app:8080"] {
            let reply = try XCTUnwrap(try running.exchange(raw: "GET /api/sessions/\(code!)/qr.svg HTTP/1.1\r\nHost: \(host)\r\n\r\n"), host)
            XCTAssertEqual(reply.status, 200, "Host: \(host)")
            XCTAssertTrue(String(decoding: reply.body, as: UTF8.self).contains("http://\(host)/s/\(code!)"), host)
        }
        assertStillHealthy()
    }

    func testAmbiguousBodyLengthsAreRefusedAndNothingHiddenInTheBodyRuns() throws {
        // Behind a proxy that reads the other length, the hidden request would be a smuggled one.
        let body = submission("smuggled-0001")
        let hidden = "POST \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        let ambiguous = [
            "Content-Length: 2\r\nContent-Length: \(2 + hidden.utf8.count)\r\n\r\n{}" + hidden,
            "Content-Length: \(5 + hidden.utf8.count)\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden,
        ]
        for lengths in ambiguous {
            let socket = try running.connect()
            try socket.send("POST \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + lengths)
            let reply = try XCTUnwrap(try socket.readResponseIfAny())
            XCTAssertEqual(reply.status, 400)
            XCTAssertFalse(reply.errorReason?.isEmpty ?? true)
            XCTAssertEqual(reply.headers["Connection"]?.lowercased(), "close", "RFC 9112 section 6.1: close after such a request")
            XCTAssertTrue(socket.isClosedByServer())
        }
        XCTAssertFalse(try running.application.store.containsSubmission(id: "smuggled-0001"), "the hidden request never ran")
        assertStillHealthy()
    }

    func testABodyThatNeverFinishesIsDroppedAtTheConnectionTimeout() throws {
        let id = "unfinished-01"
        let body = submission(id)
        let socket = try running.connect()
        try socket.send("POST \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + String(body.prefix(20)))
        XCTAssertTrue(socket.isClosedByServer(), "an idle half-sent request is closed (timeout 1 s)")
        XCTAssertFalse(try running.application.store.containsSubmission(id: id))

        let silent = try running.connect()
        XCTAssertTrue(silent.isClosedByServer(), "a connection that never sends a byte is closed too")
        XCTAssertEqual(try running.storedResponseCount(code), 0)
        assertStillHealthy()
    }

    func testOversizedBodiesAre413WithAReasonAndStoreNothing() throws {
        let limit = running.application.configuration.maximumBodyBytes
        let id = "oversized-001"
        let padding = String(repeating: "x", count: limit)
        let body = #"{"submissionId":"\#(id)","answers":{"idea":"\#(padding)"}}"#
        // Declared up front: refused before a byte of the body is read.
        let declared = try running.connect()
        try declared.send("POST \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nExpect: 100-continue\r\n\r\n")
        let early = try XCTUnwrap(try declared.readResponseIfAny())
        XCTAssertEqual(early.status, 413)
        XCTAssertFalse(early.errorReason?.isEmpty ?? true)
        // Chunked: refused once it grows past the limit.
        let chunked = try running.connect()
        let bytes = Array(body.utf8)
        var request = "POST \(responsesPath) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        for start in stride(from: 0, to: bytes.count, by: 65_536) {
            let chunk = bytes[start..<min(start + 65_536, bytes.count)]
            request += String(chunk.count, radix: 16) + "\r\n" + String(decoding: chunk, as: UTF8.self) + "\r\n"
        }
        try chunked.send(request + "0\r\n\r\n")
        let late = try XCTUnwrap(try chunked.readResponseIfAny())
        XCTAssertEqual(late.status, 413)
        XCTAssertFalse(late.errorReason?.isEmpty ?? true)
        XCTAssertFalse(try running.application.store.containsSubmission(id: id))
        assertStillHealthy()
    }
}
