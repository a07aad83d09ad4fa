import Foundation
import GRDB

extension Store {
    /// Deletes every response received before `date` (answers and contact details with them) and
    /// records that it happened in the retention log; returns how many responses went.
    ///
    /// `audit` is stored in the same transaction; its details (a JSON object) gain `"deleted"`,
    /// the count, which is known only inside it.
    ///
    /// `redaction` cleans old analysis runs of the deleted answers (see ``AnalysisRedaction``).
    public func purgeResponses(
        receivedBefore date: Date, actor: String, at now: Date = Date(), audit: AuditEvent? = nil,
        redaction: AnalysisRedaction? = nil
    ) throws -> Int {
        try writing { database in
            let old = StoredResponse.filter(StoredResponse.Columns.receivedAt < date)
            let contacts = try ContactDetails
                .filter(sql: "response_id IN (SELECT id FROM response WHERE received_at < ?)", arguments: [date])
                .fetchCount(database)
            if let redaction {
                let submissionIDs = try String.fetchSet(database, old.select(StoredResponse.Columns.submissionID))
                _ = try Self.redactAnalysisRuns(removing: submissionIDs, in: database, redaction: redaction)
            }
            let deleted = try old.deleteAll(database)
            var retention = RetentionEvent(
                at: now, actor: actor, purgedBefore: date, responsesDeleted: deleted, contactsDeleted: contacts)
            try retention.insert(database)
            if var event = audit {
                // SQLite's json_set refuses details that are not JSON, which rolls the purge back too.
                event.details = try SQLRequest<String>(literal: "SELECT json_set(\(event.details), '$.deleted', \(deleted))")
                    .fetchOne(database) ?? event.details
                try Self.insert(event, into: database)
            }
            return deleted
        }
    }

    /// Every purge recorded, newest first.
    public func retentionEvents() throws -> [RetentionEvent] {
        try reading { database in
            try RetentionEvent.order(Column(RetentionEvent.CodingKeys.id).desc).fetchAll(database)
        }
    }
}
