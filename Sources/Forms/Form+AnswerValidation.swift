/// Checking a citizen's answers on the server.
extension Form {
    /// Checks a submission's answers: every problem at once, plus the normalised answers to store.
    ///
    /// Visibility follows the form's order: a question whose condition is not met by the accepted
    /// answer of the earlier question is hidden; its answer is dropped silently and it is never
    /// required. An answer to an unknown id, or to an info/section entry, is a problem.
    public func validate(answers: [String: JSONValue]) -> AnswerValidation {
        var accepted: [String: JSONValue] = [:]
        var problems: [AnswerProblem] = []
        let knownIDs = Set(questions.map(\.id))
        for id in answers.keys.sorted() where !knownIDs.contains(id) {
            problems.append(AnswerProblem(field: id, reason: .unknownQuestion))
        }
        for question in questions {
            let raw = answers[question.id]
            guard question.takesAnswer else {
                if let raw, !Question.isEmptyAnswer(raw) {
                    problems.append(AnswerProblem(field: question.id, reason: .takesNoAnswer))
                }
                continue
            }
            if let condition = question.condition, !condition.isSatisfied(by: accepted[condition.question]) {
                continue
            }
            switch question.normalizedAnswer(raw) {
            case .success(let value?):
                accepted[question.id] = value
            case .success(nil):
                if question.isRequired {
                    problems.append(AnswerProblem(field: question.id, reason: .required))
                }
            case .failure(let problem):
                problems.append(problem)
            }
        }
        return AnswerValidation(accepted: accepted, problems: problems)
    }

    /// Whether a question is shown, given the answers accepted so far (as `validate` computes them).
    public func isVisible(_ question: Question, acceptedAnswers: [String: JSONValue]) -> Bool {
        guard let condition = question.condition else { return true }
        return condition.isSatisfied(by: acceptedAnswers[condition.question])
    }
}
