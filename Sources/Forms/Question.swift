/// One entry of a form: a question, or an `info` paragraph or `section` heading.
public struct Question: Hashable, Sendable {
    /// A lowercase slug, unique within the form; answers are keyed by it.
    public let id: String
    /// The question text (the heading of a section, the paragraph of an info).
    public let label: LocalizedText
    /// Extra guidance shown under the label.
    public let help: LocalizedText?
    /// Whether a visible question must be answered.
    public let isRequired: Bool
    /// Whether this is a background question (age group, area, role) that exports break down by.
    public let isBackground: Bool
    /// The keys of the policy themes this question asks about.
    public let themes: [String]
    /// Whether the question asks what works, what should change or for ideas; nil when none of them.
    public let purpose: QuestionPurpose?
    /// When the question is shown; nil means always.
    public let condition: DisplayCondition?
    /// The type and its settings.
    public let kind: QuestionKind

    /// Creates a question; forms normally come from `FormDecoder`, which checks all of this.
    public init(
        id: String, label: LocalizedText, help: LocalizedText? = nil, isRequired: Bool = false,
        isBackground: Bool = false, themes: [String] = [], purpose: QuestionPurpose? = nil,
        condition: DisplayCondition? = nil, kind: QuestionKind
    ) {
        self.id = id
        self.label = label
        self.help = help
        self.isRequired = isRequired
        self.isBackground = isBackground
        self.themes = themes
        self.purpose = purpose
        self.condition = condition
        self.kind = kind
    }

    /// The type as written in the file.
    public var type: QuestionType { kind.type }

    /// Whether a citizen answers this entry.
    public var takesAnswer: Bool { kind.type.takesAnswer }

    /// The options or items of a choice, ranking or points question; empty for the other types.
    public var options: [ChoiceOption] {
        switch kind {
        case .singleChoice(let settings): settings.options
        case .multipleChoice(let settings): settings.options
        case .ranking(let settings): settings.items
        case .points(let settings): settings.items
        case .text, .scale, .yesNo, .number, .info, .section: []
        }
    }
}
