/// One answer a citizen can pick: the stored value and its visible label.
public struct ChoiceOption: Hashable, Sendable {
    /// What is stored and exported, e.g. "30-49"; stable across translations.
    public let value: String
    /// What the citizen sees.
    public let label: LocalizedText

    /// Creates an option.
    public init(value: String, label: LocalizedText) {
        self.value = value
        self.label = label
    }
}
