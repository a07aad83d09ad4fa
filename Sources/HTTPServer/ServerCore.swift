import Dispatch
import Logging
import Synchronization

/// The state one running daemon shares with its callbacks (passed to C as the `cls` pointer).
///
/// It counts requests in flight, knows which handlers are still running (so a stop can release
/// their connections) and decorates every response with the configured default headers.
final class ServerCore: Sendable {
    let router: Router
    let configuration: HTTPServerConfiguration
    let logger: Logger
    private let activity = Mutex(Activity())
    private let handlers = Mutex(HandlerRegistry())

    private struct Activity {
        var requestsInFlight = 0
        var isStopping = false
        var lastDaemonMessage: String?
        /// Signalled when the last request in flight finishes, while a stop waits for it.
        var idleWaiter: DispatchSemaphore?
    }

    /// Handlers whose connection is suspended; once closed, no connection may be suspended again.
    private struct HandlerRegistry {
        var running: [ObjectIdentifier: HandlerCompletion] = [:]
        var isClosed = false
    }

    init(router: Router, configuration: HTTPServerConfiguration, logger: Logger) {
        self.router = router
        self.configuration = configuration
        self.logger = logger
    }

    /// A request line arrived; paired with ``requestFinished()``.
    func requestStarted() {
        activity.withLock { $0.requestsInFlight += 1 }
    }

    /// A request's response was sent, or its connection closed.
    func requestFinished() {
        let waiter = activity.withLock { activity -> DispatchSemaphore? in
            activity.requestsInFlight -= 1
            guard activity.requestsInFlight == 0, let waiter = activity.idleWaiter else { return nil }
            activity.idleWaiter = nil
            return waiter
        }
        waiter?.signal()
    }

    /// Blocks until no request is in flight, or `seconds` pass.
    func waitUntilNoRequestsInFlight(seconds: Double) {
        let waiter = DispatchSemaphore(value: 0)
        let isIdle = activity.withLock { activity -> Bool in
            guard activity.requestsInFlight > 0 else { return true }
            activity.idleWaiter = waiter
            return false
        }
        guard !isIdle else { return }
        if waiter.wait(timeout: .now() + seconds) == .timedOut {
            activity.withLock { activity in
                if activity.idleWaiter === waiter { activity.idleWaiter = nil }
            }
        }
    }

    /// Requests whose response has not been sent yet.
    var requestsInFlight: Int {
        activity.withLock { $0.requestsInFlight }
    }

    /// From now on every response asks the client to close its connection.
    func beginStopping() {
        activity.withLock { $0.isStopping = true }
    }

    /// Registers a handler and suspends its connection (via `suspend`) in one step, so a stop sees
    /// either no handler or a suspended connection it can resume; false once handlers are closed.
    func admitHandler(_ completion: HandlerCompletion, suspend: () -> Void) -> Bool {
        handlers.withLock { registry in
            guard !registry.isClosed else { return false }
            registry.running[ObjectIdentifier(completion)] = completion
            suspend()
            return true
        }
    }

    /// Starts a routed handler whose connection is suspended; whichever thread it answers on resumes the connection.
    func startHandler(
        _ handler: @Sendable (_ deliver: @escaping @Sendable (Response) -> Void) -> Void,
        for request: Request,
        completion: HandlerCompletion
    ) {
        handler { [self] response in
            complete(completion, with: response, for: request)
        }
    }

    /// Hands a finished handler's response to its connection and forgets the handler.
    private func complete(_ completion: HandlerCompletion, with response: Response, for request: Request) {
        logger.debug("\(request.method) \(request.path) \(response.status.code)")
        completion.finish(with: response)
        handlers.withLock { _ = $0.running.removeValue(forKey: ObjectIdentifier(completion)) }
    }

    /// Admits no more handlers and releases every connection whose handler has not finished;
    /// they are answered 503. Returns how many there were.
    @discardableResult
    func abandonRunningHandlers() -> Int {
        let running = handlers.withLock { registry in
            registry.isClosed = true
            defer { registry.running.removeAll() }
            return Array(registry.running.values)
        }
        if !running.isEmpty {
            logger.error("stopping with \(running.count) request handler(s) still running; answering them 503")
        }
        for completion in running {
            completion.abandon()
        }
        return running.count
    }

    /// The response as sent: default headers added where missing, `Connection: close` while stopping.
    func finalize(_ response: Response) -> Response {
        var finalized = response
        for (name, value) in configuration.defaultHeaders where !finalized.headers.contains(name: name) {
            finalized.headers.add(name: name, value: value)
        }
        if activity.withLock({ $0.isStopping }) {
            finalized.headers["Connection"] = "close"
        }
        return finalized
    }

    /// Logs a message from the C library and keeps it, since a failed start only returns NULL.
    func recordDaemonMessage(_ message: String) {
        activity.withLock { $0.lastDaemonMessage = message }
        logger.warning("libmicrohttpd: \(message)")
    }

    /// The most recent message from the C library.
    var lastDaemonMessage: String? {
        activity.withLock { $0.lastDaemonMessage }
    }
}
