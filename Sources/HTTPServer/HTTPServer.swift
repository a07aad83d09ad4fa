import Dispatch
import Logging
import Synchronization

/// An HTTP/1.1 server on libmicrohttpd that answers requests with a ``Router``'s async handlers.
public final class HTTPServer: Sendable {
    private let configuration: HTTPServerConfiguration
    private let router: Router
    private let logger: Logger
    private let daemon = Mutex<MicroHTTPDaemon?>(nil)

    /// Creates a stopped server; call ``start()`` to listen.
    public init(configuration: HTTPServerConfiguration, router: Router, logger: Logger) {
        self.configuration = configuration
        self.router = router
        self.logger = logger
    }

    deinit {
        stop()
    }

    /// Binds `host:port` and starts serving; throws ``HTTPServerError`` with the reason if it cannot.
    public func start() throws(HTTPServerError) {
        let result = daemon.withLock { daemon -> Result<Int, HTTPServerError> in
            guard daemon == nil else { return .failure(.alreadyRunning) }
            let core = ServerCore(router: router, configuration: configuration, logger: logger)
            do throws(HTTPServerError) {
                let started = try MicroHTTPDaemon(core: core)
                daemon = started
                return .success(started.port)
            } catch {
                return .failure(error)
            }
        }
        let boundPort = try result.get()
        logger.info("listening on \(configuration.host):\(boundPort)")
    }

    /// The bound port while running (the real one when configured with port 0), otherwise 0.
    public var port: Int {
        daemon.withLock { $0?.port ?? 0 }
    }

    /// Requests received whose response has not been sent yet (0 while stopped).
    public var requestsInFlight: Int {
        daemon.withLock { $0?.core.requestsInFlight ?? 0 }
    }

    /// Stops gracefully: no new connections, requests in flight get their responses (waiting at most
    /// `shutdownGracePeriodSeconds`; handlers still running then are answered 503), then the daemon stops.
    /// Blocks the calling thread while it waits. Idempotent.
    public func stop() {
        guard let running = daemon.withLock({ daemon in defer { daemon = nil }; return daemon }) else { return }
        running.stopAccepting()
        running.core.beginStopping()
        running.core.waitUntilNoRequestsInFlight(seconds: configuration.shutdownGracePeriodSeconds)
        if running.core.abandonRunningHandlers() > 0 {
            // Give the released connections a moment to send their 503 before everything closes.
            running.core.waitUntilNoRequestsInFlight(seconds: 1)
        }
        running.stop()
        logger.info("stopped listening on \(configuration.host):\(running.port)")
    }
}
