import App
import XCTest

/// A test case with the real application running and one open session, fresh for every test.
class OpenSessionTestCase: XCTestCase {
    var running: RunningApplication!
    /// The join code of the open session.
    var code: String!

    /// Changes the test configuration before the application starts; nothing by default.
    class func configure(_ configuration: inout AppConfiguration) {}

    override func setUpWithError() throws {
        running = try RunningApplication(configure: Self.configure)
        code = try running.openSession()
    }

    override func tearDown() {
        running.shutDown()
    }

    /// Where the open session takes submissions.
    var responsesPath: String { "/api/sessions/\(code!)/responses" }
}
