/// Shows a question only when an earlier answer has a given value (`showIf`).
public struct DisplayCondition: Hashable, Sendable {
    /// How the earlier answer is compared.
    public enum Match: Hashable, Sendable {
        /// `"equals": value`.
        case equals(JSONValue)
        /// `"in": [values]`: any one of them.
        case oneOf([JSONValue])

        /// The values that make the condition true.
        public var values: [JSONValue] {
            switch self {
            case .equals(let value): [value]
            case .oneOf(let values): values
            }
        }
    }

    /// The id of the earlier question.
    public let question: String
    /// The value or values that show the question.
    public let match: Match

    /// Creates a condition.
    public init(question: String, match: Match) {
        self.question = question
        self.match = match
    }

    /// Whether an accepted (normalised) answer of the earlier question makes the question visible.
    ///
    /// For a multiple-choice answer, the condition holds when any selected option matches.
    /// No answer never matches, so a question that depends on an unanswered one stays hidden.
    public func isSatisfied(by answer: JSONValue?) -> Bool {
        guard let answer else { return false }
        let wanted = Set(match.values)
        switch answer {
        case .array(let selected):
            return selected.contains { wanted.contains($0) }
        case .object(let members):
            if let selected = members["selected"]?.arrayValue, selected.contains(where: { wanted.contains($0) }) {
                return true
            }
            return false
        default:
            return wanted.contains(answer)
        }
    }
}
