/// Summaries of the closed questions, for the analyst.
extension Form {
    /// One summary per answerable question, in form order: counts and shares for choice and
    /// yes/no questions, distribution and mean for scales, count/mean/median/min/max for numbers,
    /// mean rank for rankings, total and mean points for points, and the answered count for text.
    ///
    /// `answerSets` are accepted answers keyed by question id, one set per submission. Values a
    /// question cannot have (e.g. an option removed from the form) are not counted.
    public func summaries(of answerSets: [[String: JSONValue]], language: Language = .da) -> [QuestionSummary] {
        answerableQuestions.map { question in
            let answers = answerSets.compactMap { answerSet -> JSONValue? in
                guard let value = answerSet[question.id], !Question.isEmptyAnswer(value) else { return nil }
                return value
            }
            return question.summary(of: answers, language: language)
        }
    }
}
