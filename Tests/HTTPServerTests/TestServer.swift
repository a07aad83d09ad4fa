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

/// A counter shared between handlers and the test: how many are inside now, at most, and in all.
final class SharedCounter: Sendable {
    private struct Counts {
        var current = 0
        var maximum = 0
        var total = 0
    }

    private let counts = SharedValue(Counts())

    /// One more is inside.
    func enter() {
        counts.update {
            $0.current += 1
            $0.total += 1
            $0.maximum = max($0.maximum, $0.current)
        }
    }

    /// One has left.
    func leave() {
        counts.update { $0.current -= 1 }
    }

    /// The most that were inside at once.
    var maximum: Int { counts.value.maximum }
    /// How many entered in all.
    var total: Int { counts.value.total }
}
