import Foundation

/// Recent failed logins of one account or one client address, and its lock if any.
struct FailureRecord: Sendable {
    /// Times of failures inside the window, oldest first, at most the limit long.
    private(set) var failureTimes: [Date] = []
    /// When the current lock ends; nil when never locked or the lock was lifted.
    private(set) var lockedUntil: Date?
    /// The most recent failure, for pruning and eviction.
    private(set) var lastFailure: Date

    /// Starts an empty record at the time of its first failure.
    init(firstFailureAt time: Date) {
        lastFailure = time
    }

    /// Whether a lock is in force at `now`.
    func isLocked(at now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }

    /// Seconds until the lock ends, never more than `lockout` (the clock may have gone back).
    func remainingLock(at now: Date, policy: LoginThrottlePolicy) -> TimeInterval? {
        guard let lockedUntil, now < lockedUntil else { return nil }
        return min(lockedUntil.timeIntervalSince(now), policy.lockout)
    }

    /// How many failures fall inside the window ending at `now`.
    func recentFailureCount(at now: Date, policy: LoginThrottlePolicy) -> Int {
        let windowStart = now.addingTimeInterval(-policy.window)
        return failureTimes.reversed().prefix { $0 > windowStart }.count
    }

    /// Counts a failure; reaching `limit` within the window locks for `lockout`.
    ///
    /// Failures while locked do not extend the lock: otherwise anyone could keep a colleague's
    /// account locked for ever by retrying. The lock starts a fresh count once it ends.
    mutating func recordFailure(at now: Date, limit: Int, policy: LoginThrottlePolicy) {
        lastFailure = max(lastFailure, now)
        guard !isLocked(at: now) else { return }
        let windowStart = now.addingTimeInterval(-policy.window)
        failureTimes.removeAll { $0 <= windowStart }
        failureTimes.append(now)
        if failureTimes.count >= limit {
            lockedUntil = now.addingTimeInterval(policy.lockout)
            failureTimes.removeAll()
        }
    }

    /// Whether the record says nothing any more at `now`: no lock, no failure inside the window.
    func isExpired(at now: Date, policy: LoginThrottlePolicy) -> Bool {
        !isLocked(at: now) && lastFailure <= now.addingTimeInterval(-policy.window)
    }
}
