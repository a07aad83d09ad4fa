import Foundation
import Storage

extension Application {
    /// Applies the retention rules due at `now` at once, as the scheduler does at start and daily;
    /// returns the purges recorded (for scripts and tests, which pass their own clock).
    public func applyRetentionRules(at now: Date = Date()) throws -> [RetentionEvent] {
        try retention.applyDueRules(at: now).purges
    }
}
