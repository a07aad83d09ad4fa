import Foundation
import GRDB

extension Store {
    /// Appends a staff action to the audit log.
    public func recordAudit(_ event: AuditEvent) throws {
        try writing { database in
            try database.execute(
                sql: "INSERT INTO audit_event (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)",
                arguments: [event.at, event.actor, event.action, event.target, event.details])
        }
    }

    /// The newest `limit` audit events, newest first.
    public func auditEvents(limit: Int) throws -> [AuditEvent] {
        try reading { database in
            try Row.fetchAll(
                database,
                sql: "SELECT id, at, actor, action, target, details FROM audit_event ORDER BY at DESC, id DESC LIMIT ?",
                arguments: [limit])
            .map { row in
                AuditEvent(
                    id: try row.storedValue("id", of: "audit_event"),
                    at: try row.storedValue("at", of: "audit_event"),
                    actor: try row.storedValue("actor", of: "audit_event"),
                    action: try row.storedValue("action", of: "audit_event"),
                    target: try row.storedValue("target", of: "audit_event"),
                    details: try row.storedValue("details", of: "audit_event"))
            }
        }
    }
}
