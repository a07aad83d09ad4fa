import App
import Authentication
import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real application on an ephemeral port, over a temporary data folder and the test forms.
final class RunningApplication {
    let application: Application
    let dataDirectory: URL
    let session: URLSession

    /// The folder of forms these tests use (fixtures, so shipped forms can change freely).
    static let formsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Forms").path
    /// The repository's `Static/` folder.
    static let staticDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Static").path

    /// Starts the application; `configure` may change the test configuration before the start.
    init(
        maximumBodyBytes: Int = 1_048_576, createsDemoSession: Bool = false,
        configure: (inout AppConfiguration) -> Void = { _ in }
    ) throws {
        dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("borgerdialog-app-\(UUID().uuidString)")
        var configuration = AppConfiguration()
        configuration.port = 0
        configuration.threadCount = 2
        configuration.dataDirectory = dataDirectory.path
        configuration.formsDirectory = Self.formsDirectory
        configuration.staticDirectory = Self.staticDirectory
        configuration.maximumBodyBytes = maximumBodyBytes
        configuration.createsDemoSession = createsDemoSession
        configuration.passwordHashing = .fastForTests
        configure(&configuration)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        application = try Application(configuration: configuration, logger: logger)
        try application.start()
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = 30
        // Cookies and redirects are the tests' business: nothing is stored or followed behind their back.
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.httpShouldSetCookies = false
        session = URLSession(configuration: sessionConfiguration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    func shutDown() {
        application.stop()
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    /// A logged-in staff member: the cookie header to send and the CSRF token to echo.
    struct Login {
        let cookie: String
        let csrfToken: String
    }

    /// Creates an account with `role` and logs it in through the API.
    func logIn(role: String, email: String? = nil) async throws -> Login {
        let address = email ?? "\(role)-\(UUID().uuidString.prefix(8))@kommune.dk"
        let password = "lang-og-sikker-adgangskode-\(role)"
        _ = try Administration.addUser(
            configuration: application.configuration, email: address, role: Role(rawValue: role)!, password: password)
        let body = try JSONSerialization.data(withJSONObject: ["email": address, "password": password])
        let answer = try await request("POST", "/api/login", body: body)
        guard answer.status == 200, let setCookie = answer.headers["set-cookie"],
              let token = try Self.object(answer.body)["csrfToken"] as? String
        else { throw TestFailure("login failed: \(answer.status) \(String(decoding: answer.body, as: UTF8.self))") }
        return Login(cookie: String(setCookie.prefix { $0 != ";" }), csrfToken: token)
    }

    /// Opens a session on a fixture form and returns its join code.
    func openSession(form formID: String = "test-dialogue", title: String = "Dialogmøde") throws -> String {
        guard let form = application.forms.form(id: formID) else { throw TestFailure("no fixture form \(formID)") }
        return try application.sessions.createSession(form: form, title: title).code
    }

    /// The status, headers and body of one request.
    func request(
        _ method: String, _ path: String, body: Data? = nil, contentType: String? = "application/json",
        headers: [String: String] = [:]
    ) async throws -> (status: Int, headers: [String: String], body: Data) {
        var request = URLRequest(url: URL(string: application.baseURL + path)!)
        request.httpMethod = method
        request.httpBody = body
        if let contentType, body != nil { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var lowercased: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            lowercased[String(describing: name).lowercased()] = String(describing: value)
        }
        return (http.statusCode, lowercased, data)
    }

    /// A submission body in the API's shape.
    static func submission(id: String = UUID().uuidString, answers: [String: Any], extra: [String: Any] = [:]) -> Data {
        var object: [String: Any] = ["submissionId": id, "answers": answers]
        object.merge(extra) { _, new in new }
        return try! JSONSerialization.data(withJSONObject: object)
    }

    /// A JSON body decoded as a dictionary.
    static func object(_ data: Data) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(String(decoding: data, as: UTF8.self))")
        }
        return object
    }
}

/// Hands redirects back to the test instead of following them.
final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// A test precondition that did not hold.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
