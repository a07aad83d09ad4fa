/// The routes a ``Router`` will answer, collected before the server starts.
///
/// A value: once handed to a ``Router`` it is frozen, so dispatching a request needs no lock.
public struct RouteTable: Sendable {
    /// One registered route and its handler.
    struct Entry: Sendable {
        let route: Route
        let pattern: RoutePattern
        let handler: RouteHandler
    }

    private(set) var entries: [Entry] = []

    /// An empty table.
    public init() {}

    /// Registers `handler` for `method` on `pattern` (`{name}` is one segment, a trailing `{name...}` the rest).
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: RouteHandler) {
        entries.append(Entry(route: Route(method: method, pattern: pattern), pattern: RoutePattern(pattern), handler: handler))
    }

    /// Registers a handler that awaits, run in a task.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping RequestHandler) {
        add(method, pattern, .awaiting(handler))
    }

    /// Registers a handler that answers on the server's thread: cached or constant answers only.
    public mutating func addOnServerThread(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping SynchronousRequestHandler) {
        add(method, pattern, .onServerThread(handler))
    }

    /// Registers a blocking handler, run off the server's threads.
    public mutating func addOffServerThread(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping SynchronousRequestHandler) {
        add(method, pattern, .offServerThread(handler))
    }

    /// Registers a handler that answers later through a ``ResponseReply``, without a task.
    public mutating func addReplying(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping ReplyingRequestHandler) {
        add(method, pattern, .replying(handler))
    }

    /// Registers a `GET` handler (which also answers `HEAD`) that runs in a task.
    public mutating func get(_ pattern: String, _ handler: @escaping RequestHandler) { add(.get, pattern, handler) }
    /// Registers a `POST` handler that runs in a task.
    public mutating func post(_ pattern: String, _ handler: @escaping RequestHandler) { add(.post, pattern, handler) }
    /// Registers a `PUT` handler that runs in a task.
    public mutating func put(_ pattern: String, _ handler: @escaping RequestHandler) { add(.put, pattern, handler) }
    /// Registers a `PATCH` handler that runs in a task.
    public mutating func patch(_ pattern: String, _ handler: @escaping RequestHandler) { add(.patch, pattern, handler) }
    /// Registers a `DELETE` handler that runs in a task.
    public mutating func delete(_ pattern: String, _ handler: @escaping RequestHandler) { add(.delete, pattern, handler) }

    /// Every registered route with its handler kind, in registration order.
    public var routes: [(route: Route, kind: String)] {
        entries.map { ($0.route, $0.handler.kindName) }
    }
}
