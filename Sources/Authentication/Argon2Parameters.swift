/// The cost settings of argon2id password hashing.
///
/// The defaults follow RFC 9106's second recommended option (64 MiB, three passes), which
/// takes a fraction of a second on one core: slow enough to make guessing stolen hashes
/// expensive, fast enough for a staff login.
public struct Argon2Parameters: Sendable, Hashable {
    /// Number of passes over memory (argon2's `t`).
    public var iterations: UInt32
    /// Memory used per hash, in kibibytes (argon2's `m`).
    public var memoryKiB: UInt32
    /// Number of lanes (argon2's `p`); libargon2 runs one thread per lane.
    public var parallelism: UInt32
    /// Length of the random salt in bytes.
    public var saltLength: Int
    /// Length of the derived hash in bytes.
    public var hashLength: Int

    /// Creates parameters; the defaults are `standard`.
    public init(
        iterations: UInt32 = 3,
        memoryKiB: UInt32 = 65_536,
        parallelism: UInt32 = 1,
        saltLength: Int = 16,
        hashLength: Int = 32
    ) {
        self.iterations = iterations
        self.memoryKiB = memoryKiB
        self.parallelism = parallelism
        self.saltLength = saltLength
        self.hashLength = hashLength
    }

    /// The parameters for production: t=3, m=64 MiB, p=1, 16-byte salt, 32-byte hash.
    public static let standard = Argon2Parameters()

    /// Cheap parameters (t=1, m=1 MiB) so tests do not spend seconds hashing; never for real accounts.
    public static let fastForTests = Argon2Parameters(iterations: 1, memoryKiB: 1_024)
}

extension Argon2Parameters {
    /// Upper bounds on parameters read back from a stored hash before libargon2 runs them.
    ///
    /// A corrupted or tampered database row must not make a login allocate gigabytes, spin
    /// for minutes or start hundreds of threads.
    static let largestAcceptedMemoryKiB: UInt32 = 1_048_576
    static let largestAcceptedIterations: UInt32 = 64
    static let largestAcceptedParallelism: UInt32 = 16
    static let acceptedSaltLengths = 8...64
    static let acceptedHashLengths = 16...64

    /// Whether libargon2 may safely be asked to work with these parameters.
    var isWithinAcceptedLimits: Bool {
        iterations >= 1 && iterations <= Self.largestAcceptedIterations
            && parallelism >= 1 && parallelism <= Self.largestAcceptedParallelism
            && memoryKiB >= 8 * parallelism && memoryKiB <= Self.largestAcceptedMemoryKiB
            && Self.acceptedSaltLengths.contains(saltLength)
            && Self.acceptedHashLengths.contains(hashLength)
    }
}
