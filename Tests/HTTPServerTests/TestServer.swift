import HTTPServer
import Logging
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

    var testLogger: Logger {
        var logger = Logger(label: "HTTPServerTests")
        // HTTP_TEST_LOG=debug shows the server's log while debugging a test.
        logger.logLevel = ProcessInfo.processInfo.environment["HTTP_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return logger
    }

    /// Polls `condition` until it holds or `seconds` pass; returns whether it held.
    func waitUntil(seconds: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(2_000)
        }
        return true
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

/// A JSON value decoded from a response body, for assertions.
func decodeJSON<Value: Decodable>(_ type: Value.Type, from response: RawHTTPResponse) throws -> Value {
    try JSONDecoder().decode(type, from: Data(response.body))
}
