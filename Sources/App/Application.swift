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
    /// The address tablets reach the service by (`--public-url`, else each request's `Host`).
    public let publicAddress: PublicAddress
    private let server: HTTPServer
    let logger: Logger

    /// Loads the forms, opens (and migrates) the database and prepares the routes; serves nothing yet.
    public init(configuration: AppConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        publicAddress = try PublicAddress(configured: configuration.publicURL)
        store = try Store(configuration: configuration.storageConfiguration)
        sessions = SessionDirectory(store: store)
        library = FormLibrary(store: store, sessions: sessions, directory: configuration.formsDirectory, logger: logger)
        forms = try library.importFiles()
        try store.failInterruptedAnalysisRuns()
        analysis = AnalysisServices(store: store, sessions: sessions, semanticModel: configuration.semanticModel, logger: logger)
        let analysis = analysis
        retention = RetentionScheduler(store: store, logger: logger, erased: { analysis.answersErased() })
        let parts = RouteParts(
            configuration: configuration, address: publicAddress, library: library, store: store, sessions: sessions,
            analysis: analysis, logger: logger)
        let routes = Self.routes(parts)
        routeRules = routes.map(\.rule)
        router = Router(Self.routeTable(routes, gate: parts.gate, pages: parts.pages), logger: logger,
                        refusalWording: ServerRefusal.wordedInRequestLanguage)
        server = HTTPServer(configuration: configuration.serverConfiguration, router: router, logger: logger)
    }

    /// The port the server listens on (useful when the configuration asked for port 0).
    public var port: Int { server.port }

    /// The address a browser on this machine opens (loopback when listening on every address).
    public var baseURL: String {
        let host = switch configuration.host {
        case "0.0.0.0", "": "127.0.0.1"
        case "::": "[::1]"
        case let name where name.contains(":"): "[\(name)]"
        case let name: name
        }
        return "http://\(host):\(port)"
    }

    /// The address the links printed at start use: `--public-url`, else ``baseURL``.
    public var printedBaseURL: String { publicAddress.configured ?? baseURL }

    /// Starts serving; creates the demo session first when the database is empty and that is wanted.
    public func start() throws {
        try server.start()
        // Answers erased while the service was stopped (`retention purge`) leave no vectors behind.
        analysis.answersErased()
        retention.start()
        // After the start, so the printed address carries the real port (also when 0 was asked for).
        if configuration.createsDemoSession, try store.sessions().isEmpty {
            try createDemoSession()
        }
        logger.info("Borgerdialog listens on \(baseURL) (forms: \(forms.forms.map(\.id).joined(separator: ", ")))")
        if let setupURL = try issueSetupLinkIfNeeded() {
            announceSetupLink(setupURL)
        }
    }

    /// Logs the setup link and, unless told not to, prints it where whoever started the service looks.
    private func announceSetupLink(_ url: String) {
        let hours = Int(OneTimeLinks.setupLifetime / 3600)
        logger.notice("No administrator yet: create the first one at \(url) (works once, for \(hours) hours)")
        guard configuration.printsSetupLink else { return }
        FileHandle.standardOutput.write(Data("""
            Ingen administrator endnu. Opret den første i en browser (linket virker én gang, i \(hours) timer):
            No administrator yet. Create the first one in a browser (the link works once, for \(hours) hours):
              \(url)

            """.utf8))
    }

    /// A new setup link for the first administrator while there is none (earlier unused ones stop
    /// working), or nil when an enabled administrator exists. `serve` prints it at every start.
    @discardableResult
    public func issueSetupLinkIfNeeded() throws -> String? {
        guard try !store.hasEnabledAdministrator() else { return nil }
        let (token, link) = OneTimeLinks.make(by: "system", at: configuration.clock(), lifetime: OneTimeLinks.setupLifetime)
        do {
            try store.issueSetupLink(link, audit: AuditLog.event(actor: "system", action: "setup.link"))
        } catch AccountError.administratorExists {
            return nil
        }
        return OneTimeLinks.url(base: printedBaseURL, path: OneTimeLinks.setupPath, token: token)
    }

    /// Stops taking requests, lets those in flight finish, then closes the database cleanly.
    public func stop() {
        server.stop()
        retention.stop()
        analysis.jobs.waitUntilIdle()
        analysis.vectors.stop()
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
        let session = try sessions.createSession(version: version, title: "Demo: \(form.title.text(in: .da))", isDemo: true)
        logger.notice("Demo session \(session.code) is open: \(printedBaseURL)/s/\(session.code)")
        // Standard output may be a pipe or file: write through, so the line is there at once.
        FileHandle.standardOutput.write(Data("Demo session \(session.code): open \(printedBaseURL)/s/\(session.code) in a browser\n".utf8))
    }

}
