import Forms
import Foundation
import HTTPServer
import Logging
import Storage

/// The running service: forms, the database and the HTTP server wired together.
public final class Application: Sendable {
    /// What the service was started with.
    public let configuration: AppConfiguration
    /// The forms that loaded without problems, by id.
    public let forms: FormCatalog
    /// The database.
    public let store: Store
    /// Sessions and their form versions.
    public let sessions: SessionDirectory
    private let server: HTTPServer
    private let logger: Logger

    /// Loads the forms, opens (and migrates) the database and prepares the routes; serves nothing yet.
    public init(configuration: AppConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        forms = FormCatalog.load(directory: configuration.formsDirectory)
        for problem in forms.problems {
            logger.error("Form not served: \(problem)")
        }
        store = try Store(configuration: configuration.storageConfiguration)
        sessions = SessionDirectory(store: store)
        let router = Router()
        server = HTTPServer(configuration: configuration.serverConfiguration, router: router, logger: logger)
        registerRoutes(on: router)
    }

    /// The port the server listens on (useful when the configuration asked for port 0).
    public var port: Int { server.port }

    /// The address a browser on this machine opens.
    public var baseURL: String { "http://\(configuration.host):\(port)" }

    /// Starts serving; creates the demo session first when the database is empty and that is wanted.
    public func start() throws {
        if configuration.createsDemoSession, try store.sessions().isEmpty {
            try createDemoSession()
        }
        try server.start()
        logger.info("Borgerdialog listens on \(baseURL) (forms: \(forms.forms.map(\.id).joined(separator: ", ")))")
    }

    /// Stops taking requests, lets those in flight finish, then closes the database cleanly.
    public func stop() {
        server.stop()
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
        guard let form = forms.form(id: "quick-poll") ?? forms.forms.first else {
            logger.warning("No form loaded from \(configuration.formsDirectory): no demo session created")
            return
        }
        let session = try sessions.createSession(form: form, title: "Demo: \(form.title.text(in: .da))")
        logger.notice("Demo session \(session.code) is open: \(baseURLForDemo)/s/\(session.code)")
        // Standard output may be a pipe or file: write through, so the line is there at once.
        FileHandle.standardOutput.write(Data("Demo session \(session.code): open \(baseURLForDemo)/s/\(session.code) in a browser\n".utf8))
    }

    /// Before the server binds, the port is known only when it was configured explicitly.
    private var baseURLForDemo: String { "http://\(configuration.host):\(configuration.port)" }

    private func registerRoutes(on router: Router) {
        let citizen = CitizenAPI(sessions: sessions, store: store)
        let pages = Pages(staticFiles: StaticFiles(root: configuration.staticDirectory))
        let logger = logger

        /// Logs whatever becomes a server error, so a 5xx is never silent.
        func logged(_ handler: @escaping RequestHandler) -> RequestHandler {
            return { request in
                do {
                    return try await handler(request)
                } catch let error as HTTPResponseError where error.response.status.code >= 500 {
                    logger.error("\(request.method) \(request.path) failed: \(error)")
                    throw error
                }
            }
        }

        router.get("/healthz") { _ in .json(["status": "ok"]) }
        router.get("/api/sessions/{code}/form", logged { try citizen.form($0) })
        router.post("/api/sessions/{code}/responses", logged { try await citizen.submit($0) })
        router.get("/", logged { pages.file("index.html", $0) })
        router.get("/s/{code}", logged { pages.file("tablet.html", $0) })
        router.get("/static/{path...}", logged { pages.file($0.pathParameters["path"] ?? "", $0) })
        router.get("/sw.js", logged { pages.file("sw.js", $0) })
    }
}
