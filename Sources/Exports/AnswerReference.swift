/// The two parts of an analysed answer's id, `submissionId/questionId`.
struct AnswerReference: Hashable, Sendable {
    /// The submission the answer belongs to.
    let submissionID: String
    /// The question it answers (empty when the id has no `/`).
    let questionID: String

    /// Splits at the last `/`: question ids are slugs, so the submission id may contain one.
    init(answerID: String) {
        if let slash = answerID.lastIndex(of: "/") {
            submissionID = String(answerID[..<slash])
            questionID = String(answerID[answerID.index(after: slash)...])
        } else {
            submissionID = answerID
            questionID = ""
        }
    }
}
