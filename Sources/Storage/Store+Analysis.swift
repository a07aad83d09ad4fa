import Foundation
import GRDB

extension Store {
    /// Queues a run and returns it.
    public func createAnalysisRun(formID: String, sessionCodes: [String], questionIDs: [String], createdBy: String, at date: Date = Date()) throws -> AnalysisRun {
        let codes = try Self.jsonArray(sessionCodes)
        let questions = try Self.jsonArray(questionIDs)
        return try writing { database in
            try database.execute(
                sql: """
                    INSERT INTO analysis_run (form_id, session_codes, question_ids, status, created_by, created_at)
                    VALUES (?, ?, ?, 'queued', ?, ?)
                    """,
                arguments: [formID, codes, questions, createdBy, date])
            return try Self.fetchRun(in: database, id: database.lastInsertedRowID)!
        }
    }

    /// Records how far a run is; a finished run also gets its result (or failure message) and time.
    public func updateAnalysisRun(id: Int64, status: AnalysisRun.Status, progress: Double, message: String?, result: String? = nil, at date: Date = Date()) throws {
        let finished = status == .done || status == .failed
        try writing { database in
            try database.execute(
                sql: """
                    UPDATE analysis_run SET status = ?, progress = ?, message = ?, result = COALESCE(?, result),
                        finished_at = CASE WHEN ? THEN ? ELSE finished_at END
                    WHERE id = ?
                    """,
                arguments: [status.rawValue, progress, message, result, finished, date, id])
        }
    }

    /// The run with this id.
    public func analysisRun(id: Int64) throws -> AnalysisRun? {
        try reading { database in try Self.fetchRun(in: database, id: id) }
    }

    /// A form's runs, newest first (all forms when `formID` is nil).
    public func analysisRuns(formID: String?) throws -> [AnalysisRun] {
        try reading { database in
            let condition = formID == nil ? "" : "WHERE form_id = ?"
            return try Row.fetchAll(
                database, sql: "\(Self.runSelection) \(condition) ORDER BY created_at DESC, id DESC",
                arguments: formID.map { [$0] } ?? [])
            .map(Self.run(from:))
        }
    }

    /// Runs left queued or running by a process that stopped: they will never finish, so say so.
    public func failInterruptedAnalysisRuns(at date: Date = Date()) throws {
        try writing { database in
            try database.execute(
                sql: "UPDATE analysis_run SET status = 'failed', message = ?, finished_at = ? WHERE status IN ('queued', 'running')",
                arguments: ["Afbrudt: tjenesten blev genstartet, før analysen var færdig.", date])
        }
    }

    /// Stores an analyst's decision for a form.
    public func addThemeDecision(formID: String, decision: String, decidedBy: String, at date: Date = Date()) throws -> StoredThemeDecision {
        try writing { database in
            try database.execute(
                sql: "INSERT INTO theme_decision (form_id, decision, decided_by, decided_at) VALUES (?, ?, ?, ?)",
                arguments: [formID, decision, decidedBy, date])
            return StoredThemeDecision(id: database.lastInsertedRowID, formID: formID, decision: decision, decidedBy: decidedBy, decidedAt: date)
        }
    }

    /// A form's decisions in force, in the order they were made.
    public func themeDecisions(formID: String) throws -> [StoredThemeDecision] {
        try reading { database in
            try Row.fetchAll(
                database,
                sql: "SELECT id, form_id, decision, decided_by, decided_at FROM theme_decision WHERE form_id = ? AND withdrawn_at IS NULL ORDER BY id",
                arguments: [formID])
            .map { row in
                StoredThemeDecision(
                    id: try row.storedValue("id", of: "theme_decision"),
                    formID: try row.storedValue("form_id", of: "theme_decision"),
                    decision: try row.storedValue("decision", of: "theme_decision"),
                    decidedBy: try row.storedValue("decided_by", of: "theme_decision"),
                    decidedAt: try row.storedValue("decided_at", of: "theme_decision"))
            }
        }
    }

    /// Withdraws a decision (undo); it stays in the table, marked, so the history is kept. Returns its form, if it existed.
    public func withdrawThemeDecision(id: Int64, at date: Date = Date()) throws -> String? {
        try writing { database in
            let formID = try String.fetchOne(database, sql: "SELECT form_id FROM theme_decision WHERE id = ? AND withdrawn_at IS NULL", arguments: [id])
            try database.execute(sql: "UPDATE theme_decision SET withdrawn_at = ? WHERE id = ?", arguments: [date, id])
            return formID
        }
    }

    /// Deletes every response received before `date` (answers and contact details with them) and
    /// records that it happened; returns how many responses went.
    public func purgeResponses(receivedBefore date: Date, actor: String, at now: Date = Date()) throws -> Int {
        try writing { database in
            try database.execute(sql: "DELETE FROM response WHERE received_at < ?", arguments: [date])
            let deleted = database.changesCount
            try database.execute(
                sql: "INSERT INTO retention_event (at, actor, purged_before, responses_deleted) VALUES (?, ?, ?, ?)",
                arguments: [now, actor, date, deleted])
            return deleted
        }
    }

    /// How many purges were recorded, newest first: (when, who, cut-off, count).
    public func retentionEvents() throws -> [(at: Date, actor: String, purgedBefore: Date, responsesDeleted: Int)] {
        try reading { database in
            try Row.fetchAll(database, sql: "SELECT at, actor, purged_before, responses_deleted FROM retention_event ORDER BY id DESC")
                .map { row in
                    (try row.storedValue("at", of: "retention_event"), try row.storedValue("actor", of: "retention_event"),
                     try row.storedValue("purged_before", of: "retention_event"), try row.storedValue("responses_deleted", of: "retention_event"))
                }
        }
    }

    private static let runSelection = """
        SELECT id, form_id, session_codes, question_ids, status, progress, message, result, created_by, created_at, finished_at
        FROM analysis_run
        """

    private static func fetchRun(in database: Database, id: Int64) throws -> AnalysisRun? {
        try Row.fetchOne(database, sql: "\(runSelection) WHERE id = ?", arguments: [id]).map(run(from:))
    }

    private static func run(from row: Row) throws -> AnalysisRun {
        let statusText: String = try row.storedValue("status", of: "analysis_run")
        guard let status = AnalysisRun.Status(rawValue: statusText) else {
            throw StorageError.invalidStoredValue(table: "analysis_run", column: "status", reason: "unknown status \"\(statusText)\"")
        }
        return AnalysisRun(
            id: try row.storedValue("id", of: "analysis_run"),
            formID: try row.storedValue("form_id", of: "analysis_run"),
            sessionCodes: try decodeArray(try row.storedValue("session_codes", of: "analysis_run"), column: "session_codes"),
            questionIDs: try decodeArray(try row.storedValue("question_ids", of: "analysis_run"), column: "question_ids"),
            status: status,
            progress: try row.storedValue("progress", of: "analysis_run"),
            message: try row.storedValue("message", of: "analysis_run"),
            result: try row.storedValue("result", of: "analysis_run"),
            createdBy: try row.storedValue("created_by", of: "analysis_run"),
            createdAt: try row.storedValue("created_at", of: "analysis_run"),
            finishedAt: try row.storedValue("finished_at", of: "analysis_run"))
    }

    private static func jsonArray(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    private static func decodeArray(_ text: String, column: String) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw StorageError.invalidStoredValue(table: "analysis_run", column: column, reason: "\(error)")
        }
    }
}
