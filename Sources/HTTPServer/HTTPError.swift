/// An error that decides its own HTTP response (other modules' errors conform in the App).
public protocol HTTPResponseError: Error {
    /// The response the client gets when a handler throws this error.
    var response: Response { get }
    /// The response for this request: an error may answer in the request's language or format.
    func response(to request: Request) -> Response
}

extension HTTPResponseError {
    /// The same response for every request.
    public func response(to request: Request) -> Response { response }
}

/// A ready error with a status and a human-readable reason, rendered as ``Response/error(_:reason:)``.
public struct HTTPError: HTTPResponseError, CustomStringConvertible, Sendable {
    /// The response status.
    public var status: HTTPStatus
    /// The reason shown to the client in the JSON body.
    public var reason: String

    /// Creates an error with a status and a reason.
    public init(_ status: HTTPStatus, reason: String) {
        self.status = status
        self.reason = reason
    }

    /// The JSON error response.
    public var response: Response { .error(status, reason: reason) }

    /// The status and reason, e.g. `"404 Not Found: no such session"`.
    public var description: String { "\(status): \(reason)" }
}
