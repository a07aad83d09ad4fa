import Foundation
import HTTPServer

/// A response a test got, in process (``HTTPServer/Response``) or off the wire (``RawHTTPResponse``),
/// with typed decoding of its body.
public protocol HTTPAnswer {
    /// The status code, e.g. 201.
    var statusCode: Int { get }
    /// The header fields.
    var headers: HTTPHeaders { get }
    /// The body bytes.
    var body: [UInt8] { get }
}

extension HTTPAnswer {
    /// The body as UTF-8 text (invalid bytes replaced), for messages and `contains` checks.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body decoded as JSON into `type`; throws a ``TestFailure`` that shows the status and the body.
    public func decode<Value: Decodable>(_ type: Value.Type = Value.self) throws -> Value {
        try JSONDocument.decode(type, from: body, source: "the \(statusCode) answer's body")
    }

    /// The `error` of a JSON error body, or nil when the body is not one.
    public var errorReason: String? {
        (try? JSONDecoder().decode(ErrorBody.self, from: Data(body)))?.error
    }
}

extension Response: HTTPAnswer {
    /// The status code, e.g. 201.
    public var statusCode: Int { status.code }
}

/// The body of every error answer: `{"error": reason}`, with `errors` naming each field or question for a 422.
public struct ErrorBody: Decodable, Sendable {
    /// One field's or question's problem.
    public struct Problem: Decodable, Sendable {
        /// The request field it concerns (staff forms).
        public let field: String?
        /// The form question it concerns (submissions).
        public let question: String?
        /// What is wrong, in the request's language.
        public let reason: String
    }

    /// The reason, in the request's language.
    public let error: String
    /// Each problem of a 422, if any.
    public let errors: [Problem]?
    /// How long a throttled caller should wait (429).
    public let retryAfterSeconds: Int?
}
