import Foundation
import Logging
import Storage
import Synchronization

/// Applies the retention rules by itself: at start, then at least daily, and at the moment the next
/// rule falls due when that is sooner. Works on its own queue, never on the server's threads.
///
/// Each purge is recorded as a manual one is (retention log and audit log, in the purge's own
/// transaction), with `actor` "retention"; a rule with nothing left to delete records nothing.
final class RetentionScheduler: Sendable {
    /// The longest time between two checks.
    static let checkInterval: TimeInterval = 24 * 3600
    /// Who the logs name for purges the rules make.
    static let actor = "retention"

    private let store: Store
    private let logger: Logger
    private let clock: @Sendable () -> Date
    /// Told after a check that deleted answers (the semantic vectors of their texts go too).
    private let erased: @Sendable () -> Void
    private let queue = DispatchQueue(label: "borgerdialog.retention", qos: .utility)
    /// The next check, and whether `stop()` was called (a check then schedules no other).
    private let timer = Mutex<(next: DispatchSourceTimer?, isStopped: Bool)>((nil, false))

    /// A scheduler over `store`; `clock` tells the time (tests pass their own).
    init(store: Store, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }, erased: @escaping @Sendable () -> Void = {}) {
        self.store = store
        self.logger = logger
        self.clock = clock
        self.erased = erased
    }

    /// Applies what is due now, on the scheduler's queue, and keeps doing so.
    func start() {
        queue.async { [self] in
            check()
        }
    }

    /// Stops the checks and waits for one in progress to finish.
    func stop() {
        timer.withLock { timer in
            timer.next?.cancel()
            timer = (nil, true)
        }
        queue.sync {}
    }

    /// Applies every rule due at `now`; returns the purges recorded (one per meeting and target that
    /// had something to delete) and when the next rule falls due after `now`, if any.
    @discardableResult
    func applyDueRules(at now: Date) throws -> (purges: [RetentionEvent], nextDue: Date?) {
        let rules = try store.retentionRules()
        guard !rules.isEmpty else { return ([], nil) }
        var purges: [RetentionEvent] = []
        var nextDue: Date?
        for session in try store.sessions() where session.status == .closed {
            for entry in RetentionRules.entries(for: session, rules: rules) {
                guard let dueAt = entry.dueAt else { continue }
                guard dueAt <= now else {
                    nextDue = min(nextDue ?? dueAt, dueAt)
                    continue
                }
                let rule = RetentionRules.describe(entry.rule, sessionCode: session.code)
                let event = AuditLog.event(actor: Self.actor, action: "retention.purge", target: session.code,
                                           details: ["target": .string(entry.target.rawValue), "rule": .string(rule)])
                if let purge = try store.purge(entry.target, sessionID: session.id, rule: rule, actor: Self.actor, at: now,
                                               audit: event, redaction: StoredAnalysis.redaction) {
                    purges.append(purge)
                }
            }
        }
        return (purges, nextDue)
    }

    private func check() {
        guard !timer.withLock({ $0.isStopped }) else { return }
        let now = clock()
        var nextCheck = now.addingTimeInterval(Self.checkInterval)
        do {
            let (purges, nextDue) = try applyDueRules(at: now)
            for purge in purges {
                logger.notice("Retention: \(purge.rule ?? "a rule") deleted \(purge.responsesDeleted) responses and \(purge.contactsDeleted) contact details")
            }
            if purges.contains(where: { $0.responsesDeleted > 0 }) { erased() }
            if let nextDue { nextCheck = min(nextCheck, nextDue.addingTimeInterval(1)) }
        } catch {
            // A full disk or a locked file: try again in an hour rather than in a day.
            logger.error("Retention rules could not be applied: \(error)")
            nextCheck = min(nextCheck, now.addingTimeInterval(3600))
        }
        schedule(after: max(1, nextCheck.timeIntervalSince(now)))
    }

    private func schedule(after seconds: TimeInterval) {
        timer.withLock { timer in
            guard !timer.isStopped else { return }
            timer.next?.cancel()
            let next = DispatchSource.makeTimerSource(queue: queue)
            next.schedule(wallDeadline: .now() + seconds)
            next.setEventHandler { [weak self] in self?.check() }
            next.resume()
            timer.next = next
        }
    }
}
