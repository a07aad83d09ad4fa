/// One free-text answer to analyse.
public struct AnswerText: Sendable, Hashable, Codable {
    /// The answer's identifier, echoed in assignments and quotes.
    public let id: String
    /// The answer as the citizen wrote it.
    public let text: String

    /// Creates an answer.
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}
