/// A question in the client view; only the settings of its type are present.
public struct ClientQuestion: Encodable, Hashable, Sendable {
    /// The question id; answers are keyed by it.
    public let id: String
    /// The type as in the form file, e.g. "single_choice".
    public let type: String
    /// Whether a visible question must be answered.
    public let required: Bool
    /// The question text (heading for a section, paragraph for info).
    public let label: String
    /// Extra guidance.
    public let help: String?
    /// Whether it is a background question.
    public let background: Bool
    /// The keys of the themes it asks about.
    public let themes: [String]
    /// When it is shown.
    public let showIf: ClientCondition?
    /// Options of choice questions; items of ranking and points questions.
    public var options: [ClientOption]?
    /// Choice: whether an "other" text is allowed.
    public var allowOther: Bool?
    /// Choice: the label of the "other" field.
    public var otherLabel: String?
    /// Multiple choice: fewest picks.
    public var minSelected: Int?
    /// Multiple choice: most picks.
    public var maxSelected: Int?
    /// Text: a multi-line field.
    public var multiline: Bool?
    /// Text: most characters.
    public var maxLength: Int?
    /// Text: hint in the empty field.
    public var placeholder: String?
    /// Scale and number: lowest value.
    public var min: JSONValue?
    /// Scale and number: highest value.
    public var max: JSONValue?
    /// Scale: meaning of the lowest value.
    public var minLabel: String?
    /// Scale: meaning of the highest value.
    public var maxLabel: String?
    /// Scale: whether "don't know" is offered.
    public var allowDontKnow: Bool?
    /// Scale: the label of "don't know".
    public var dontKnowLabel: String?
    /// Number: whole numbers only.
    public var integer: Bool?
    /// Number: unit shown next to the field.
    public var unit: String?
    /// Points: the points to distribute.
    public var total: Int?
    /// Points: whether all points must be used.
    public var requireAll: Bool?
    /// Ranking: fewest items to rank (absent: all).
    public var minRanked: Int?

    init(
        id: String, type: String, required: Bool, label: String, help: String?, background: Bool,
        themes: [String], showIf: ClientCondition?
    ) {
        self.id = id
        self.type = type
        self.required = required
        self.label = label
        self.help = help
        self.background = background
        self.themes = themes
        self.showIf = showIf
    }
}
