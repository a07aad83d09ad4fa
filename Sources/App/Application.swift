import Authentication
import Forms
import Foundation
import HTTPServer
import Logging
import Storage

/// The running service: forms, the database and the HTTP server wired together.
public final class Application: Sendable {
    /// What the service was started with.
    public let configuration: AppConfiguration
    /// The forms folder as last read at start (the library; the database holds every form).
    public let forms: FormCatalog
    /// Every form the service offers, from the database.
    let library: FormLibrary
    /// The database.
    public let store: Store
    /// Sessions and their form versions.
    public let sessions: SessionDirectory
    /// Theme analysis runs, their reports and exports.
    public let analysis: AnalysisServices
    /// Applies the retention rules, at start and then by itself.
    let retention: RetentionScheduler
    /// Every route with who may call it, in registration order.
    public let routeRules: [RouteRule]
    /// The frozen route table the server dispatches with.
    public let router: Router
    private let server: HTTPServer
    let logger: Logger

    /// Loads the forms, opens (and migrates) the database and prepares the routes; serves nothing yet.
    public init(configuration: AppConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        store = try Store(configuration: configuration.storageConfiguration)
        sessions = SessionDirectory(store: store)
        library = FormLibrary(store: store, sessions: sessions, directory: configuration.formsDirectory, logger: logger)
        forms = try library.importFiles()
        try store.failInterruptedAnalysisRuns()
        analysis = AnalysisServices(store: store, sessions: sessions, logger: logger)
        retention = RetentionScheduler(store: store, logger: logger)
        let parts = RouteParts(configuration: configuration, library: library, store: store, sessions: sessions, analysis: analysis, logger: logger)
        let routes = Self.routes(parts)
        routeRules = routes.map(\.rule)
        router = Router(Self.routeTable(routes, gate: parts.gate, pages: parts.pages), logger: logger)
        server = HTTPServer(configuration: configuration.serverConfiguration, router: router, logger: logger)
    }

    /// The port the server listens on (useful when the configuration asked for port 0).
    public var port: Int { server.port }

    /// The address a browser on this machine opens.
    public var baseURL: String { "http://\(configuration.host):\(port)" }

    /// Starts serving; creates the demo session first when the database is empty and that is wanted.
    public func start() throws {
        try server.start()
        retention.start()
        // After the start, so the printed address carries the real port (also when 0 was asked for).
        if configuration.createsDemoSession, try store.sessions().isEmpty {
            try createDemoSession()
        }
        logger.info("Borgerdialog listens on \(baseURL) (forms: \(forms.forms.map(\.id).joined(separator: ", ")))")
    }

    /// Stops taking requests, lets those in flight finish, then closes the database cleanly.
    public func stop() {
        server.stop()
        retention.stop()
        analysis.jobs.waitUntilIdle()
        store.close()
        logger.info("Borgerdialog stopped")
    }

    /// Serves until SIGINT or SIGTERM arrives, then stops gracefully.
    public func runUntilSignalled() throws {
        let signal = ShutdownSignal()
        try start()
        let received = signal.wait()
        logger.info("Received \(received), shutting down")
        stop()
    }

    private func createDemoSession() throws {
        guard let id = forms.form(id: "quick-poll")?.id ?? forms.forms.first?.id else {
            logger.warning("No form loaded from \(configuration.formsDirectory): no demo session created")
            return
        }
        let (form, version) = try library.publishedForm(id: id)
        let session = try sessions.createSession(version: version, title: "Demo: \(form.title.text(in: .da))")
        logger.notice("Demo session \(session.code) is open: \(baseURL)/s/\(session.code)")
        // Standard output may be a pipe or file: write through, so the line is there at once.
        FileHandle.standardOutput.write(Data("Demo session \(session.code): open \(baseURL)/s/\(session.code) in a browser\n".utf8))
    }

}
