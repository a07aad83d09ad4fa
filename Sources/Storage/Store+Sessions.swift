import Foundation
import GRDB

extension Store {
    /// Creates a dialogue meeting; a code already in use throws `StorageError.duplicateCode`.
    ///
    /// A session created `.open` has `openedAt == createdAt`; one created `.closed` has
    /// `closedAt == createdAt`.
    public func createSession(_ session: NewSession) throws -> Session {
        let tables = try Self.encodeTables(session.tables)
        return try writing { database in
            do {
                try database.execute(
                    sql: """
                        INSERT INTO session
                            (code, title, place, starts_at, tables, status, form_version_id,
                             created_at, opened_at, closed_at, idle_timeout_seconds, kiosk_pin_digest)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        session.code, session.title, session.place, session.startsAt, tables,
                        session.status.rawValue, session.formVersionID, session.createdAt,
                        session.status == .open ? session.createdAt : nil,
                        session.status == .closed ? session.createdAt : nil,
                        session.idleTimeoutSeconds, session.kioskPinDigest,
                    ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw StorageError.duplicateCode(session.code)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw StorageError.formVersionNotFound(id: session.formVersionID)
            }
            guard let created = try Self.fetchSession(in: database, where: "session.id = ?", database.lastInsertedRowID)
            else {
                throw StorageError.sessionNotFound(code: session.code)
            }
            return created
        }
    }

    /// The session with exactly this code (case and all), if any.
    public func session(code: String) throws -> Session? {
        try reading { database in
            try Self.fetchSession(in: database, where: "session.code = ?", code)
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
            try Row.fetchAll(
                database,
                sql: "\(Session.selection) ORDER BY session.created_at DESC, session.id DESC")
            .map { try Session(row: $0) }
        }
    }

    /// Changes a session's status and stamps the time; an unknown code throws `sessionNotFound`.
    ///
    /// Opening sets `openedAt` and clears `closedAt` (a reopened meeting is no longer closed);
    /// closing sets `closedAt`; returning to draft keeps both. Setting the current status again
    /// changes nothing, so repeated requests do not move the timestamps.
    public func updateStatus(code: String, to status: SessionStatus, at date: Date) throws -> Session {
        defer { recentSessions.forgetAll() }
        return try writing { database in
            guard let current = try Self.fetchSession(in: database, where: "session.code = ?", code) else {
                throw StorageError.sessionNotFound(code: code)
            }
            guard current.status != status else {
                return current
            }
            let assignments: String
            let arguments: StatementArguments
            switch status {
            case .open:
                assignments = "status = ?, opened_at = ?, closed_at = NULL"
                arguments = [status.rawValue, date, current.id]
            case .closed:
                assignments = "status = ?, closed_at = ?"
                arguments = [status.rawValue, date, current.id]
            case .draft:
                assignments = "status = ?"
                arguments = [status.rawValue, current.id]
            }
            try database.execute(sql: "UPDATE session SET \(assignments) WHERE id = ?", arguments: arguments)
            guard let updated = try Self.fetchSession(in: database, where: "session.id = ?", current.id) else {
                throw StorageError.sessionNotFound(code: code)
            }
            return updated
        }
    }

    /// Fetches one session with its form version, matching a single-argument condition.
    static func fetchSession(
        in database: Database,
        where condition: String,
        _ argument: some DatabaseValueConvertible
    ) throws -> Session? {
        // A cached statement: every tablet request looks its session up, and preparing (and
        // authorising) the SQL each time was a tenth of the server's CPU under load.
        try Row.fetchOne(try database.cachedStatement(sql: "\(Session.selection) WHERE \(condition)"), arguments: [argument])
            .map { try Session(row: $0) }
    }

    private static func encodeTables(_ tables: [String]) throws -> String {
        do {
            return String(decoding: try JSONEncoder().encode(tables), as: UTF8.self)
        } catch {
            throw StorageError.sqlite(statement: "INSERT INTO session", reason: "tables cannot be encoded: \(error)")
        }
    }
}

extension Session {
    /// The columns `init(row:)` reads: the session joined with its form version.
    static let selection = """
        SELECT session.id, session.code, session.title, session.place, session.starts_at,
               session.tables, session.status, session.created_at, session.opened_at, session.closed_at,
               session.idle_timeout_seconds, session.kiosk_pin_digest,
               form_version.id AS form_version_id, form_version.form_id,
               form_version.content_hash AS form_content_hash,
               form_version.definition AS form_definition,
               form_version.created_at AS form_created_at
        FROM session
        JOIN form_version ON form_version.id = session.form_version_id
        """

    /// Reads a session from a row with the columns of `selection`.
    init(row: Row) throws {
        let tablesText: String = try row.storedValue("tables", of: "session")
        let tables: [String]
        do {
            tables = try JSONDecoder().decode([String].self, from: Data(tablesText.utf8))
        } catch {
            throw StorageError.invalidStoredValue(table: "session", column: "tables", reason: "\(error)")
        }
        let statusText: String = try row.storedValue("status", of: "session")
        guard let status = SessionStatus(rawValue: statusText) else {
            throw StorageError.invalidStoredValue(
                table: "session", column: "status", reason: "unknown status \"\(statusText)\"")
        }
        let formVersion = FormVersion(
            id: try row.storedValue("form_version_id", of: "form_version"),
            formID: try row.storedValue("form_id", of: "form_version"),
            contentHash: try row.storedValue("form_content_hash", of: "form_version"),
            definition: try row.storedValue("form_definition", of: "form_version"),
            createdAt: try row.storedValue("form_created_at", of: "form_version"))
        self.init(
            id: try row.storedValue("id", of: "session"),
            code: try row.storedValue("code", of: "session"),
            title: try row.storedValue("title", of: "session"),
            place: try row.storedValue("place", of: "session"),
            startsAt: try row.storedValue("starts_at", of: "session"),
            tables: tables,
            status: status,
            formVersion: formVersion,
            createdAt: try row.storedValue("created_at", of: "session"),
            openedAt: try row.storedValue("opened_at", of: "session"),
            closedAt: try row.storedValue("closed_at", of: "session"),
            idleTimeoutSeconds: try row.storedValue("idle_timeout_seconds", of: "session"),
            kioskPinDigest: try row.storedValue("kiosk_pin_digest", of: "session"))
    }
}
