import Synchronization

/// A value a test shares with the threads or handlers it starts, guarded by a mutex.
public final class SharedValue<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    /// A box holding `initial`.
    public init(_ initial: Value) {
        storage = Mutex(initial)
    }

    /// The current value.
    public var value: Value {
        storage.withLock { $0 }
    }

    /// Changes the value in place and returns what `change` returns, all under the lock.
    @discardableResult
    public func update<Result: Sendable>(_ change: (inout Value) -> Result) -> Result {
        storage.withLock { change(&$0) }
    }
}
