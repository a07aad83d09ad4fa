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
        try auditEvents(matching: AuditFilter(limit: limit))
    }

    /// The newest events that match `filter`, newest first; the conditions run in SQL.
    public func auditEvents(matching filter: AuditFilter) throws -> [AuditEvent] {
        var request = AuditEvent.all()
        if let actor = filter.actor {
            request = request.filter(AuditEvent.Columns.actor == actor)
        }
        switch filter.action {
        case .exactly(let action):
            request = request.filter(AuditEvent.Columns.action == action)
        case .startingWith(let prefix):
            request = request.filter(AuditEvent.Columns.action >= prefix)
            if let end = prefix.successorOfPrefixes {
                request = request.filter(AuditEvent.Columns.action < end)
            }
        case nil:
            break
        }
        if let from = filter.from {
            request = request.filter(AuditEvent.Columns.at >= from)
        }
        if let before = filter.before {
            request = request.filter(AuditEvent.Columns.at < before)
        }
        let ordered = request.order(AuditEvent.Columns.at.desc, AuditEvent.Columns.id.desc).limit(max(filter.limit, 0))
        return try reading { database in try ordered.fetchAll(database) }
    }

    /// Everyone who appears in the audit log, in alphabetical order (for choosing whose actions to see).
    public func auditActors() throws -> [String] {
        try distinctAudit(AuditEvent.Columns.actor)
    }

    /// Every action the audit log holds, in alphabetical order (new kinds included as they appear).
    public func auditActions() throws -> [String] {
        try distinctAudit(AuditEvent.Columns.action)
    }

    private func distinctAudit(_ column: Column) throws -> [String] {
        try reading { database in
            try AuditEvent.select(column, as: String.self).distinct().order(column).fetchAll(database)
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
