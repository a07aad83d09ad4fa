/// One free-text answer to analyse.
public struct AnswerText: Sendable, Hashable, Codable {
    /// The answer's identifier, echoed in assignments and quotes.
    public let id: String
    /// The answer as the citizen wrote it.
    public let text: String
    /// What the question asked for (what works, what should change, an idea), when the form says;
    /// themes are split by it.
    public let purpose: AnswerPurpose?
    /// The key of the guided theme the answer's question belongs to, when the form says: context
    /// for the answer (a small prior towards that theme), never a reason to hide what else it is about.
    public let questionTheme: String?

    /// Creates an answer.
    public init(id: String, text: String, purpose: AnswerPurpose? = nil, questionTheme: String? = nil) {
        self.id = id
        self.text = text
        self.purpose = purpose
        self.questionTheme = questionTheme
    }
}
