import App
import TestSupport
import XCTest

/// A test case with the real application listening on a real port and one open session, fresh for every test.
class OpenSessionTestCase: XCTestCase {
    var running: RunningApplication!
    /// The join code of the open session.
    var code: String!

    /// Changes the test configuration before the application starts; nothing by default.
    class func configure(_ configuration: inout AppConfiguration) {}

    override func setUpWithError() throws {
        running = try RunningApplication(listening: true, configure: Self.configure)
        code = try running.openSession()
    }

    override func tearDown() {
        running.shutDown()
    }

    /// Where the open session takes submissions.
    var responsesPath: String { "/api/sessions/\(code!)/responses" }

    /// Asserts the service still answers `/healthz` over a new connection, as after every hostile request.
    func assertStillHealthy(_ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(try running.healthCheck(), 200, "the service stopped answering /healthz \(message)", file: file, line: line)
    }
}
