/// The outcome of checking a submission's answers against a form.
public struct AnswerValidation: Hashable, Sendable {
    /// The answers to store: only visible, answerable, non-empty ones, normalised (trimmed text,
    /// choices in the form's option order, points without zero entries).
    public let accepted: [String: JSONValue]
    /// Every problem found; the submission should be rejected unless this is empty.
    public let problems: [AnswerProblem]

    /// Creates an outcome.
    public init(accepted: [String: JSONValue], problems: [AnswerProblem]) {
        self.accepted = accepted
        self.problems = problems
    }

    /// Whether the submission can be stored.
    public var isValid: Bool { problems.isEmpty }
}
