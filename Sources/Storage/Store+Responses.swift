import Foundation
import GRDB

extension Store {
    /// A session's responses with their answers, oldest first (by `receivedAt`, then storage order).
    ///
    /// Contact details are never included: they are read separately, so answers stay anonymous.
    public func responses(sessionID: Int64) throws -> [StoredResponse] {
        try reading { database in
            var answersByResponse: [Int64: [String: String]] = [:]
            let answerRows = try Row.fetchCursor(
                database,
                sql: """
                    SELECT answer.response_id, answer.question_id, answer.value
                    FROM answer JOIN response ON response.id = answer.response_id
                    WHERE response.session_id = ?
                    """,
                arguments: [sessionID])
            while let row = try answerRows.next() {
                let responseID: Int64 = try row.storedValue("response_id", of: "answer")
                let questionID: String = try row.storedValue("question_id", of: "answer")
                answersByResponse[responseID, default: [:]][questionID] = try row.storedValue("value", of: "answer")
            }

            return try Row.fetchAll(
                database,
                sql: """
                    SELECT id, submission_id, received_at, client_submitted_at, is_late, table_label
                    FROM response
                    WHERE session_id = ?
                    ORDER BY received_at, id
                    """,
                arguments: [sessionID])
            .map { row in
                let responseID: Int64 = try row.storedValue("id", of: "response")
                return StoredResponse(
                    submissionID: try row.storedValue("submission_id", of: "response"),
                    receivedAt: try row.storedValue("received_at", of: "response"),
                    clientSubmittedAt: try row.storedValue("client_submitted_at", of: "response"),
                    isLate: try row.storedValue("is_late", of: "response"),
                    tableLabel: try row.storedValue("table_label", of: "response"),
                    answers: answersByResponse[responseID] ?? [:])
            }
        }
    }

    /// How many responses a session has.
    public func responseCount(sessionID: Int64) throws -> Int {
        try reading { database in
            try Int.fetchOne(
                database, sql: "SELECT COUNT(*) FROM response WHERE session_id = ?", arguments: [sessionID]) ?? 0
        }
    }

    /// Whether a submission with this id is stored (in any session).
    public func containsSubmission(id submissionID: String) throws -> Bool {
        try reading { database in
            try Bool.fetchOne(
                database, sql: "SELECT EXISTS (SELECT 1 FROM response WHERE submission_id = ?)",
                arguments: [submissionID]) ?? false
        }
    }

    /// The contact details left with a submission, if any; for staff pages, never for exports of answers.
    public func contact(submissionID: String) throws -> ContactDetails? {
        try reading { database in
            try Row.fetchOne(
                database,
                sql: """
                    SELECT contact.name, contact.email, contact.consent_text
                    FROM contact JOIN response ON response.id = contact.response_id
                    WHERE response.submission_id = ?
                    """,
                arguments: [submissionID])
            .map { row in
                ContactDetails(
                    name: try row.storedValue("name", of: "contact"),
                    email: try row.storedValue("email", of: "contact"),
                    consentText: try row.storedValue("consent_text", of: "contact"))
            }
        }
    }
}
