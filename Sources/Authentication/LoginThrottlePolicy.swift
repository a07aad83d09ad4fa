import Foundation

/// How hard `LoginThrottle` slows down and locks out repeated failed logins.
public struct LoginThrottlePolicy: Sendable, Hashable {
    /// Failures within `window` after which one account is locked.
    public var maximumFailuresPerAccount: Int
    /// Failures within `window` after which one client address is locked (across all accounts,
    /// which stops one machine from trying one password on many accounts).
    public var maximumFailuresPerAddress: Int
    /// How far back failures count, in seconds.
    public var window: TimeInterval
    /// How long a lock lasts after the last failure, in seconds.
    public var lockout: TimeInterval
    /// Delay after the first failure; each further failure doubles it.
    public var baseDelay: TimeInterval
    /// The longest delay before a lock takes over.
    public var maximumDelay: TimeInterval
    /// Most accounts and most addresses remembered (each); past it the stalest are forgotten,
    /// so a flood of made-up names or addresses cannot exhaust memory.
    public var maximumTrackedEntries: Int

    /// Creates a policy; the defaults suit staff logins (5 per account, 20 per address, 15 minutes).
    public init(
        maximumFailuresPerAccount: Int = 5,
        maximumFailuresPerAddress: Int = 20,
        window: TimeInterval = 900,
        lockout: TimeInterval = 900,
        baseDelay: TimeInterval = 0.25,
        maximumDelay: TimeInterval = 4,
        maximumTrackedEntries: Int = 100_000
    ) {
        self.maximumFailuresPerAccount = maximumFailuresPerAccount
        self.maximumFailuresPerAddress = maximumFailuresPerAddress
        self.window = window
        self.lockout = lockout
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.maximumTrackedEntries = maximumTrackedEntries
    }

    /// The delay before the next attempt after `failures` recent failures: none, then
    /// `baseDelay`, doubling, capped at `maximumDelay`.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > 0 else { return 0 }
        // Past 2^30 the cap has long been reached; limiting the exponent keeps the power finite.
        let doubling = pow(2, Double(min(failures - 1, 30)))
        return min(baseDelay * doubling, maximumDelay)
    }
}
