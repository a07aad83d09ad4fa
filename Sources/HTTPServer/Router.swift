import Logging

/// Handles one request; thrown errors are mapped to responses by the ``Router``.
public typealias RequestHandler = @Sendable (Request) async throws -> Response

/// Handles one request whose answer comes later through `reply` (e.g. after a commit), without a task.
public typealias ReplyingRequestHandler = @Sendable (Request, ResponseReply) -> Void

/// Handles one request without waiting on anything but quick local work (a cached value, a short
/// SQLite read); the server runs it on its own thread and answers at once.
public typealias ImmediateRequestHandler = @Sendable (Request) throws -> Response

/// Maps method and path to handlers, fills path parameters and turns thrown errors into responses.
public final class Router: Sendable {
    private struct Entry: Sendable {
        var route: Route
        var pattern: RoutePattern
        var handler: Handler
    }

    /// How a route's handler runs.
    private enum Handler: Sendable {
        /// On the server's thread: no suspended connection, no task, no thread switch.
        case immediate(ImmediateRequestHandler)
        /// In a task while the connection is suspended, because it waits (a commit, a password hash).
        case awaiting(RequestHandler)
        /// On the server's thread with the connection suspended; it answers later through a reply.
        case replying(ReplyingRequestHandler)
    }

    /// What the server does with a request: send a response now, or run a handler that waits.
    enum Dispatch: Sendable {
        /// The response, ready to send (an immediate handler's answer, a 404 or a 405).
        case respond(Response)
        /// The handler that produces the response; run it in a task.
        case runInTask(@Sendable () async -> Response)
        /// The handler that answers through a reply; suspend the connection, then call it.
        case reply(@Sendable (_ deliver: @escaping @Sendable (Response) -> Void) -> Void)
    }

    private let entries = Locked<[Entry]>([])
    private let logger: Logger

    /// Creates an empty router; handler errors that are not ``HTTPResponseError`` are logged to `logger`.
    public init(logger: Logger = Logger(label: "borgerdialog.http.router")) {
        self.logger = logger
    }

    /// Registers `handler` for `method` on `pattern` (`{name}` is one segment, a trailing `{name...}` the rest).
    public func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping RequestHandler) {
        add(Entry(route: Route(method: method, pattern: pattern), pattern: RoutePattern(pattern), handler: .awaiting(handler)))
    }

    /// Registers a handler that never waits, so the server answers on its own thread.
    ///
    /// Most requests are answered from memory or by a short SQLite read; suspending the connection
    /// and running a task for them cost more thread switches than the work itself.
    public func addImmediate(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping ImmediateRequestHandler) {
        add(Entry(route: Route(method: method, pattern: pattern), pattern: RoutePattern(pattern), handler: .immediate(handler)))
    }

    /// Registers a handler that answers later through a ``ResponseReply``, without a task.
    ///
    /// For a handler whose wait ends on another thread (the response writer's commit): the
    /// commit's own thread sends the answer, instead of waking a task that then wakes the server.
    public func addReplying(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping ReplyingRequestHandler) {
        add(Entry(route: Route(method: method, pattern: pattern), pattern: RoutePattern(pattern), handler: .replying(handler)))
    }

    private func add(_ entry: Entry) {
        entries.withLock { $0.append(entry) }
    }

    /// Registers a `GET` handler (which also answers `HEAD`).
    public func get(_ pattern: String, _ handler: @escaping RequestHandler) { add(.get, pattern, handler) }
    /// Registers a `POST` handler.
    public func post(_ pattern: String, _ handler: @escaping RequestHandler) { add(.post, pattern, handler) }
    /// Registers a `PUT` handler.
    public func put(_ pattern: String, _ handler: @escaping RequestHandler) { add(.put, pattern, handler) }
    /// Registers a `PATCH` handler.
    public func patch(_ pattern: String, _ handler: @escaping RequestHandler) { add(.patch, pattern, handler) }
    /// Registers a `DELETE` handler.
    public func delete(_ pattern: String, _ handler: @escaping RequestHandler) { add(.delete, pattern, handler) }

    /// Every registered route, in registration order.
    public var routes: [Route] {
        entries.withLock { $0.map(\.route) }
    }

    /// Dispatches a request and maps errors; a `HEAD` answer has no body but keeps `Content-Length`.
    public func handle(_ request: Request) async -> Response {
        var response = await respond(to: request)
        if request.method == .head {
            response.headers["Content-Length"] = String(response.body.count)
            response.body = []
        }
        return response
    }

    /// Like ``handle(_:)`` but keeps a `HEAD` answer's body, because the server computes
    /// `Content-Length` from it and drops it on the wire.
    func respond(to request: Request) async -> Response {
        switch dispatch(request) {
        case .respond(let response): response
        case .runInTask(let handler): await handler()
        case .reply(let handler):
            await withCheckedContinuation { continuation in
                handler { continuation.resume(returning: $0) }
            }
        }
    }

    /// Finds the route for a request; an immediate handler runs here, on the caller's thread.
    func dispatch(_ request: Request) -> Dispatch {
        let pathSegments = RoutePattern.split(path: request.path)
        let matches = entries.withLock { entries in
            entries.compactMap { entry in entry.pattern.match(pathSegments).map { (entry: entry, match: $0) } }
        }
        guard !matches.isEmpty else {
            return .respond(.error(.notFound, reason: "no such resource: \(request.path)"))
        }
        var candidates = matches.filter { $0.entry.route.method == request.method }
        if candidates.isEmpty, request.method == .head {
            candidates = matches.filter { $0.entry.route.method == .get }
        }
        // The most specific pattern wins: literal segments rank above parameters, parameters above a rest.
        guard let best = candidates.max(by: { $0.match.rank.lexicographicallyPrecedes($1.match.rank) }) else {
            var response = Response.error(.methodNotAllowed, reason: "\(request.method) is not allowed on \(request.path)")
            response.headers["Allow"] = Self.allowedMethods(matches.map(\.entry.route.method))
            return .respond(response)
        }
        var routedRequest = request
        routedRequest.pathParameters = best.match.parameters
        let route = best.entry.route
        switch best.entry.handler {
        case .immediate(let handler):
            do {
                return .respond(try handler(routedRequest))
            } catch {
                return .respond(response(for: error, of: route, for: routedRequest))
            }
        case .replying(let handler):
            return .reply { [self, routedRequest] deliver in
                handler(routedRequest, ResponseReply(deliver: deliver) { [self] error in
                    response(for: error, of: route, for: routedRequest)
                })
            }
        case .awaiting(let handler):
            return .runInTask { [self, routedRequest] in
                do {
                    return try await handler(routedRequest)
                } catch {
                    return response(for: error, of: route, for: routedRequest)
                }
            }
        }
    }

    /// An error the handler threw, as a response: its own if it has one, else a logged 500.
    private func response(for error: any Error, of route: Route, for request: Request) -> Response {
        if let error = error as? any HTTPResponseError {
            let response = error.response
            // A 5xx is the server's trouble (a full disk, a read-only database): always worth a line.
            if response.status.code >= 500 {
                logger.error("\(request.method) \(request.path) failed: \(error)")
            } else {
                logger.debug("\(route) answered with an error: \(error)")
            }
            return response
        }
        logger.error("\(route) failed for \(request.method) \(request.path): \(String(describing: error))")
        return .error(.internalServerError, reason: "internal error")
    }

    private static func allowedMethods(_ methods: [HTTPMethod]) -> String {
        var allowed = Set(methods.map(\.rawValue))
        if allowed.contains(HTTPMethod.get.rawValue) {
            allowed.insert(HTTPMethod.head.rawValue)
        }
        return allowed.sorted().joined(separator: ", ")
    }
}
