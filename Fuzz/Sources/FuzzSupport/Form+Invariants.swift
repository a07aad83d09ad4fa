import Forms

/// What answer validation promises, checked on every answer set a fuzzer makes up.
extension Form {
    /// Validates `answers` and checks the outcome: only visible answerable questions are accepted,
    /// accepted values survive storage as JSON text, and validating the accepted answers again
    /// changes nothing (normalising is idempotent).
    @discardableResult
    public func checkedValidation(of answers: [String: JSONValue]) -> AnswerValidation {
        let validation = validate(answers: answers)
        let knownIDs = Set(questions.map(\.id))
        for (id, value) in validation.accepted {
            guard let question = question(id: id) else {
                Invariant.check(false, "accepted an answer to the unknown question '\(id)'")
                continue
            }
            Invariant.check(question.takesAnswer, "accepted an answer to '\(id)', which takes none")
            Invariant.check(!Question.isEmptyAnswer(value), "accepted an empty answer to '\(id)': \(value.jsonText)")
            Invariant.check(
                isVisible(question, acceptedAnswers: validation.accepted),
                "accepted an answer to the hidden question '\(id)'"
            )
            value.checkCanonicalRoundTrip()
        }
        for problem in validation.problems {
            Invariant.check(
                knownIDs.contains(problem.field) || answers[problem.field] != nil,
                "the problem \(problem) names neither a question nor an answer"
            )
            Invariant.check(validation.accepted[problem.field] == nil, "'\(problem.field)' has a problem and an accepted answer")
        }
        let again = validate(answers: validation.accepted)
        Invariant.check(
            again.accepted == validation.accepted,
            "validating the accepted answers changes them: \(JSONValue.object(validation.accepted).jsonText) → \(JSONValue.object(again.accepted).jsonText)"
        )
        Invariant.check(
            Set(again.problems.map(\.field)).isSubset(of: validation.problems.map(\.field)),
            "the accepted answers have new problems: \(again.problems)"
        )
        _ = summaries(of: [validation.accepted], language: .da)
        _ = summaries(of: [validation.accepted, [:]], language: .en)
        return validation
    }
}
