import Foundation
import TestSupport

/// Clients on their own thread that hold request heads open, sending one byte to each at a time,
/// until the test tells them to finish; then each ends its request and records the status it got.
///
/// They dribble a header value for as long as the test needs (not a fixed number of bytes), so
/// the test never has to guess how long its other requests take.
final class HeaderDribbler: Sendable {
    /// What the dribbling thread has got to.
    struct Progress: Sendable {
        /// Rounds of one byte to every connection sent so far.
        var rounds = 0
        /// Set when a write failed: the server closed a connection that was still sending.
        var closedByServer = false
        /// Why the clients could not start, if they could not.
        var failure: String?
        /// The status each finished request got (0: no answer), in connection order.
        var statuses: [Int] = []
    }

    /// What has happened so far.
    let progress = SharedValue(Progress())
    private let finishing = SharedValue(false)
    private let port: Int
    private let connections: Int
    private let head: String
    private let pause: Duration

    /// Clients for 127.0.0.1:`port` that each send `head` (up to, not including, the blank line
    /// that ends it), then a header `X-Dribble: aaa…`, one byte per connection every `pause`.
    init(port: Int, connections: Int, head: String, pause: Duration = .milliseconds(50)) {
        self.port = port
        self.connections = connections
        self.head = head
        self.pause = pause
    }

    /// Connects and starts dribbling on a thread of its own; returns at once.
    func start() {
        Thread { [self] in run() }.start()
    }

    /// Tells the clients to end their requests (a blank line) and read the answers.
    func finish() {
        finishing.update { $0 = true }
    }

    private func run() {
        let sockets: [RawHTTPConnection]
        do {
            sockets = try (0..<connections).map { _ in try RawHTTPConnection(port: port) }
        } catch {
            progress.update { $0.failure = String(describing: error) }
            return
        }
        var bytes = Array((head + "X-Dribble: ").utf8)[...]
        // A bound only for a test that died without calling finish(): ten minutes of bytes.
        let rounds = Int(Duration.seconds(600) / pause)
        // The fixed part of the head always goes out whole; only the padding stops when told.
        for _ in 0..<rounds where !(bytes.isEmpty && finishing.value) {
            let byte = bytes.popFirst() ?? UInt8(ascii: "a")
            do {
                for socket in sockets { try socket.send([byte]) }
            } catch {
                progress.update { $0.closedByServer = true }
                return
            }
            progress.update { $0.rounds += 1 }
            Thread.sleep(forTimeInterval: pause / .seconds(1))
        }
        for socket in sockets {
            let status = (try? socket.send("\r\n\r\n")).flatMap { try? socket.readResponse().status } ?? 0
            progress.update { $0.statuses.append(status) }
        }
    }
}
