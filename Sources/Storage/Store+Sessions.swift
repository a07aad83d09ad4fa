import Foundation
import GRDB

extension Store {
    /// Creates a dialogue meeting; a code already in use throws `StorageError.duplicateCode`.
    ///
    /// A session created `.open` has `openedAt == createdAt`; one created `.closed` has
    /// `closedAt == createdAt`. `audit` is stored in the same transaction: if it cannot be
    /// stored, neither is the session. Its `target`, when nil, becomes the session's code.
    public func createSession(_ session: NewSession, audit: AuditEvent? = nil) throws -> Session {
        // The cache holds no entry for a code not yet in use, so there is nothing to forget.
        try writing { database in
            var row = session
            do {
                try row.insert(database)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw StorageError.duplicateCode(session.code)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw StorageError.formVersionNotFound(id: session.formVersionID)
            }
            let id = database.lastInsertedRowID
            var event = audit
            if event?.target == nil { event?.target = session.code }
            try Self.insert(event, into: database)
            guard let created = try Session.withFormVersion.filter(id: id).fetchOne(database) else {
                throw StorageError.sessionNotFound(code: session.code)
            }
            return created
        }
    }

    /// The session with exactly this code (case and all), if any.
    public func session(code: String) throws -> Session? {
        try reading { database in
            try Session.fetchOne(database, code: code)
        }
    }

    /// The session with this code as read at most a second ago, for the requests every tablet makes.
    ///
    /// Changes made through this store are seen at once; a change made by another process is
    /// seen within ``SessionCache/lifetime``.
    public func recentSession(code: String) throws -> Session? {
        let (remembered, generation) = recentSessions.lookup(code: code)
        if let remembered {
            return remembered
        }
        guard let session = try session(code: code) else { return nil }
        return recentSessions.remember(session, readIn: generation)
    }

    /// Every session, newest first.
    public func sessions() throws -> [Session] {
        try reading { database in
            try Session.withFormVersion
                .order(Session.Columns.createdAt.desc, Session.Columns.id.desc)
                .fetchAll(database)
        }
    }

    /// Changes a session's status and stamps the time; an unknown code throws `sessionNotFound`.
    ///
    /// Opening sets `openedAt` and clears `closedAt` (a reopened meeting is no longer closed);
    /// closing sets `closedAt`; returning to draft keeps both. Setting the current status again
    /// changes nothing, so repeated requests do not move the timestamps. `audit` is stored in
    /// the same transaction whenever the call succeeds (a repeated request is still a request).
    public func updateStatus(code: String, to status: SessionStatus, at date: Date, audit: AuditEvent? = nil) throws -> Session {
        defer { recentSessions.forgetAll() }
        return try writing { database in
            guard let current = try Session.fetchOne(database, code: code) else {
                throw StorageError.sessionNotFound(code: code)
            }
            try Self.insert(audit, into: database)
            guard current.status != status else {
                return current
            }
            let assignments: [ColumnAssignment] = switch status {
            case .open: [Session.Columns.status.set(to: status), Session.Columns.openedAt.set(to: date), Session.Columns.closedAt.set(to: nil)]
            case .closed: [Session.Columns.status.set(to: status), Session.Columns.closedAt.set(to: date)]
            case .draft: [Session.Columns.status.set(to: status)]
            }
            try Session.filter(id: current.id).updateAll(database, assignments)
            guard let updated = try Session.withFormVersion.filter(id: current.id).fetchOne(database) else {
                throw StorageError.sessionNotFound(code: code)
            }
            return updated
        }
    }
}
