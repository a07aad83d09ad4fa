#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for something another thread or process makes true, up to a deadline.
///
/// `await Poll.until { ... }` in async code, `Poll.blockingUntil { ... }` on a thread of one's own.
/// The one place tests wait: a deadline is a generous upper bound for a machine under load, never
/// a measurement, so a test asserts on what happened and in what order, not on how long it took.
public enum Poll {
    /// The default deadline: long enough for a loaded two-core machine, short enough to fail a hang.
    public static let defaultTimeout: Duration = .seconds(30)
    /// How long to rest between two looks.
    public static let defaultInterval: Duration = .milliseconds(5)

    /// Checks `condition` until it holds or `timeout` passes; whether it held. Blocks the thread:
    /// for synchronous tests and the threads tests start, never inside a task (use ``until(timeout:every:_:)``).
    @discardableResult
    public static func blockingUntil(
        timeout: Duration = defaultTimeout, every interval: Duration = defaultInterval, _ condition: () throws -> Bool
    ) rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while try !condition() {
            guard ContinuousClock.now < deadline else { return false }
            usleep(UInt32(max(1, interval.microseconds)))
        }
        return true
    }

    /// Checks `condition` until it holds or `timeout` passes; whether it held. Suspends between looks.
    @discardableResult
    public static func until(
        timeout: Duration = defaultTimeout, every interval: Duration = defaultInterval, _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: interval)
        }
        return true
    }

    /// The first non-nil value `produce` gives before `timeout` passes; throws ``TestFailure`` naming `what` if none.
    public static func value<Value>(
        of what: String, timeout: Duration = defaultTimeout, every interval: Duration = defaultInterval,
        _ produce: () async throws -> Value?
    ) async throws -> Value {
        var found: Value?
        let held = try await until(timeout: timeout, every: interval) {
            found = try await produce()
            return found != nil
        }
        guard held, let found else { throw TestFailure("\(what): nothing within \(timeout)") }
        return found
    }
}

extension Duration {
    /// The duration in whole microseconds, for `usleep` and socket timeouts.
    var microseconds: Int64 {
        components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000
    }
}
