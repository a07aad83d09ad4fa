import Foundation
import GRDB

extension Store {
    /// A session's responses with their answers, oldest first (by `receivedAt`, then storage order).
    ///
    /// Contact details are never included: they are read separately, so answers stay anonymous.
    public func responses(sessionID: Int64) throws -> [StoredResponse] {
        try reading { database in
            // Two statements with one argument each: `including(all:)` would bind every response
            // id as an argument of the answers' query (stock SQLite takes 32,766; Debian's 250,000).
            var answersByResponse: [Int64: [String: String]] = [:]
            let answers = try StoredAnswer
                .joining(required: StoredAnswer.responseAssociation.filter(StoredResponse.Columns.sessionID == sessionID))
                .fetchCursor(database)
            while let answer = try answers.next() {
                answersByResponse[answer.responseID, default: [:]][answer.questionID] = answer.value
            }
            return try StoredResponse
                .filter(StoredResponse.Columns.sessionID == sessionID)
                .order(StoredResponse.Columns.receivedAt, StoredResponse.Columns.id)
                .asRequest(of: IdentifiedResponse.self)
                .fetchAll(database)
                .map { identified in
                    var response = identified.response
                    response.answers = answersByResponse[identified.id] ?? [:]
                    return response
                }
        }
    }

    /// How many responses a session has.
    public func responseCount(sessionID: Int64) throws -> Int {
        try reading { database in
            try StoredResponse.filter(StoredResponse.Columns.sessionID == sessionID).fetchCount(database)
        }
    }

    /// Whether a submission with this id is stored (in any session).
    public func containsSubmission(id submissionID: String) throws -> Bool {
        try reading { database in
            try StoredResponse.filter(StoredResponse.Columns.submissionID == submissionID).isEmpty(database) == false
        }
    }

    /// The contact details left with a submission, if any; for staff pages, never for exports of answers.
    public func contact(submissionID: String) throws -> ContactDetails? {
        try reading { database in
            try ContactDetails
                .joining(required: ContactDetails.responseAssociation.filter(StoredResponse.Columns.submissionID == submissionID))
                .fetchOne(database)
        }
    }
}

/// A response with its row id, which its answers refer to (``StoredResponse`` has no id of its own).
private struct IdentifiedResponse: Decodable, FetchableRecord {
    /// `response.id`.
    var id: Int64
    /// Decoded from the same row (GRDB's rule for a key that is neither a column nor an association).
    var response: StoredResponse
}
