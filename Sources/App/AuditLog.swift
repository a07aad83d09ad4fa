import Forms
import Foundation
import Logging
import Storage

/// Writes staff actions to the audit table; a failure to audit is logged, never hidden.
struct AuditLog: Sendable {
    let store: Store
    let logger: Logger

    /// An event for `actor` doing `action` to `target`, for a store write to commit with the action itself.
    static func event(actor: String, action: String, target: String? = nil, details: [String: JSONValue] = [:]) -> AuditEvent {
        AuditEvent(actor: actor, action: action, target: target, details: JSONValue.object(details).jsonText)
    }

    /// Records that `actor` did `action` to `target` (for what is not itself a write: a failed login, a view, an export).
    func record(actor: String, action: String, target: String? = nil, details: [String: JSONValue] = [:]) {
        do {
            try store.recordAudit(AuditEvent(actor: actor, action: action, target: target, details: JSONValue.object(details).jsonText))
        } catch {
            logger.error("Audit event \(action) by \(actor) could not be stored: \(error)")
        }
    }
}
