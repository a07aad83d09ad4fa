/// Why one answer (or the contact details) of a submission was not accepted.
public struct AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The question id the problem is about ("contact" for contact details).
    public let question: String
    /// What is wrong.
    public let reason: String

    /// Creates a problem.
    public init(question: String, reason: String) {
        self.question = question
        self.reason = reason
    }

    /// "age-group: 'x' is not an option".
    public var description: String { "\(question): \(reason)" }
}
