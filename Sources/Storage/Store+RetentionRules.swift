import Foundation
import GRDB

extension Store {
    /// Every retention rule: forms' first, then meetings', each by target.
    public func retentionRules() throws -> [RetentionRule] {
        try reading { database in
            try RetentionRule
                .order(RetentionRule.Columns.sessionID, RetentionRule.Columns.formID, RetentionRule.Columns.target)
                .fetchAll(database)
        }
    }

    /// Sets a rule, replacing the one for the same form or meeting and target; `audit` commits with it.
    public func saveRetentionRule(_ rule: RetentionRule, audit: AuditEvent?) throws -> RetentionRule {
        try writing { database in
            var saved = rule
            saved.id = nil
            let sameScope = rule.sessionID.map { RetentionRule.Columns.sessionID == $0 }
                ?? (RetentionRule.Columns.formID == rule.formID)
            try RetentionRule.filter(sameScope && RetentionRule.Columns.target == rule.target).deleteAll(database)
            try saved.insert(database)
            try Self.insert(audit, into: database)
            return saved
        }
    }

    /// Removes a rule; nil, and nothing written, when there is none with this id.
    public func deleteRetentionRule(id: Int64, audit: AuditEvent?) throws -> RetentionRule? {
        try writing { database in
            guard let rule = try RetentionRule.filter(RetentionRule.Columns.id == id).fetchOne(database) else { return nil }
            try RetentionRule.filter(RetentionRule.Columns.id == id).deleteAll(database)
            try Self.insert(audit, into: database)
            return rule
        }
    }

    /// Applies a due rule to one meeting: deletes its contact details (`.contacts`) or its responses
    /// (`.answers`, contact details with them), and records the purge in the retention log with
    /// `audit`, all in one transaction. Nil, and nothing written, when there was nothing left to delete.
    public func purge(
        _ target: RetentionTarget, sessionID: Int64, rule: String, actor: String, at now: Date = Date(),
        audit: AuditEvent?, redaction: AnalysisRedaction
    ) throws -> RetentionEvent? {
        try writing { database in
            let summary: ErasureSummary
            switch target {
            case .answers:
                let ids = try Int64.fetchAll(database, StoredResponse.select(StoredResponse.Columns.id)
                    .filter(StoredResponse.Columns.sessionID == sessionID))
                summary = try Self.deleteResponses(ids: ids, sessionID: sessionID, in: database, redaction: redaction)
            case .contacts:
                let deleted = try ContactDetails
                    .filter(sql: "response_id IN (SELECT id FROM response WHERE session_id = ?)", arguments: [sessionID])
                    .deleteAll(database)
                summary = ErasureSummary(sessionID: sessionID, responses: 0, answers: 0, contacts: deleted, analysisRuns: 0)
            }
            guard summary.responses > 0 || summary.contacts > 0 else { return nil }
            var event = RetentionEvent(
                at: now, actor: actor, purgedBefore: now, responsesDeleted: summary.responses, sessionID: sessionID,
                target: target, contactsDeleted: summary.contacts, rule: rule)
            try event.insert(database)
            try Self.insert(audit, adding: summary.auditDetails, into: database)
            return event
        }
    }

    /// The purges recorded for one meeting (by its rules), newest first.
    public func retentionEvents(sessionID: Int64) throws -> [RetentionEvent] {
        try reading { database in
            try RetentionEvent
                .filter(Column(RetentionEvent.CodingKeys.sessionID) == sessionID)
                .order(Column(RetentionEvent.CodingKeys.id).desc)
                .fetchAll(database)
        }
    }
}
