import Foundation
import Synchronization

/// Slows down and then locks out repeated failed logins, per account and per client address.
///
/// Usage per login attempt: ask `decision`; when `.locked`, refuse without checking the password;
/// when `.allowed(delay)`, wait `delay`, check the password, then call `recordFailure` or
/// `recordSuccess`. Attempts refused by a lock may be recorded as failures too: they never
/// extend a lock, but count against the other key (the address hammering a locked account).
///
/// Accounts are compared case-insensitively (they are e-mail addresses). IPv6 clients are
/// counted per /64 network, since one host can have a whole /64 of addresses.
/// State lives in memory only, so a restart forgets it; for a single-server staff login that
/// is acceptable. Memory stays bounded: expired entries are pruned as time passes, and each
/// table is capped at `policy.maximumTrackedEntries`.
public final class LoginThrottle: Sendable {
    /// The limits in force.
    public let policy: LoginThrottlePolicy
    private let state: Mutex<ThrottleTables>

    /// Creates a throttle with no recorded failures.
    public init(policy: LoginThrottlePolicy = .init()) {
        self.policy = policy
        self.state = Mutex(ThrottleTables())
    }

    /// Whether an attempt to log in to `account` from `address` may go ahead at `now`.
    public func decision(account: String, address: String, now: Date) -> LoginThrottleDecision {
        let accountKey = Self.accountKey(account)
        let addressKey = ClientAddressKey.key(for: address)
        return state.withLock { tables in
            let records = [tables.accounts[accountKey], tables.addresses[addressKey]].compactMap { $0 }
            let remainingLocks = records.compactMap { $0.remainingLock(at: now, policy: policy) }
            if let longest = remainingLocks.max() {
                return .locked(retryAfter: longest)
            }
            let failures = records.map { $0.recentFailureCount(at: now, policy: policy) }.max() ?? 0
            return .allowed(delay: policy.delay(afterFailures: failures))
        }
    }

    /// Records a failed attempt (wrong password, or unknown account) against both keys.
    public func recordFailure(account: String, address: String, now: Date) {
        let accountKey = Self.accountKey(account)
        let addressKey = ClientAddressKey.key(for: address)
        state.withLock { tables in
            tables.accounts[accountKey, default: FailureRecord(firstFailureAt: now)]
                .recordFailure(at: now, limit: policy.maximumFailuresPerAccount, policy: policy)
            tables.addresses[addressKey, default: FailureRecord(firstFailureAt: now)]
                .recordFailure(at: now, limit: policy.maximumFailuresPerAddress, policy: policy)
            tables.pruneIfDue(now: now, policy: policy)
        }
    }

    /// Forgets the account's failures after a successful login.
    ///
    /// The address keeps its count: otherwise an attacker could log in to an account of their
    /// own between guesses to wipe their address's record.
    public func recordSuccess(account: String, address: String) {
        let accountKey = Self.accountKey(account)
        _ = state.withLock { tables in
            tables.accounts.removeValue(forKey: accountKey)
        }
    }

    /// How many accounts and addresses are remembered; for tests and monitoring.
    public var trackedEntryCount: Int {
        state.withLock { $0.accounts.count + $0.addresses.count }
    }

    /// The account as compared: e-mail addresses are case-insensitive in practice, and stray
    /// whitespace from a login form must not open a second counter.
    static func accountKey(_ account: String) -> String {
        account.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
