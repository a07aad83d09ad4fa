import Foundation
import GRDB

extension Store {
    /// Everything stored for the response with this receipt (answers, contact details, times), or nil.
    public func submission(receipt: ReceiptCode) throws -> StoredSubmission? {
        try reading { database in
            guard let row = try Row.fetchOne(database, sql: """
                SELECT id, session_id, submission_id, received_at, client_submitted_at, is_late, table_label
                FROM response WHERE receipt = ?
                """, arguments: [receipt.value])
            else { return nil }
            let responseID: Int64 = row["id"]
            let answers = try StoredAnswer.filter(Column(StoredAnswer.CodingKeys.responseID) == responseID).fetchAll(database)
            let contact = try StoredContact.request(where: "contact.response_id = \(responseID)").fetchOne(database)
            return StoredSubmission(
                responseID: responseID, receipt: receipt, sessionID: row["session_id"], submissionID: row["submission_id"],
                receivedAt: row["received_at"], clientSubmittedAt: row["client_submitted_at"], isLate: row["is_late"],
                tableLabel: row["table_label"],
                answers: Dictionary(answers.map { ($0.questionID, $0.value) }, uniquingKeysWith: { first, _ in first }),
                contact: contact)
        }
    }

    /// The receipt of a stored submission (nil when it is not stored, or was stored before receipts).
    public func receipt(submissionID: String) throws -> ReceiptCode? {
        try reading { database in
            try String.fetchOne(database, sql: "SELECT receipt FROM response WHERE submission_id = ?", arguments: [submissionID])
                .flatMap(ReceiptCode.init(typed:))
        }
    }

    /// Erases the response with this receipt: its answers and contact details, and what old analysis
    /// runs kept of its answers (through `redaction`). Nil, and nothing written, when no response has it.
    ///
    /// `audit` is stored in the same transaction; its details gain the counts (`answers`, `contacts`,
    /// `analysisRuns`), never what was erased.
    public func eraseResponse(receipt: ReceiptCode, audit: AuditEvent?, redaction: AnalysisRedaction) throws -> ErasureSummary? {
        try writing { database in
            guard let row = try Row.fetchOne(database, sql: "SELECT id, session_id FROM response WHERE receipt = ?",
                                             arguments: [receipt.value])
            else { return nil }
            let summary = try Self.deleteResponses(ids: [row["id"]], sessionID: row["session_id"], in: database, redaction: redaction)
            try Self.insert(audit, adding: summary.auditDetails, into: database)
            return summary
        }
    }
}

extension Store {
    /// Deletes these responses (answers and contact details go with them by cascade) and cleans
    /// every stored analysis result of their answers; returns what went, by count.
    static func deleteResponses(ids: [Int64], sessionID: Int64, in database: Database, redaction: AnalysisRedaction) throws -> ErasureSummary {
        guard !ids.isEmpty else { return ErasureSummary(sessionID: sessionID, responses: 0, answers: 0, contacts: 0, analysisRuns: 0) }
        let submissionIDs = try String.fetchSet(database, StoredResponse.select(StoredResponse.Columns.submissionID)
            .filter(ids.contains(StoredResponse.Columns.id)))
        let answers = try StoredAnswer.filter(ids.contains(Column(StoredAnswer.CodingKeys.responseID))).fetchCount(database)
        let contacts = try ContactDetails.filter(ids.contains(Column("response_id"))).fetchCount(database)
        let responses = try StoredResponse.filter(ids.contains(StoredResponse.Columns.id)).deleteAll(database)
        let runs = try redactAnalysisRuns(removing: submissionIDs, in: database, redaction: redaction)
        return ErasureSummary(sessionID: sessionID, responses: responses, answers: answers, contacts: contacts, analysisRuns: runs)
    }

    /// Rewrites each stored analysis result that holds something of these submissions' answers.
    static func redactAnalysisRuns(removing submissionIDs: Set<String>, in database: Database, redaction: AnalysisRedaction) throws -> Int {
        guard !submissionIDs.isEmpty else { return 0 }
        var rewritten = 0
        let runs = try Row.fetchAll(database, sql: "SELECT id, result FROM analysis_run WHERE result IS NOT NULL")
        for run in runs {
            let result: String = run["result"]
            // Most runs never saw these answers; a plain search spares decoding them.
            guard submissionIDs.contains(where: { result.contains($0) }),
                  let redacted = try redaction(result, submissionIDs), redacted != result
            else { continue }
            try database.execute(sql: "UPDATE analysis_run SET result = ? WHERE id = ?", arguments: [redacted, run["id"] as Int64])
            rewritten += 1
        }
        return rewritten
    }

    /// Inserts an action's audit event with facts only known inside the transaction added to its details.
    ///
    /// SQLite's json_set refuses details that are not JSON, which rolls the action back too.
    static func insert(_ event: AuditEvent?, adding facts: [(String, Int)], into database: Database) throws {
        guard var event else { return }
        for (key, value) in facts {
            event.details = try String.fetchOne(database, sql: "SELECT json_set(?, ?, ?)", arguments: [event.details, "$." + key, value])
                ?? event.details
        }
        try insert(event, into: database)
    }
}

extension ErasureSummary {
    /// The counts an audit event keeps.
    var auditDetails: [(String, Int)] {
        [("responses", responses), ("answers", answers), ("contacts", contacts), ("analysisRuns", analysisRuns)]
    }
}
