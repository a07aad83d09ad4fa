import Foundation

/// An HTTP response: status, headers and the complete body.
public struct Response: Sendable {
    /// The response status.
    public var status: HTTPStatus
    /// The response's header fields; `Content-Length` is always computed by the server.
    public var headers: HTTPHeaders
    /// The complete response body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response (`application/json; charset=utf-8`); an unencodable value gives a 500 error.
    public static func json<Value: Encodable>(_ value: Value, status: HTTPStatus = .ok) -> Response {
        guard let data = try? JSONEncoder().encode(value) else {
            return .error(.internalServerError, reason: "internal error")
        }
        return Response(
            status: status,
            headers: ["Content-Type": "application/json; charset=utf-8"],
            body: Array(data)
        )
    }

    /// A plain text response (`text/plain; charset=utf-8`).
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// An HTML response (`text/html; charset=utf-8`).
    public static func html(_ html: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(html.utf8))
    }

    /// A redirect to `location` (303 See Other unless told otherwise) with an empty body.
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> Response {
        Response(status: status, headers: ["Location": location])
    }

    /// An error response whose JSON body is `{"error": "<reason>"}`.
    public static func error(_ status: HTTPStatus, reason: String) -> Response {
        // A [String: String] always encodes; the fallback only keeps the function total.
        let body = (try? JSONEncoder().encode(["error": reason])).map { Array($0) } ?? Array(#"{"error":"error"}"#.utf8)
        return Response(
            status: status,
            headers: ["Content-Type": "application/json; charset=utf-8"],
            body: body
        )
    }

    /// The body decoded as UTF-8, or nil if it is not valid UTF-8.
    public var bodyText: String? {
        PercentDecoding.validUTF8(body)
    }
}
