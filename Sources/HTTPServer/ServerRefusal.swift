/// An answer the server gives on its own, before or instead of a handler: a body too large, a
/// malformed request, no such route, a method the route does not take, an internal error, a stop.
///
/// The server decides the status and headers; the words come from the router's ``RefusalWording``,
/// so the application can answer in the request's language. Without one they are English.
public enum ServerRefusal: Sendable, Hashable {
    /// The body is longer than ``HTTPServerConfiguration/maxBodyBytes`` (413).
    case bodyTooLarge(limit: Int)
    /// The request has more than one `Content-Length` (400, connection closed).
    case severalContentLengths
    /// The request has both `Content-Length` and `Transfer-Encoding` (400, connection closed).
    case contentLengthWithTransferEncoding
    /// The request target cannot be decoded (400).
    case malformedTarget(TargetProblem)
    /// No route has this path (404).
    case noSuchResource(path: String)
    /// Routes have this path, but not with this method (405).
    case methodNotAllowed(method: String, path: String)
    /// A handler failed with an error that has no answer of its own (500; the error is logged).
    case internalError
    /// The server is stopping and will not run the request (503).
    case stopping

    /// What is wrong with a request target.
    public enum TargetProblem: String, Sendable, Hashable, CaseIterable {
        /// The path does not start with `/`.
        case pathNotAbsolute
        /// The decoded path is not UTF-8 or holds a NUL byte.
        case pathNotText
        /// A decoded query name or value is not UTF-8 or holds a NUL byte.
        case queryNotText
        /// A `%` not followed by two hex digits.
        case malformedEscape
        /// `%2F` or `%5C` in the path, which would let one segment pose as two.
        case encodedSlash
    }

    /// The response status.
    public var status: HTTPStatus {
        switch self {
        case .bodyTooLarge: .payloadTooLarge
        case .severalContentLengths, .contentLengthWithTransferEncoding, .malformedTarget: .badRequest
        case .noSuchResource: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .internalError: .internalServerError
        case .stopping: .serviceUnavailable
        }
    }

    /// The reason in English: the words when no ``RefusalWording`` is given, and for logs.
    public var englishReason: String {
        switch self {
        case .bodyTooLarge(let limit): "the request body is larger than \(limit) bytes"
        case .severalContentLengths: "the request has more than one Content-Length"
        case .contentLengthWithTransferEncoding: "the request has both Content-Length and Transfer-Encoding"
        case .malformedTarget(let problem): problem.englishReason
        case .noSuchResource(let path): "no such resource: \(path)"
        case .methodNotAllowed(let method, let path): "\(method) is not allowed on \(path)"
        case .internalError: "internal error"
        case .stopping: "the server is stopping"
        }
    }

    /// One of each refusal, so every wording can be checked in every language.
    public static let samples: [ServerRefusal] = [
        .bodyTooLarge(limit: 1_048_576), .severalContentLengths, .contentLengthWithTransferEncoding,
    ] + TargetProblem.allCases.map { .malformedTarget($0) } + [
        .noSuchResource(path: "/api/sessions/ABC/nothing"), .methodNotAllowed(method: "PUT", path: "/api/sessions/ABC/responses"),
        .internalError, .stopping,
    ]

    /// The words when nobody supplied others.
    public static let inEnglish: RefusalWording = { refusal, _ in refusal.englishReason }
}

extension ServerRefusal.TargetProblem {
    /// The problem in English.
    public var englishReason: String {
        switch self {
        case .pathNotAbsolute: "the path must start with /"
        case .pathNotText: "the path is not valid UTF-8 or contains a NUL byte"
        case .queryNotText: "a query parameter is not valid UTF-8 or contains a NUL byte"
        case .malformedEscape: "malformed percent escape"
        case .encodedSlash: "encoded slash in the path"
        }
    }
}

/// The words of a refusal for a request: what `{"error": …}` says. The request carries at least
/// the headers and, when the target could be read, the path and query (e.g. `?lang=`).
public typealias RefusalWording = @Sendable (_ refusal: ServerRefusal, _ request: Request) -> String
