import Foundation
import GRDB

extension Store {
    /// A session's responses with their answers, oldest first (by `receivedAt`, then storage order).
    ///
    /// Contact details are never included: they are read separately, so answers stay anonymous.
    public func responses(sessionID: Int64) throws -> [StoredResponse] {
        try reading { database in
            try StoredResponse
                .filter(StoredResponse.Columns.sessionID == sessionID)
                .order(StoredResponse.Columns.receivedAt, StoredResponse.Columns.id)
                .including(all: StoredResponse.answerAssociation)
                .asRequest(of: ResponseWithAnswers.self)
                .fetchAll(database)
                .map(\.storedResponse)
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

/// A response row with its answer rows, as `including(all:)` fetches them.
private struct ResponseWithAnswers: Decodable, FetchableRecord {
    /// Decoded from the response row itself (GRDB's rule for a key that is neither a column nor an association).
    var response: StoredResponse
    /// Under the association's key.
    var answers: [StoredAnswer]

    /// The response with its answers by question.
    var storedResponse: StoredResponse {
        var complete = response
        complete.answers = Dictionary(answers.map { ($0.questionID, $0.value) }, uniquingKeysWith: { first, _ in first })
        return complete
    }
}
