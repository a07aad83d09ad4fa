import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, turning them from "die now" into "shut down cleanly".
final class ShutdownSignal {
    private let arrived = DispatchSemaphore(value: 0)
    private let receivedName = LockedValue("signal")
    private let sources: [any DispatchSourceSignal]

    /// Takes over SIGINT and SIGTERM from this moment on.
    init() {
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [arrived, receivedName] in
                receivedName.set(name)
                arrived.signal()
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Blocks until one of the signals arrives and returns its name.
    func wait() -> String {
        arrived.wait()
        return receivedName.get()
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
