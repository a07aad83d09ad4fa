import App
import Forms
import Foundation
import HTTPServer
import Logging

/// The real application over a temporary data folder and the test forms, fresh for each test.
///
/// Tests of App logic call ``handle(_:_:body:contentType:headers:as:)`` (the router, in process);
/// tests where the wire matters (hostile bytes, headers the server adds, keep-alive, load) start it
/// `listening` on an ephemeral port and use ``connect(readTimeout:)`` or ``exchange(_:_:headers:body:)``.
public final class RunningApplication {
    /// The application under test.
    public let application: Application
    /// The temporary data folder (removed by ``shutDown()``).
    public let dataDirectory: URL

    /// The test forms (fixtures, so the shipped forms can change freely): `test-dialogue`.
    public static let formsDirectory = supportDirectory.appendingPathComponent("Fixtures/Forms").path
    /// The repository's `Static/` folder.
    public static let staticDirectory = repositoryDirectory.appendingPathComponent("Static").path
    /// The repository's root folder.
    public static let repositoryDirectory = supportDirectory.deletingLastPathComponent().deletingLastPathComponent()
    private static let supportDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Builds the application; `listening` also starts the server on port 0 (and makes the demo
    /// session when `createsDemoSession`). `configure` sees the test configuration last and may
    /// change anything, e.g. prepare a data folder with the command-line administration first.
    public init(
        listening: Bool = false, maximumBodyBytes: Int = 1_048_576, createsDemoSession: Bool = false,
        configure: (inout AppConfiguration) throws -> Void = { _ in }
    ) throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-test-\(UUID().uuidString)")
        var configuration = AppConfiguration()
        configuration.port = 0
        configuration.threadCount = 2
        configuration.dataDirectory = dataDirectory.path
        configuration.formsDirectory = Self.formsDirectory
        configuration.staticDirectory = Self.staticDirectory
        configuration.maximumBodyBytes = maximumBodyBytes
        configuration.createsDemoSession = createsDemoSession
        configuration.passwordHashing = .fastForTests
        configuration.printsSetupLink = false
        // Words only unless a test gives a model: the real one would be found in .build/models.
        configuration.semanticModel = .off
        try configure(&configuration)
        application = try Application(configuration: configuration, logger: Self.logger)
        if listening {
            try application.start()
        }
    }

    /// Stops the server (if it listens) and the application, and removes the data folder.
    public func shutDown() {
        application.stop()
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    /// Quiet unless `TEST_LOG=debug` (or another level) asks for the application's log.
    public static var logger: Logger {
        TestLog.logger(label: "borgerdialog-test")
    }

    // MARK: Sessions and what they hold

    /// Opens a session on a fixture form and returns its join code.
    public func openSession(form formID: String = "test-dialogue", title: String = "Dialogmøde") throws -> String {
        guard let form = application.forms.form(id: formID) else { throw TestFailure("no fixture form \(formID)") }
        return try application.sessions.createSession(form: form, title: title).code
    }

    /// How many responses the session with `code` has stored.
    public func storedResponseCount(_ code: String) throws -> Int {
        try application.store.responseCount(sessionID: try application.sessions.session(code: code).id)
    }

    /// The session's JSON export (as `borgerdialog export` writes it), decoded.
    public func exported(_ code: String) throws -> API.Export {
        let data = try Administration.export(configuration: application.configuration, codes: [code], format: .json).data
        return try JSONDocument.decode(API.Export.self, from: data, source: "the JSON export of \(code)")
    }

    /// A submission body in the API's shape; `extra` adds or replaces top-level members.
    public static func submission(id: String = UUID().uuidString, answers: [String: JSONValue], extra: [String: JSONValue] = [:]) -> JSONValue {
        var members: [String: JSONValue] = ["submissionId": .string(id), "answers": .object(answers)]
        members.merge(extra) { _, new in new }
        return .object(members)
    }
}
