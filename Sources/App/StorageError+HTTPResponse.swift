import HTTPServer
import Storage

extension StorageError: HTTPResponseError {
    /// Storage trouble the client can do nothing about is a 503 with the reason, so a tablet retries later.
    ///
    /// The reason speaks of any write, not only answers: staff actions meet the same faults.
    public var response: Response {
        switch self {
        case .sessionNotFound(let code): .error(.notFound, reason: "No dialogue session has the code \(code).")
        case .diskFull, .readOnly, .closed: .error(.serviceUnavailable, reason: "Try again later: \(description)")
        default: .error(.internalServerError, reason: "internal error")
        }
    }
}
