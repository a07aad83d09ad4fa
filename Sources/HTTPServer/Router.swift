import Dispatch
import Logging

/// Maps method and path to handlers, fills path parameters and turns thrown errors into responses.
///
/// Built from a ``RouteTable`` and never changed afterwards, so dispatching reads it without a lock.
/// It also words every answer the server gives on its own (``ServerRefusal``: 404, 405, 500, and
/// the server's 400, 413 and 503), with the ``RefusalWording`` it was given.
public final class Router: Sendable {
    /// What the server does with a request: send a response now, or suspend the connection and
    /// start a handler that delivers the response later, from whatever thread it finishes on.
    enum Dispatch: Sendable {
        /// The response, ready to send (an on-thread handler's answer, a 404 or a 405).
        case respond(Response)
        /// Starts the handler; it calls `deliver` exactly once with the response.
        case suspend(@Sendable (_ deliver: @escaping @Sendable (Response) -> Void) -> Void)
    }

    /// How long an on-thread handler may take in a debug build before the log says it should not be one.
    public static let serverThreadBudget: Duration = .milliseconds(20)

    private let entries: [RouteTable.Entry]
    private let logger: Logger
    private let refusalWording: RefusalWording
    /// Where blocking handlers run: Dispatch adds threads when they block, the server's never wait.
    private let workQueue = DispatchQueue(label: "borgerdialog.http.work", qos: .userInitiated, attributes: .concurrent)

    /// A router answering `table`'s routes; handler errors that are not ``HTTPResponseError`` are
    /// logged to `logger`; `refusalWording` words the server's own refusals (English by default).
    public init(
        _ table: RouteTable,
        logger: Logger = Logger(label: "borgerdialog.http.router"),
        refusalWording: @escaping RefusalWording = ServerRefusal.inEnglish
    ) {
        entries = table.entries
        self.logger = logger
        self.refusalWording = refusalWording
    }

    /// The answer to a refusal: its status, `{"error": …}` in the words for this request.
    public func response(refusing refusal: ServerRefusal, to request: Request) -> Response {
        var response = Response.error(refusal.status, reason: refusalWording(refusal, request))
        switch refusal {
        case .severalContentLengths, .contentLengthWithTransferEncoding:
            // RFC 9112 section 6.1: after such a request the connection must close.
            response.headers["Connection"] = "close"
        default:
            break
        }
        return response
    }

    /// Every registered route, in registration order.
    public var routes: [Route] {
        entries.map(\.route)
    }

    /// The routes whose handlers answer on the server's thread.
    public var serverThreadRoutes: [Route] {
        entries.filter(\.handler.runsOnServerThread).map(\.route)
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
        case .suspend(let start):
            await withCheckedContinuation { continuation in
                start { continuation.resume(returning: $0) }
            }
        }
    }

    /// Finds the route for a request; an on-thread handler runs here, on the caller's thread.
    func dispatch(_ request: Request) -> Dispatch {
        let pathSegments = RoutePattern.split(path: request.path)
        let matches = entries.compactMap { entry in entry.pattern.match(pathSegments).map { (entry: entry, match: $0) } }
        guard !matches.isEmpty else {
            return .respond(response(refusing: .noSuchResource(path: request.path), to: request))
        }
        var candidates = matches.filter { $0.entry.route.method == request.method }
        if candidates.isEmpty, request.method == .head {
            candidates = matches.filter { $0.entry.route.method == .get }
        }
        // The most specific pattern wins: literal segments rank above parameters, parameters above a rest.
        guard let best = candidates.max(by: { $0.match.rank.lexicographicallyPrecedes($1.match.rank) }) else {
            var response = response(refusing: .methodNotAllowed(method: request.method.rawValue, path: request.path), to: request)
            response.headers["Allow"] = Self.allowedMethods(matches.map(\.entry.route.method))
            return .respond(response)
        }
        var routedRequest = request
        routedRequest.pathParameters = best.match.parameters
        let route = best.entry.route
        switch best.entry.handler {
        case .onServerThread(let handler):
            return .respond(runOnServerThread(handler, route: route, request: routedRequest))
        case .offServerThread(let handler):
            return .suspend { [self, routedRequest, workQueue] deliver in
                workQueue.async {
                    deliver(self.run(handler, route: route, request: routedRequest))
                }
            }
        case .awaiting(let handler):
            return .suspend { [self, routedRequest] deliver in
                Task {
                    do {
                        deliver(try await handler(routedRequest))
                    } catch {
                        deliver(response(for: error, of: route, for: routedRequest))
                    }
                }
            }
        case .replying(let handler):
            return .suspend { [self, routedRequest] deliver in
                handler(routedRequest, ResponseReply(deliver: deliver) { [self] error in
                    response(for: error, of: route, for: routedRequest)
                })
            }
        }
    }

    private func run(_ handler: SynchronousRequestHandler, route: Route, request: Request) -> Response {
        do {
            return try handler(request)
        } catch {
            return response(for: error, of: route, for: request)
        }
    }

    private func runOnServerThread(_ handler: SynchronousRequestHandler, route: Route, request: Request) -> Response {
        #if DEBUG
        let started = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - started
            if elapsed > Self.serverThreadBudget {
                logger.warning("\(route) took \(elapsed) on the server's thread; make it .offServerThread if it waits")
            }
        }
        #endif
        return run(handler, route: route, request: request)
    }

    /// An error the handler threw, as a response: its own if it has one, else a logged 500.
    private func response(for error: any Error, of route: Route, for request: Request) -> Response {
        if let error = error as? any HTTPResponseError {
            let response = error.response(to: request)
            // A 5xx is the server's trouble (a full disk, a read-only database): always worth a line.
            if response.status.code >= 500 {
                logger.error("\(request.method) \(request.path) failed: \(error)")
            } else {
                logger.debug("\(route) answered with an error: \(error)")
            }
            return response
        }
        logger.error("\(route) failed for \(request.method) \(request.path): \(String(describing: error))")
        return response(refusing: .internalError, to: request)
    }

    private static func allowedMethods(_ methods: [HTTPMethod]) -> String {
        var allowed = Set(methods.map(\.rawValue))
        if allowed.contains(HTTPMethod.get.rawValue) {
            allowed.insert(HTTPMethod.head.rawValue)
        }
        return allowed.sorted().joined(separator: ", ")
    }
}
