import Foundation

/// Whether a login attempt may go ahead now.
public enum LoginThrottleDecision: Sendable, Equatable {
    /// Check the password, after waiting `delay` seconds (0 when there were no recent failures).
    case allowed(delay: TimeInterval)
    /// Refuse without checking the password; the lock ends in `retryAfter` seconds.
    case locked(retryAfter: TimeInterval)
}
