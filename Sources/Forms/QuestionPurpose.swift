/// What an answerable question asks about, so analysts can split each theme by it.
public enum QuestionPurpose: String, Hashable, Sendable, CaseIterable, Codable {
    /// What works well today.
    case works
    /// What should change or be done better.
    case change
    /// Ideas and suggestions for something new.
    case idea

    /// The purpose as an analyst reads it, e.g. "Hvad virker" / "What works".
    public var label: LocalizedText {
        switch self {
        case .works: LocalizedText(da: "Hvad virker", en: "What works")
        case .change: LocalizedText(da: "Hvad skal ændres", en: "What should change")
        case .idea: LocalizedText(da: "Idéer", en: "Ideas")
        }
    }
}
