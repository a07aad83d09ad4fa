import HTTPServer
import Logging
import TestSupport
import XCTest

extension XCTestCase {
    /// Starts a server on an ephemeral port that is stopped when the test ends.
    func startServer(
        _ router: Router,
        threadCount: Int = 2,
        maxBodyBytes: Int = 1_048_576,
        configure: (inout HTTPServerConfiguration) -> Void = { _ in }
    ) throws -> HTTPServer {
        var configuration = HTTPServerConfiguration(port: 0, threadCount: threadCount, maxBodyBytes: maxBodyBytes)
        configure(&configuration)
        let server = HTTPServer(configuration: configuration, router: router, logger: testLogger)
        try server.start()
        addTeardownBlock { server.stop() }
        return server
    }

    /// The server's log, shown with `TEST_LOG=debug` while debugging a test.
    var testLogger: Logger {
        TestLog.logger(label: "HTTPServerTests")
    }
}

/// A counter shared between handlers and the test (its lock makes it Sendable).
final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var maximumValue = 0
    private var totalValue = 0

    func enter() {
        lock.withLock {
            current += 1
            totalValue += 1
            maximumValue = max(maximumValue, current)
        }
    }

    func leave() {
        lock.withLock { current -= 1 }
    }

    var maximum: Int { lock.withLock { maximumValue } }
    var total: Int { lock.withLock { totalValue } }
}
