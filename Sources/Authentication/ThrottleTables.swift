import Foundation

/// The state `LoginThrottle` guards with its mutex: failure records per account and per address.
struct ThrottleTables: Sendable {
    /// Records by normalized account name.
    var accounts: [String: FailureRecord] = [:]
    /// Records by client address key.
    var addresses: [String: FailureRecord] = [:]
    /// When expired records were last swept out, in the callers' (injected) time.
    private var lastSweep: Date?

    /// Sweeps expired records when a minute has passed (or the window, if shorter), and evicts
    /// the stalest records of a table that grew past the cap anyway.
    mutating func pruneIfDue(now: Date, policy: LoginThrottlePolicy) {
        let sweepInterval = min(60, policy.window)
        // The absolute value makes a clock set back also trigger a sweep rather than none for hours.
        let sweepIsDue = lastSweep.map { abs(now.timeIntervalSince($0)) >= sweepInterval } ?? true
        let overCap = accounts.count > policy.maximumTrackedEntries
            || addresses.count > policy.maximumTrackedEntries
        guard sweepIsDue || overCap else { return }
        accounts = accounts.filter { !$0.value.isExpired(at: now, policy: policy) }
        addresses = addresses.filter { !$0.value.isExpired(at: now, policy: policy) }
        lastSweep = now
        Self.evictStalest(from: &accounts, cap: policy.maximumTrackedEntries, now: now)
        Self.evictStalest(from: &addresses, cap: policy.maximumTrackedEntries, now: now)
    }

    /// Shrinks a table over the cap to 90 % of it (so the sort is paid rarely), forgetting
    /// unlocked records before locked ones, since a lock is what protects an account under
    /// attack, and older records before newer ones.
    private static func evictStalest(from table: inout [String: FailureRecord], cap: Int, now: Date) {
        guard table.count > cap else { return }
        let target = max(1, cap - cap / 10)
        let evictionOrder = table.sorted { first, second in
            let firstLocked = first.value.isLocked(at: now), secondLocked = second.value.isLocked(at: now)
            if firstLocked != secondLocked { return !firstLocked }
            return first.value.lastFailure < second.value.lastFailure
        }
        for (key, _) in evictionOrder.prefix(table.count - target) {
            table.removeValue(forKey: key)
        }
    }
}
