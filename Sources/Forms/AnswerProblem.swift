/// Why one answer (or the contact details) of a submission was not accepted.
public struct AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field the problem concerns: a question id, or `contact`, `contact.email`, `contact.name`,
    /// `contact.consent` (or `contact.` and an unknown field's name) for contact details.
    public let field: String
    /// What is wrong, worded for the citizen in every language.
    public let reason: AnswerReason

    /// Creates a problem.
    public init(field: String, reason: AnswerReason) {
        self.field = field
        self.reason = reason
    }

    /// The reason in one language, written for the citizen.
    public func reason(in language: Language) -> String {
        reason.text.text(in: language)
    }

    /// "age-group: 'x' is not one of the choices ...", in English, for logs.
    public var description: String { "\(field): \(reason.text.en)" }
}
