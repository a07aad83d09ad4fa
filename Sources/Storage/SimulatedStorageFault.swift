/// A storage fault ``Store/simulate(_:)`` can stage while the service runs, for drills and tests.
public enum SimulatedStorageFault: Sendable, Equatable {
    /// The database cannot grow: a write that needs a new page fails as on a full disk (`StorageError.diskFull`).
    case diskFull
    /// Every write fails as on a file system mounted read-only (`StorageError.readOnly`).
    case readOnly
}
