#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

/// One TCP connection to the running application on which a test writes exact bytes, however
/// broken, and reads what comes back; URLSession would repair or refuse such requests first.
final class RawSocket {
    private let descriptor: Int32
    private var received: [UInt8] = []

    /// An answer as read off the wire.
    struct Reply {
        let status: Int
        /// Header lines in order, names as sent.
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        /// The first value of a header, whatever the case of its name.
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The `error` of a JSON body, if the body is one.
        var errorReason: String? {
            (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])?["error"] as? String
        }
    }

    /// Connects to 127.0.0.1:`port`; a read waits at most `readTimeoutSeconds` for the next bytes.
    init(port: Int, readTimeoutSeconds: Int = 10) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw TestFailure("socket() failed with errno \(errno)") }
        var timeout = timeval(tv_sec: readTimeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw TestFailure("connect() to port \(port) failed with errno \(errno)")
        }
    }

    deinit {
        close(descriptor)
    }

    /// Writes every byte; false when the server has closed the connection.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, flags) }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Writes text as UTF-8 (write `\r\n` yourself).
    @discardableResult
    func write(_ text: String) -> Bool {
        write(Array(text.utf8))
    }

    /// Reads one response (with no body for a HEAD request, a 204 or a 304); nil when the server
    /// closed the connection without one.
    func readReply(toHead isHead: Bool = false) throws -> Reply? {
        var headEnd = range(of: Array("\r\n\r\n".utf8))
        while headEnd == nil {
            guard try receiveMore() else { return nil }
            headEnd = range(of: Array("\r\n\r\n".utf8))
        }
        let head = String(decoding: received[..<headEnd!.lowerBound], as: UTF8.self)
        received.removeFirst(headEnd!.upperBound)
        var lines = head.components(separatedBy: "\r\n")
        let statusParts = lines.removeFirst().split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw TestFailure("not a status line: \(head)") }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let reply = Reply(status: status, headers: headers, body: [])
        if isHead || status == 204 || status == 304 {
            return reply
        }
        if let length = reply.header("Content-Length").flatMap({ Int($0) }) {
            while received.count < length {
                guard try receiveMore() else { throw TestFailure("connection closed inside a body") }
            }
            defer { received.removeFirst(length) }
            return Reply(status: status, headers: headers, body: Array(received[..<length]))
        }
        while try receiveMore() {}
        defer { received = [] }
        return Reply(status: status, headers: headers, body: received)
    }

    /// Whether the server closes the connection before `seconds` pass (bytes it sends meanwhile are dropped).
    func isClosedByServer(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 50) >= 0 else { return true }
            guard ready.revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return true }
        }
        return false
    }

    /// Reads what has arrived; false at the end of the stream (or a reset).
    private func receiveMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { return false }
            throw TestFailure("recv() failed or timed out: errno \(errno)")
        }
        received += chunk[..<count]
        return count > 0
    }

    private func range(of separator: [UInt8]) -> Range<Int>? {
        guard received.count >= separator.count else { return nil }
        for start in 0...(received.count - separator.count)
        where received[start..<(start + separator.count)].elementsEqual(separator) {
            return start..<(start + separator.count)
        }
        return nil
    }
}

extension RunningApplication {
    /// A raw connection to the running application.
    func rawSocket(readTimeoutSeconds: Int = 10) throws -> RawSocket {
        try RawSocket(port: application.port, readTimeoutSeconds: readTimeoutSeconds)
    }

    /// Sends `bytes` as they are on a new connection and reads the reply (nil: closed without one).
    func rawExchange(_ bytes: [UInt8]) throws -> RawSocket.Reply? {
        let socket = try rawSocket()
        guard socket.write(bytes) else { return nil }
        return try socket.readReply()
    }

    /// Sends `text` as it is on a new connection and reads the reply (nil: closed without one).
    func rawExchange(_ text: String) throws -> RawSocket.Reply? {
        try rawExchange(Array(text.utf8))
    }

    /// Asserts the service still answers `/healthz` with 200, as after every hostile request.
    func assertStillHealthy(_ message: String = "", file: StaticString = #filePath, line: UInt = #line) async throws {
        let answer = try await request("GET", "/healthz")
        XCTAssertEqual(answer.status, 200, "the service stopped answering /healthz \(message)", file: file, line: line)
    }

    /// How many responses the session with `code` has stored.
    func storedResponseCount(_ code: String) throws -> Int {
        try application.store.responseCount(sessionID: try application.sessions.session(code: code).id)
    }
}
