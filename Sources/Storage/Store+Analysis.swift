import Foundation
import GRDB

extension Store {
    /// Queues a run and returns it; `audit` is stored in the same transaction (its `target`, when
    /// nil, becomes the new run's id, which the caller cannot know beforehand).
    public func createAnalysisRun(
        formID: String, sessionCodes: [String], questionIDs: [String], createdBy: String, at date: Date = Date(),
        audit: AuditEvent? = nil
    ) throws -> AnalysisRun {
        try writing { database in
            let run = try NewAnalysisRun(
                formID: formID, sessionCodes: sessionCodes, questionIDs: questionIDs, createdBy: createdBy, createdAt: date)
                .insertAndFetch(database, as: AnalysisRun.self)
            var event = audit
            if event?.target == nil { event?.target = String(run.id) }
            try Self.insert(event, into: database)
            return run
        }
    }

    /// Records how far a run is; a finished run also gets its result (or failure message) and time.
    ///
    /// A nil `result` keeps the one stored. Progress is the machine's own doing, so it is not audited.
    public func updateAnalysisRun(
        id: Int64, status: AnalysisRun.Status, progress: Double, message: String?, result: String? = nil, at date: Date = Date()
    ) throws {
        var assignments = [
            AnalysisRun.Columns.status.set(to: status),
            AnalysisRun.Columns.progress.set(to: progress),
            AnalysisRun.Columns.message.set(to: message),
        ]
        if let result {
            assignments.append(AnalysisRun.Columns.result.set(to: result))
        }
        if status == .done || status == .failed {
            assignments.append(AnalysisRun.Columns.finishedAt.set(to: date))
        }
        try writing { database in
            _ = try AnalysisRun.filter(id: id).updateAll(database, assignments)
        }
    }

    /// The run with this id.
    public func analysisRun(id: Int64) throws -> AnalysisRun? {
        try reading { database in
            try AnalysisRun.fetchOne(database, id: id)
        }
    }

    /// A form's runs, newest first (all forms when `formID` is nil).
    public func analysisRuns(formID: String?) throws -> [AnalysisRun] {
        try reading { database in
            var request = AnalysisRun.order(AnalysisRun.Columns.createdAt.desc, AnalysisRun.Columns.id.desc)
            if let formID {
                request = request.filter(AnalysisRun.Columns.formID == formID)
            }
            return try request.fetchAll(database)
        }
    }

    /// Runs left queued or running by a process that stopped: they will never finish, so say so.
    public func failInterruptedAnalysisRuns(at date: Date = Date()) throws {
        try writing { database in
            _ = try AnalysisRun
                .filter([AnalysisRun.Status.queued, .running].contains(AnalysisRun.Columns.status))
                .updateAll(database, [
                    AnalysisRun.Columns.status.set(to: AnalysisRun.Status.failed),
                    AnalysisRun.Columns.message.set(to: "Afbrudt: tjenesten blev genstartet, før analysen var færdig."),
                    AnalysisRun.Columns.finishedAt.set(to: date),
                ])
        }
    }

    /// Stores an analyst's decision for a form; `audit` is stored in the same transaction.
    public func addThemeDecision(
        formID: String, decision: String, decidedBy: String, at date: Date = Date(), audit: AuditEvent? = nil
    ) throws -> StoredThemeDecision {
        try writing { database in
            let stored = try SQLRequest<StoredThemeDecision>(literal: """
                INSERT INTO theme_decision (form_id, decision, decided_by, decided_at)
                VALUES (\(formID), \(decision), \(decidedBy), \(date))
                RETURNING *
                """).fetchOne(database)
            guard let stored else {
                throw StorageError.sqlite(statement: "INSERT INTO theme_decision", reason: "the new decision was not returned")
            }
            try Self.insert(audit, into: database)
            return stored
        }
    }

    /// A form's decisions in force, in the order they were made.
    public func themeDecisions(formID: String) throws -> [StoredThemeDecision] {
        try reading { database in
            try StoredThemeDecision.inForce
                .filter(StoredThemeDecision.Columns.formID == formID)
                .order(StoredThemeDecision.Columns.id)
                .fetchAll(database)
        }
    }

    /// Withdraws a decision (undo); it stays in the table, marked, so the history is kept.
    /// Returns its form, if a decision in force had this id.
    ///
    /// `audit` is stored in the same transaction, and only when a decision was withdrawn; its
    /// `target`, when nil, becomes the decision's form (which the caller cannot know beforehand).
    public func withdrawThemeDecision(id: Int64, at date: Date = Date(), audit: AuditEvent? = nil) throws -> String? {
        try writing { database in
            let inForce = StoredThemeDecision.inForce.filter(id: id)
            guard let decision = try inForce.fetchOne(database) else {
                return nil
            }
            try inForce.updateAll(database, StoredThemeDecision.Columns.withdrawnAt.set(to: date))
            var event = audit
            if event?.target == nil {
                event?.target = decision.formID
            }
            try Self.insert(event, into: database)
            return decision.formID
        }
    }
}

extension StoredThemeDecision {
    /// Decisions not withdrawn.
    static var inForce: QueryInterfaceRequest<StoredThemeDecision> {
        filter(Columns.withdrawnAt == nil)
    }
}

/// The columns of a new `analysis_run` row; SQLite gives the id, and the progress its default.
///
/// A separate record because ``AnalysisRun``'s id is not optional: every run the App holds has one.
private struct NewAnalysisRun: Encodable, PersistableRecord {
    static let databaseTableName = AnalysisRun.databaseTableName

    var formID: String
    var sessionCodes: [String]
    var questionIDs: [String]
    var status = AnalysisRun.Status.queued
    var createdBy: String
    var createdAt: Date

    init(formID: String, sessionCodes: [String], questionIDs: [String], createdBy: String, createdAt: Date) {
        self.formID = formID
        self.sessionCodes = sessionCodes
        self.questionIDs = questionIDs
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case formID = "form_id"
        case sessionCodes = "session_codes"
        case questionIDs = "question_ids"
        case status
        case createdBy = "created_by"
        case createdAt = "created_at"
    }
}
