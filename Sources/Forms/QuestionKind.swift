/// A question's type together with the settings that belong to that type.
public enum QuestionKind: Hashable, Sendable {
    /// Free text.
    case text(TextSettings)
    /// Pick one option.
    case singleChoice(SingleChoiceSettings)
    /// Pick several options.
    case multipleChoice(MultipleChoiceSettings)
    /// A rating on a range of whole numbers.
    case scale(ScaleSettings)
    /// Yes or no.
    case yesNo
    /// A number.
    case number(NumberSettings)
    /// Put items in order.
    case ranking(RankingSettings)
    /// Distribute points among items.
    case points(PointsSettings)
    /// A paragraph of text.
    case info
    /// A heading that starts a new page.
    case section

    /// The type as written in the file.
    public var type: QuestionType {
        switch self {
        case .text: .text
        case .singleChoice: .singleChoice
        case .multipleChoice: .multipleChoice
        case .scale: .scale
        case .yesNo: .yesNo
        case .number: .number
        case .ranking: .ranking
        case .points: .points
        case .info: .info
        case .section: .section
        }
    }
}

/// Settings of a `text` question.
public struct TextSettings: Hashable, Sendable {
    /// A longer, multi-line field instead of a single line.
    public let isMultiline: Bool
    /// The most characters accepted after trimming.
    public let maxLength: Int
    /// A hint shown in the empty field.
    public let placeholder: LocalizedText?

    /// The limit when the file gives none: a line, or a few paragraphs.
    public static func defaultMaxLength(multiline: Bool) -> Int { multiline ? 2000 : 200 }
}

/// Settings of a `single_choice` question.
public struct SingleChoiceSettings: Hashable, Sendable {
    /// The options, in the order shown.
    public let options: [ChoiceOption]
    /// Whether the citizen may write their own answer instead ("Other: ...").
    public let allowsOther: Bool
    /// The label of the "other" field; the client falls back to a standard text.
    public let otherLabel: LocalizedText?
}

/// Settings of a `multiple_choice` question.
public struct MultipleChoiceSettings: Hashable, Sendable {
    /// The options, in the order shown.
    public let options: [ChoiceOption]
    /// Whether the citizen may add their own answer; it counts as one pick.
    public let allowsOther: Bool
    /// The label of the "other" field.
    public let otherLabel: LocalizedText?
    /// The fewest picks in an answer (when answered at all).
    public let minSelected: Int?
    /// The most picks in an answer.
    public let maxSelected: Int?
}

/// Settings of a `scale` question.
public struct ScaleSettings: Hashable, Sendable {
    /// The lowest value (default 1).
    public let min: Int
    /// The highest value (default 5).
    public let max: Int
    /// What the lowest value means, e.g. "Helt uenig".
    public let minLabel: LocalizedText?
    /// What the highest value means, e.g. "Helt enig".
    public let maxLabel: LocalizedText?
    /// Whether "don't know" may be answered (stored as the string `"dont_know"`).
    public let allowsDontKnow: Bool
    /// The label of the "don't know" button.
    public let dontKnowLabel: LocalizedText?

    /// The stored value of a "don't know" answer.
    public static let dontKnowValue = "dont_know"
}

/// Settings of a `number` question.
public struct NumberSettings: Hashable, Sendable {
    /// The lowest accepted number.
    public let min: Double?
    /// The highest accepted number.
    public let max: Double?
    /// Whether only whole numbers are accepted.
    public let isInteger: Bool
    /// A unit shown next to the field, e.g. "timer".
    public let unit: LocalizedText?
}

/// Where the items of a ranking or points question come from.
public enum ItemSource: String, Hashable, Sendable {
    /// The form's policy themes (value = theme key, label = theme name).
    case themes
    /// The question's own `options`.
    case options
}

/// Settings of a `ranking` question.
public struct RankingSettings: Hashable, Sendable {
    /// Where the items come from.
    public let itemSource: ItemSource
    /// The items to rank, resolved from the themes or the options.
    public let items: [ChoiceOption]
    /// The fewest items a citizen must rank; nil means all of them.
    public let minRanked: Int?
}

/// Settings of a `points` question.
public struct PointsSettings: Hashable, Sendable {
    /// Where the items come from.
    public let itemSource: ItemSource
    /// The items that receive points, resolved from the themes or the options.
    public let items: [ChoiceOption]
    /// The points a citizen has to distribute.
    public let total: Int
    /// Whether all points must be used.
    public let requireAll: Bool
}
