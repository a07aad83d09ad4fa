import Foundation
import GRDB

extension Store {
    /// Appends to the audit log an event that goes with no write of its own: a failed login,
    /// an export, a view.
    ///
    /// An action that changes the database takes its event as `audit:` instead, so the two
    /// commit together or not at all.
    public func recordAudit(_ event: AuditEvent) throws {
        try writing { database in
            try Self.insert(event, into: database)
        }
    }

    /// The newest `limit` audit events, newest first.
    public func auditEvents(limit: Int) throws -> [AuditEvent] {
        try reading { database in
            try AuditEvent
                .order(AuditEvent.Columns.at.desc, AuditEvent.Columns.id.desc)
                .limit(limit)
                .fetchAll(database)
        }
    }

    /// Inserts an action's audit event inside the action's own transaction; nil inserts nothing.
    ///
    /// A failure (details that are not JSON, a full disk) is thrown, so the action rolls back with it.
    static func insert(_ event: AuditEvent?, into database: Database) throws {
        guard var event else { return }
        try event.insert(database)
    }
}
