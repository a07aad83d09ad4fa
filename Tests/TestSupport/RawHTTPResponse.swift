import HTTPServer

/// A response as read off the wire by ``RawHTTPConnection``: status, header lines as sent, the body.
public struct RawHTTPResponse: HTTPAnswer, Sendable {
    /// The status code from the status line.
    public var status: Int
    /// The reason phrase from the status line.
    public var reasonPhrase: String
    /// The header lines in order, names as the server spelled them; repeats kept.
    public var headers: HTTPHeaders
    /// The body: `Content-Length` bytes, the de-chunked chunks, or everything up to the close.
    public var body: [UInt8]

    /// The status code, e.g. 201.
    public var statusCode: Int { status }

    /// Whether the server said it closes the connection after this response.
    public var closesConnection: Bool {
        headers.values(for: "Connection").contains { $0.lowercased().contains("close") }
    }
}
