#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HTTPServer

/// A response as read off the wire by ``RawHTTPConnection``.
struct RawHTTPResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why the raw client could not talk to the server.
struct RawHTTPClientError: Error, CustomStringConvertible {
    var description: String
}

/// A tiny blocking HTTP/1.1 client over one TCP socket, so tests control the exact bytes sent.
final class RawHTTPConnection {
    private let socketDescriptor: Int32
    private var buffered: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; reads give up after `timeoutSeconds` so a broken server fails fast.
    init(port: Int, timeoutSeconds: Int = 15) throws {
        socketDescriptor = try Self.connectedSocket(port: port)
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(socketDescriptor)
    }

    /// Closes both directions of the socket now, as a client that gives up would.
    func shutDown() {
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
    }

    /// Whether a TCP connection to 127.0.0.1:`port` is refused.
    static func isRefused(port: Int) -> Bool {
        do {
            let descriptor = try connectedSocket(port: port)
            close(descriptor)
            return false
        } catch {
            return true
        }
    }

    private static func connectedSocket(port: Int) throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw RawHTTPClientError(description: "socket() failed: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            close(descriptor)
            throw RawHTTPClientError(description: "connect() failed: errno \(error)")
        }
        return descriptor
    }

    /// Sends text exactly as given (write `\r\n` yourself).
    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends bytes exactly as given.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: writing to a socket the server closed must fail, not kill the test process.
            #if canImport(Glibc)
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(socketDescriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            #else
            let written = bytes[offset...].withUnsafeBytes { Darwin.send(socketDescriptor, $0.baseAddress, $0.count, 0) }
            #endif
            guard written > 0 else { throw RawHTTPClientError(description: "write() failed: errno \(errno)") }
            offset += written
        }
    }

    /// Sends a request with `Host` and (for a body) `Content-Length` added.
    func send(method: String, target: String, headers: [String] = [], body: [UInt8] = []) throws {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for header in headers {
            head += header + "\r\n"
        }
        if !body.isEmpty {
            head += "Content-Length: \(body.count)\r\n"
        }
        try send(Array((head + "\r\n").utf8) + body)
    }

    /// Reads one final response (skipping `100 Continue`); a HEAD, 204 or 304 response has no body.
    func readResponse(toMethod method: String = "GET") throws -> RawHTTPResponse {
        while true {
            let head = try readHead()
            let response = try parseHead(head)
            if (100..<200).contains(response.status) {
                continue
            }
            var complete = response
            if method == "HEAD" || response.status == 204 || response.status == 304 {
                return complete
            }
            if response.headers["Transfer-Encoding"]?.lowercased() == "chunked" {
                complete.body = try readChunkedBody()
            } else if let length = response.headers["Content-Length"].flatMap({ Int($0) }) {
                complete.body = try readBytes(length)
            } else {
                complete.body = try readUntilClosed()
            }
            return complete
        }
    }

    /// Whether the server closed the connection (a read returns end of file).
    func isClosedByServer() -> Bool {
        guard buffered.isEmpty else { return false }
        return (try? fill()) == 0
    }

    /// Sends a request and reads its response.
    func exchange(method: String = "GET", target: String, headers: [String] = [], body: [UInt8] = []) throws -> RawHTTPResponse {
        try send(method: method, target: target, headers: headers, body: body)
        return try readResponse(toMethod: method)
    }

    private func parseHead(_ head: String) throws -> RawHTTPResponse {
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawHTTPClientError(description: "bad status line in \(head)")
        }
        var headers = HTTPHeaders()
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            headers.add(name: String(line[..<colon]), value: String(value))
        }
        return RawHTTPResponse(status: status, headers: headers, body: [])
    }

    private func readHead() throws -> String {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let range = firstRange(of: separator) {
                let head = Array(buffered[..<range.lowerBound])
                buffered.removeFirst(range.upperBound)
                return String(decoding: head, as: UTF8.self)
            }
            guard try fill() > 0 else { throw RawHTTPClientError(description: "connection closed before a response") }
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
            guard try fill() > 0 else { throw RawHTTPClientError(description: "connection closed in a chunk") }
        }
    }

    private func readBytes(_ count: Int) throws -> [UInt8] {
        while buffered.count < count {
            guard try fill() > 0 else { throw RawHTTPClientError(description: "connection closed in a body") }
        }
        let bytes = Array(buffered[..<count])
        buffered.removeFirst(count)
        return bytes
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try readLine()
            guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else {
                throw RawHTTPClientError(description: "bad chunk size \(sizeLine)")
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
        for start in 0...(buffered.count - separator.count) where buffered[start..<(start + separator.count)].elementsEqual(separator) {
            return start..<(start + separator.count)
        }
        return nil
    }

    /// Reads what is available into the buffer; 0 means the peer closed.
    @discardableResult
    private func fill() throws -> Int {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { read(socketDescriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            // ECONNRESET after the server answered early and closed counts as closed.
            if errno == ECONNRESET { return 0 }
            throw RawHTTPClientError(description: "read() failed or timed out: errno \(errno)")
        }
        buffered += chunk[..<count]
        return count
    }
}
