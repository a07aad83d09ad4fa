import Forms
import Foundation
import Logging
import Storage

/// Writes staff actions to the audit table; a failure to audit is logged, never hidden.
struct AuditLog: Sendable {
    let store: Store
    let logger: Logger

    /// Records that `actor` did `action` to `target`.
    func record(actor: String, action: String, target: String? = nil, details: [String: JSONValue] = [:]) {
        do {
            try store.recordAudit(AuditEvent(actor: actor, action: action, target: target, details: JSONValue.object(details).jsonText))
        } catch {
            logger.error("Audit event \(action) by \(actor) could not be stored: \(error)")
        }
    }
}
