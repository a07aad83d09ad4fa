import Foundation
import GRDB

extension Store {
    /// Deletes every response received before `date` (answers and contact details with them) and
    /// records that it happened in the retention log; returns how many responses went.
    ///
    /// `audit` is stored in the same transaction; its details (a JSON object) gain `"deleted"`,
    /// the count, which is known only inside it.
    public func purgeResponses(
        receivedBefore date: Date, actor: String, at now: Date = Date(), audit: AuditEvent? = nil
    ) throws -> Int {
        try writing { database in
            let deleted = try StoredResponse.filter(StoredResponse.Columns.receivedAt < date).deleteAll(database)
            var retention = RetentionEvent(at: now, actor: actor, purgedBefore: date, responsesDeleted: deleted)
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
