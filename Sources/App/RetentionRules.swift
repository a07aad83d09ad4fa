import Exports
import Foundation
import Storage

/// Which retention rule holds for a meeting and when it falls due: the one place this is decided,
/// for the scheduler that deletes and for the meeting page that says what will be deleted when.
///
/// A meeting's own rule wins over its form's for the same target. A rule falls due its delay after
/// the meeting closed, counted in Danish calendar days or months (the clock time kept); a meeting
/// that is not closed has no due date yet (reopening one clears its close).
enum RetentionRules {
    /// One target's rule for one meeting.
    struct Entry: Sendable, Equatable {
        /// What the rule deletes.
        let target: RetentionTarget
        /// The rule in force.
        let rule: RetentionRule
        /// When it falls due; nil while the meeting is not closed.
        let dueAt: Date?

        /// Whether the rule is due at `now`.
        func isDue(at now: Date) -> Bool {
            dueAt.map { $0 <= now } ?? false
        }
    }

    /// The rules in force for `session`, one per target at most (answers first).
    static func entries(for session: Session, rules: [RetentionRule]) -> [Entry] {
        RetentionTarget.allCases.reversed().compactMap { target in
            let own = rules.first { $0.sessionID == session.id && $0.target == target }
            let fromForm = rules.first { $0.formID == session.formVersion.formID && $0.target == target }
            guard let rule = own ?? fromForm else { return nil }
            return Entry(target: target, rule: rule, dueAt: session.closedAt.map { dueDate(closedAt: $0, rule: rule) })
        }
    }

    /// `closedAt` plus the rule's delay in the Danish calendar.
    static func dueDate(closedAt: Date, rule: RetentionRule) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ExportSettings.danishTimeZone
        let component: Calendar.Component = rule.unit == .days ? .day : .month
        return calendar.date(byAdding: component, value: rule.amount, to: closedAt) ?? closedAt
    }

    /// The rule in words for the retention log, e.g. `form quick-poll: contacts 30 days after the close`.
    static func describe(_ rule: RetentionRule, sessionCode: String) -> String {
        let scope = rule.formID.map { "form \($0)" } ?? "session \(sessionCode)"
        return "\(scope): \(rule.target.rawValue) \(rule.amount) \(rule.unit.rawValue) after the close"
    }
}
