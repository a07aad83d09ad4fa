/// Why an ``HTTPServer`` could not start.
public enum HTTPServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration value is out of range.
    case invalidConfiguration(field: String, reason: String)
    /// The host is not an address this machine can bind.
    case cannotResolveHost(host: String, reason: String)
    /// The daemon did not start, e.g. because the port is taken.
    case cannotStart(host: String, port: Int, reason: String)
    /// ``HTTPServer/start()`` was called while the server was running.
    case alreadyRunning

    /// A readable explanation with the context that failed.
    public var description: String {
        switch self {
        case .invalidConfiguration(let field, let reason):
            "invalid HTTP server configuration: \(field) \(reason)"
        case .cannotResolveHost(let host, let reason):
            "cannot resolve host \(host): \(reason)"
        case .cannotStart(let host, let port, let reason):
            "cannot start the HTTP server on \(host):\(port): \(reason)"
        case .alreadyRunning:
            "the HTTP server is already running"
        }
    }
}
