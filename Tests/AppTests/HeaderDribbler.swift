import Foundation

/// Clients on their own thread that send a request head one byte per 100 ms, then finish it.
final class HeaderDribbler: Sendable {
    /// What the dribbling thread has got to.
    struct Progress: Sendable {
        var connected = false
        var doneDribbling = false
        var statuses: [Int] = []
    }

    let state = SharedValue(Progress())
    private let port: Int
    private let connections: Int
    private let head: String

    /// Clients for 127.0.0.1:`port` that will each send `head` (without the blank line that ends it).
    init(port: Int, connections: Int, head: String) {
        self.port = port
        self.connections = connections
        self.head = head
    }

    /// Connects, dribbles, then ends each request and records the status it got; returns at once.
    func start() {
        Thread { [self] in
            guard let sockets = try? (0..<connections).map({ _ in try RawSocket(port: port, readTimeoutSeconds: 15) }) else { return }
            state.update { $0.connected = true }
            for byte in head.utf8 {
                for socket in sockets { socket.write([byte]) }
                usleep(100_000)
            }
            state.update { $0.doneDribbling = true }
            for socket in sockets {
                socket.write("\r\n")
                let status = (try? socket.readReply())??.status ?? 0
                state.update { $0.statuses.append(status) }
            }
        }.start()
    }
}

/// A value shared between threads.
final class SharedValue<Value: Sendable>: @unchecked Sendable {
    // `lock` guards `stored`: every read and write takes it.
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
