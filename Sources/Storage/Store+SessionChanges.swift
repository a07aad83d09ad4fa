import Foundation
import GRDB

/// The details of a meeting staff may change after creating it.
public struct SessionDetails: Sendable, Hashable {
    /// The meeting's title.
    public var title: String
    /// Where it takes place.
    public var place: String?
    /// When it starts.
    public var startsAt: Date?
    /// Its tables, in display order.
    public var tables: [String]
    /// Seconds a tablet may sit untouched mid-form (see ``SessionSettings``).
    public var idleTimeoutSeconds: Int
    /// The argon2id hash of the kiosk PIN.
    public var kioskPinHash: String?
    /// The form version (only a draft may change it).
    public var formVersionID: Int64

    /// The details as `session` has them now.
    public init(of session: Session) {
        title = session.title
        place = session.place
        startsAt = session.startsAt
        tables = session.tables
        idleTimeoutSeconds = session.idleTimeoutSeconds
        kioskPinHash = session.kioskPinHash
        formVersionID = session.formVersion.id
    }
}

extension Store {
    /// Changes a draft or open meeting's details, in one transaction with `audit`.
    ///
    /// A closed meeting throws `SessionChangeError.closed`; a new form version on a meeting that is
    /// not a draft throws `formFixed` (checked against the row as it is inside the transaction).
    public func updateSession(code: String, to details: SessionDetails, audit: AuditEvent? = nil) throws -> Session {
        defer { recentSessions.forgetAll() }
        return try writing { database in
            let current = try Self.session(code: code, in: database)
            guard current.status != .closed else { throw SessionChangeError.closed(code: code) }
            if details.formVersionID != current.formVersion.id, current.status != .draft {
                throw SessionChangeError.formFixed(code: code)
            }
            let tables = String(decoding: try JSONEncoder().encode(details.tables), as: UTF8.self)
            do {
                try Session.filter(id: current.id).updateAll(database, [
                    Session.Columns.title.set(to: details.title),
                    Session.Columns.place.set(to: details.place),
                    Session.Columns.startsAt.set(to: details.startsAt),
                    Session.Columns.tables.set(to: tables),
                    Session.Columns.idleTimeoutSeconds.set(to: details.idleTimeoutSeconds),
                    Session.Columns.kioskPinHash.set(to: details.kioskPinHash),
                    Session.Columns.formVersionID.set(to: details.formVersionID),
                ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw StorageError.formVersionNotFound(id: details.formVersionID)
            }
            try Self.insert(audit, into: database)
            return try Self.session(code: code, in: database)
        }
    }

    /// Deletes a draft, or the demo meeting with its trial answers, in one transaction with `audit`;
    /// any other meeting throws `SessionChangeError.notDeletable` (archive it instead).
    public func deleteSession(code: String, audit: AuditEvent? = nil) throws {
        defer { recentSessions.forgetAll() }
        try writing { database in
            let current = try Self.session(code: code, in: database)
            guard current.status == .draft || current.isDemo else {
                throw SessionChangeError.notDeletable(code: code, status: current.status)
            }
            // Answers and contact details go with their responses (ON DELETE CASCADE).
            _ = try StoredResponse.filter(StoredResponse.Columns.sessionID == current.id).deleteAll(database)
            _ = try Session.filter(id: current.id).deleteAll(database)
            try Self.insert(audit, into: database)
        }
    }

    /// Archives a closed meeting (hidden from the list by default) or brings it back (`at` nil).
    ///
    /// Archiving anything but a closed meeting throws `SessionChangeError.notClosed`.
    public func archiveSession(code: String, at date: Date?, audit: AuditEvent? = nil) throws -> Session {
        defer { recentSessions.forgetAll() }
        return try writing { database in
            let current = try Self.session(code: code, in: database)
            if date != nil, current.status != .closed {
                throw SessionChangeError.notClosed(code: code, status: current.status)
            }
            if (current.archivedAt == nil) != (date == nil) {
                try Session.filter(id: current.id).updateAll(database, Session.Columns.archivedAt.set(to: date))
            }
            try Self.insert(audit, into: database)
            return try Self.session(code: code, in: database)
        }
    }

    private static func session(code: String, in database: Database) throws -> Session {
        guard let session = try Session.fetchOne(database, code: code) else { throw StorageError.sessionNotFound(code: code) }
        return session
    }
}
