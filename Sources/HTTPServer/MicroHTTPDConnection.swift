import CMicroHTTPD
import Logging

/// Reading requests from and queueing responses on an MHD connection.
enum MicroHTTPDConnection {
    /// The `Content-Length` the client declared, if any and if it is a number.
    static func declaredContentLength(_ headers: HTTPHeaders) -> UInt64? {
        headers["Content-Length"].flatMap { UInt64($0[...].trimmingSpaces()) }
    }

    /// Why the body's length is ambiguous, or nil: several `Content-Length` fields, or one beside
    /// `Transfer-Encoding` (RFC 9112 section 6.3).
    ///
    /// libmicrohttpd 0.9.75 picks one reading and keeps the connection; whatever it did not count
    /// as body would then run as a second request that a proxy in front never saw (smuggling).
    static func ambiguousBodyLength(_ headers: HTTPHeaders) -> ServerRefusal? {
        let contentLengths = headers.values(for: "Content-Length").count
        if contentLengths > 1 {
            return .severalContentLengths
        }
        if contentLengths > 0, headers.contains(name: "Transfer-Encoding") {
            return .contentLengthWithTransferEncoding
        }
        return nil
    }

    /// Builds the Swift request; a malformed target is a ``RequestTarget/ParsingError``.
    static func request(
        on connection: OpaquePointer,
        method: HTTPMethod,
        rawTarget: [UInt8],
        headers: HTTPHeaders,
        body: [UInt8]
    ) throws(RequestTarget.ParsingError) -> Request {
        let target = try RequestTarget(raw: rawTarget)
        let remoteAddress = borgerdialog_mhd_client_address(connection).flatMap { SocketAddress.numericHost(of: $0) }
        return Request(
            method: method,
            path: target.path,
            queryItems: target.queryItems.map { (name: $0.name, value: $0.value) },
            headers: headers,
            body: body,
            remoteAddress: remoteAddress
        )
    }

    /// What is known of a request the server refuses before it is built: its headers and, when
    /// the target can be read, its path and query; enough to word the refusal in its language.
    static func refusedRequest(method: HTTPMethod, rawTarget: [UInt8], headers: HTTPHeaders) -> Request {
        let target = try? RequestTarget(raw: rawTarget)
        return Request(
            method: method,
            path: target?.path ?? "/",
            queryItems: target?.queryItems.map { (name: $0.name, value: $0.value) } ?? [],
            headers: headers
        )
    }

    /// The request headers in the order received; bytes that are not UTF-8 become U+FFFD.
    static func headers(of connection: OpaquePointer) -> HTTPHeaders {
        var headers = HTTPHeaders()
        withUnsafeMutablePointer(to: &headers) { pointer in
            _ = MHD_get_connection_values_n(connection, MHD_ValueKind.HEADER_KIND, { cls, _, key, keySize, value, valueSize in
                guard let cls, let key else { return MHD_Result.YES }
                let headers = cls.assumingMemoryBound(to: HTTPHeaders.self)
                headers.pointee.add(
                    name: MicroHTTPDConnection.text(key, count: keySize),
                    value: value.map { MicroHTTPDConnection.text($0, count: valueSize) } ?? ""
                )
                return MHD_Result.YES
            }, pointer)
        }
        return headers
    }

    /// Finalizes the response (default headers) and hands it to MHD, which copies it;
    /// MHD computes `Content-Length` and drops a HEAD body.
    static func queue(_ response: Response, on connection: OpaquePointer, core: ServerCore) -> MHD_Result {
        let response = core.finalize(response)
        let logger = core.logger
        let created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count,
                UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                MHD_ResponseMemoryMode.RESPMEM_MUST_COPY
            )
        }
        guard let created else {
            logger.error("libmicrohttpd could not create a response of \(response.body.count) bytes")
            return MHD_Result.NO
        }
        defer { MHD_destroy_response(created) }
        for (name, value) in response.headers where name.lowercased() != "content-length" {
            if MHD_add_response_header(created, name, value) == MHD_Result.NO {
                logger.error("dropped an invalid response header \(name)")
            }
        }
        return MHD_queue_response(connection, UInt32(response.status.code), created)
    }

    private static func text(_ pointer: UnsafePointer<CChar>, count: Int) -> String {
        UnsafeRawPointer(pointer).withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }
}
