import GRDB

/// One answer as read back: a row of `answer` (the writer inserts them with its own cached statements).
struct StoredAnswer: Sendable, Hashable, Decodable {
    /// The response it belongs to.
    var responseID: Int64
    /// The question it answers.
    var questionID: String
    /// The value as JSON text.
    var value: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case responseID = "response_id"
        case questionID = "question_id"
        case value
    }
}

extension StoredAnswer: StoredRecord, TableRecord {
    static let databaseTableName = "answer"

    /// Each answer belongs to a response (`answer.response_id`).
    static let responseAssociation = belongsTo(StoredResponse.self)
}
