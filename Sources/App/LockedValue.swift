import Synchronization

/// A value shared between threads, guarded by a mutex; a class so closures can capture it.
final class LockedValue<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    /// A box holding `initial`.
    init(_ initial: Value) {
        storage = Mutex(initial)
    }

    /// The current value.
    func get() -> Value {
        storage.withLock { $0 }
    }

    /// Replaces the value.
    func set(_ value: Value) {
        storage.withLock { $0 = value }
    }
}
