import Foundation
import GRDB

extension Store {
    /// The contact details left in one meeting, oldest first.
    public func contacts(sessionID: Int64) throws -> [StoredContact] {
        try reading { database in
            try StoredContact.request(where: "response.session_id = \(sessionID)").fetchAll(database)
        }
    }

    /// How many contact details one meeting holds.
    public func contactCount(sessionID: Int64) throws -> Int {
        try reading { database in
            try Int.fetchOne(database, sql: """
                SELECT COUNT(*) FROM contact JOIN response ON response.id = contact.response_id WHERE response.session_id = ?
                """, arguments: [sessionID]) ?? 0
        }
    }

    /// Contact details whose e-mail address is this one, ignoring case and surrounding spaces.
    public func contacts(email: String) throws -> [StoredContact] {
        let wanted = email.trimmingCharacters(in: .whitespacesAndNewlines)
        return try reading { database in
            try StoredContact.request(where: "contact.email = \(wanted) COLLATE NOCASE").fetchAll(database)
        }
    }

    /// Every contact detail for which `matches` holds (a search the database cannot express, such as
    /// a phone number written with or without spaces).
    public func contacts(where matches: (StoredContact) -> Bool) throws -> [StoredContact] {
        try reading { database in
            var found: [StoredContact] = []
            let cursor = try StoredContact.request(where: "1").fetchCursor(database)
            while let contact = try cursor.next() {
                if matches(contact) { found.append(contact) }
            }
            return found
        }
    }

    /// The contact details with this id (`responseID`), if still stored.
    public func contact(responseID: Int64) throws -> StoredContact? {
        try reading { database in
            try StoredContact.request(where: "contact.response_id = \(responseID)").fetchOne(database)
        }
    }

    /// Erases one citizen's contact details (consent withdrawn); with `withResponse`, the response
    /// they were left with too. Nil, and nothing written, when they are not stored.
    ///
    /// `audit` is stored in the same transaction, its details gaining the counts only.
    public func eraseContact(
        responseID: Int64, withResponse: Bool, audit: AuditEvent?, redaction: AnalysisRedaction
    ) throws -> ErasureSummary? {
        try writing { database in
            guard let contact = try StoredContact.request(where: "contact.response_id = \(responseID)").fetchOne(database) else {
                return nil
            }
            let summary: ErasureSummary
            if withResponse {
                summary = try Self.deleteResponses(ids: [responseID], sessionID: contact.sessionID, in: database, redaction: redaction)
            } else {
                let deleted = try ContactDetails.filter(Column("response_id") == responseID).deleteAll(database)
                summary = ErasureSummary(sessionID: contact.sessionID, responses: 0, answers: 0, contacts: deleted, analysisRuns: 0)
            }
            try Self.insert(audit, adding: summary.auditDetails, into: database)
            return summary
        }
    }
}
