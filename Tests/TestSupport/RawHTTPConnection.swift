#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HTTPServer

/// One TCP connection on which a test writes exact bytes, however broken, and reads what comes back.
///
/// A real client (URLSession, a browser) would repair or refuse such requests before sending them.
/// Blocking, for one thread at a time; reads give up after the read timeout so a hang fails the test.
public final class RawHTTPConnection {
    private let descriptor: Int32
    private let readTimeout: Duration
    private var buffered: [UInt8] = []

    /// Connects to `host`:`port`; each read waits at most `readTimeout` for the next bytes.
    public init(port: Int, host: String = "127.0.0.1", readTimeout: Duration = Poll.defaultTimeout) throws {
        descriptor = try Self.connectedSocket(host: host, port: port)
        self.readTimeout = readTimeout
        let microseconds = readTimeout.microseconds
        var timeout = timeval(tv_sec: Int(microseconds / 1_000_000), tv_usec: Int(microseconds % 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
    }

    /// Whether a TCP connection to `host`:`port` is refused (nobody listens).
    public static func isRefused(port: Int, host: String = "127.0.0.1") -> Bool {
        guard let descriptor = try? connectedSocket(host: host, port: port) else { return true }
        close(descriptor)
        return false
    }

    // MARK: Sending

    /// Sends bytes exactly as given; throws ``RawHTTPError/writeFailed(errno:)`` once the server has closed.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: writing to a socket the server closed must fail, not kill the test process.
            #if canImport(Glibc)
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            #else
            let written = bytes[offset...].withUnsafeBytes { Darwin.send(descriptor, $0.baseAddress, $0.count, 0) }
            #endif
            guard written > 0 else { throw RawHTTPError.writeFailed(errno: errno) }
            offset += written
        }
    }

    /// Sends text as UTF-8, exactly as given (write `\r\n` yourself).
    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends a well-formed HTTP/1.1 request: `Host` first, the given header lines, `Content-Length` for a body.
    public func send(method: String = "GET", target: String, headers: [String] = [], body: [UInt8] = []) throws {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for header in headers {
            head += header + "\r\n"
        }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
            head += "Content-Length: \(body.count)\r\n"
        }
        try send(Array((head + "\r\n").utf8) + body)
    }

    /// Sends a request and reads its response.
    public func exchange(method: String = "GET", target: String, headers: [String] = [], body: [UInt8] = []) throws -> RawHTTPResponse {
        try send(method: method, target: target, headers: headers, body: body)
        return try readResponse(to: method)
    }

    /// Shuts both directions now, as a client that gives up would.
    public func shutDown() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    // MARK: Reading

    /// Reads one final response (skipping `100 Continue`); a HEAD, 204 or 304 answer has no body.
    ///
    /// Throws ``RawHTTPError/closedBeforeResponse`` if the server closes without answering.
    public func readResponse(to method: String = "GET") throws -> RawHTTPResponse {
        guard let response = try readResponseIfAny(to: method) else { throw RawHTTPError.closedBeforeResponse }
        return response
    }

    /// Like ``readResponse(to:)``, but nil when the server closes the connection without a response.
    public func readResponseIfAny(to method: String = "GET") throws -> RawHTTPResponse? {
        while true {
            guard let head = try readHead() else { return nil }
            var response = try Self.parse(head: head)
            if (100..<200).contains(response.status) {
                continue
            }
            if method == "HEAD" || response.status == 204 || response.status == 304 {
                return response
            }
            if response.headers["Transfer-Encoding"]?.lowercased() == "chunked" {
                response.body = try readChunkedBody()
            } else if let length = response.headers["Content-Length"].flatMap({ Int($0) }) {
                response.body = try readBytes(length)
            } else {
                response.body = try readUntilClosed()
            }
            return response
        }
    }

    /// Whether the server closes the connection before `timeout` passes; bytes it sends meanwhile are dropped.
    public func isClosedByServer(within timeout: Duration = Poll.defaultTimeout) -> Bool {
        buffered = []
        return Poll.blockingUntil(timeout: timeout, every: .zero) { hasReachedEndOfStream(waitingAtMost: 50) }
    }

    /// Waits up to `milliseconds` for the socket to be readable; true once it reads the end of the stream (or a reset).
    private func hasReachedEndOfStream(waitingAtMost milliseconds: Int32) -> Bool {
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, milliseconds) >= 0 else { return true }
        guard ready.revents != 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count <= 0
    }

    private static func parse(head: [UInt8]) throws -> RawHTTPResponse {
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw RawHTTPError.malformed("not a status line: \(statusLine.debugDescription)")
        }
        var headers = HTTPHeaders()
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw RawHTTPError.malformed("a header line without a colon: \(line.debugDescription)")
            }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.add(name: String(line[..<colon]), value: String(value))
        }
        return RawHTTPResponse(status: status, reasonPhrase: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: [])
    }

    /// The bytes up to the blank line, or nil if the stream ends before any byte of a head.
    private func readHead() throws -> [UInt8]? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let range = firstRange(of: separator) {
                let head = Array(buffered[..<range.lowerBound])
                buffered.removeFirst(range.upperBound)
                return head
            }
            guard try fill() > 0 else {
                guard buffered.isEmpty else { throw RawHTTPError.closedInside("a response head", received: buffered) }
                return nil
            }
        }
    }

    private func readLine() throws -> String {
        let separator: [UInt8] = Array("\r\n".utf8)
        while true {
            if let range = firstRange(of: separator) {
                let line = Array(buffered[..<range.lowerBound])
                buffered.removeFirst(range.upperBound)
                return String(decoding: line, as: UTF8.self)
            }
            guard try fill() > 0 else { throw RawHTTPError.closedInside("a chunked body", received: buffered) }
        }
    }

    private func readBytes(_ count: Int) throws -> [UInt8] {
        while buffered.count < count {
            guard try fill() > 0 else { throw RawHTTPError.closedInside("a body of \(count) bytes", received: buffered) }
        }
        let bytes = Array(buffered[..<count])
        buffered.removeFirst(count)
        return bytes
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try readLine()
            guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
                throw RawHTTPError.malformed("bad chunk size \(sizeLine.debugDescription)")
            }
            if size == 0 {
                while try !readLine().isEmpty {}
                return body
            }
            body += try readBytes(size)
            _ = try readLine()
        }
    }

    private func readUntilClosed() throws -> [UInt8] {
        while try fill() > 0 {}
        defer { buffered = [] }
        return buffered
    }

    private func firstRange(of separator: [UInt8]) -> Range<Int>? {
        guard buffered.count >= separator.count else { return nil }
        for start in 0...(buffered.count - separator.count)
        where buffered[start..<(start + separator.count)].elementsEqual(separator) {
            return start..<(start + separator.count)
        }
        return nil
    }

    /// Reads what has arrived into the buffer; 0 at the end of the stream (a reset counts as one).
    @discardableResult
    private func fill() throws -> Int {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            let error = errno
            // A reset after the server answered early and closed is its way of closing.
            if error == ECONNRESET { return 0 }
            if error == EAGAIN || error == EWOULDBLOCK { throw RawHTTPError.timedOut(after: readTimeout, received: buffered) }
            throw RawHTTPError.readFailed(errno: error)
        }
        buffered += chunk[..<count]
        return count
    }

    private static func connectedSocket(host: String, port: Int) throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw RawHTTPError.connectFailed(port: port, errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            close(descriptor)
            throw RawHTTPError.connectFailed(port: port, errno: error)
        }
        return descriptor
    }
}

/// Why the raw client could not send or read, with what it had received so far.
public enum RawHTTPError: Error, CustomStringConvertible, Equatable {
    /// No connection to the port.
    case connectFailed(port: Int, errno: Int32)
    /// A write failed: the server has closed (or reset) the connection.
    case writeFailed(errno: Int32)
    /// A read failed for another reason than the end of the stream or the timeout.
    case readFailed(errno: Int32)
    /// Nothing arrived within the read timeout.
    case timedOut(after: Duration, received: [UInt8])
    /// The server closed the connection without starting a response.
    case closedBeforeResponse
    /// The server closed the connection in the middle of a response.
    case closedInside(String, received: [UInt8])
    /// The bytes are not an HTTP/1.x response.
    case malformed(String)

    /// What happened, with the bytes received.
    public var description: String {
        switch self {
        case .connectFailed(let port, let errno): "connect() to port \(port) failed: errno \(errno)"
        case .writeFailed(let errno): "write() failed (closed by the server?): errno \(errno)"
        case .readFailed(let errno): "read() failed: errno \(errno)"
        case .timedOut(let after, let received): "no answer within \(after); received: \(Self.show(received))"
        case .closedBeforeResponse: "the server closed the connection without a response"
        case .closedInside(let what, let received): "the server closed the connection inside \(what); received: \(Self.show(received))"
        case .malformed(let reason): "malformed response: \(reason)"
        }
    }

    private static func show(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(500), as: UTF8.self).debugDescription
    }
}
