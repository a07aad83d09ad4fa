/// Handles one request in a task; thrown errors are mapped to responses by the ``Router``.
public typealias RequestHandler = @Sendable (Request) async throws -> Response

/// Handles one request synchronously; thrown errors are mapped to responses by the ``Router``.
public typealias SynchronousRequestHandler = @Sendable (Request) throws -> Response

/// Handles one request whose answer comes later through `reply` (e.g. after a commit), without a task.
public typealias ReplyingRequestHandler = @Sendable (Request, ResponseReply) -> Void

/// How a route's handler runs, and so which thread may wait on it.
///
/// libmicrohttpd serves many connections from each of its few threads: a handler that waits on
/// its thread (a write, a hash, a rebuilt report) makes every tablet on that thread wait too.
/// So waiting work runs off the server's threads by default, and answering on them is an
/// explicit opt-in that debug builds time (``Router/serverThreadBudget``).
public enum RouteHandler: Sendable {
    /// Answers on the server's thread, for cached or constant answers only: no writes, no
    /// hashing, no rebuilding. The connection is never suspended, so nothing switches threads.
    case onServerThread(SynchronousRequestHandler)
    /// Blocking work (database writes and reads, rebuilt reports, exports): runs on the router's
    /// work queue while the connection is suspended.
    case offServerThread(SynchronousRequestHandler)
    /// Work that awaits (a password hash on its own queue, a deliberate delay): runs in a task
    /// while the connection is suspended.
    case awaiting(RequestHandler)
    /// Work whose wait ends on another thread (a commit): the handler starts on the server's
    /// thread with the connection suspended and answers through a ``ResponseReply`` from any thread.
    case replying(ReplyingRequestHandler)

    /// The kind's name, as route listings and tests show it.
    public var kindName: String {
        switch self {
        case .onServerThread: "on server thread"
        case .offServerThread: "off server thread"
        case .awaiting: "awaiting"
        case .replying: "replying"
        }
    }

    /// Whether the handler runs on the server's own thread (and so must not wait).
    public var runsOnServerThread: Bool {
        if case .onServerThread = self { return true }
        return false
    }
}
