/// Counts, distributions and means of one question's answers, for the analyst's summaries.
///
/// Encodes to one entry of the analyst API's `summaries`: `{"question", "label", "type",
/// "answered", "options"?, "other"?, "mean"?, "median"?, "min"?, "max"?, "distribution"?,
/// "dontKnow"?, "items"?}`; fields that do not apply to the type are left out. Shares and means
/// are rounded to four decimals.
public struct QuestionSummary: Sendable, Hashable, Encodable {
    /// The question's id.
    public var question: String
    /// The question's label in the summary's language.
    public var label: String
    /// The question's type.
    public var type: QuestionType
    /// How many answer sets answer the question (with a value this summary can count).
    public var answered: Int
    /// Choice and yes/no questions: count and share per option, in form order.
    public var options: [OptionCount]?
    /// Choice questions that allow it: how many wrote their own "other" answer.
    public var other: Int?
    /// Scale (without "don't know") and number questions: the mean; nil without values.
    public var mean: Double?
    /// Number questions: the median.
    public var median: Double?
    /// Number questions: the smallest answer.
    public var minimum: Double?
    /// Number questions: the largest answer.
    public var maximum: Double?
    /// Scale questions: how many answered each value, every value from min to max.
    public var distribution: [ValueCount]?
    /// Scale questions that allow it: how many answered "don't know".
    public var dontKnow: Int?
    /// Ranking and points questions: one entry per item, in form order.
    public var items: [ItemSummary]?

    /// Creates a summary with only the fields every type has; the others start out nil.
    public init(question: String, label: String, type: QuestionType, answered: Int) {
        self.question = question
        self.label = label
        self.type = type
        self.answered = answered
    }

    /// How often one option was picked.
    public struct OptionCount: Sendable, Hashable, Encodable {
        /// The option's stored value (`yes`/`no` for yes/no questions).
        public var value: String
        /// The option's label in the summary's language.
        public var label: String
        /// How many answers picked it.
        public var count: Int
        /// `count / answered` (0 when nobody answered); several picks make shares add up to more than 1.
        public var share: Double

        /// Creates an option count.
        public init(value: String, label: String, count: Int, share: Double) {
            self.value = value
            self.label = label
            self.count = count
            self.share = share
        }
    }

    /// How many answered one value of a scale.
    public struct ValueCount: Sendable, Hashable, Encodable {
        /// The scale value.
        public var value: Int
        /// How many answered it.
        public var count: Int

        /// Creates a value count.
        public init(value: Int, count: Int) {
            self.value = value
            self.count = count
        }
    }

    /// One item of a ranking or points question.
    public struct ItemSummary: Sendable, Hashable, Encodable {
        /// The item's stored value.
        public var value: String
        /// The item's label in the summary's language.
        public var label: String
        /// Ranking: how many ranked the item; points: how many gave it points.
        public var count: Int
        /// Ranking: the mean position among those who ranked it (1 = first); nil when nobody did.
        public var meanRank: Double?
        /// Points: all points given to the item.
        public var totalPoints: Double?
        /// Points: `totalPoints / answered` (answers that gave the item nothing count as 0).
        public var meanPoints: Double?

        /// Creates an item summary.
        public init(value: String, label: String, count: Int, meanRank: Double? = nil,
                    totalPoints: Double? = nil, meanPoints: Double? = nil) {
            self.value = value
            self.label = label
            self.count = count
            self.meanRank = meanRank
            self.totalPoints = totalPoints
            self.meanPoints = meanPoints
        }
    }

    private enum CodingKeys: String, CodingKey {
        case question, label, type, answered, options, other, mean, median
        case minimum = "min", maximum = "max"
        case distribution, dontKnow, items
    }

    /// Encodes the fields that apply; `type` as written in form files (`single_choice`, …).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(label, forKey: .label)
        try container.encode(type.rawValue, forKey: .type)
        try container.encode(answered, forKey: .answered)
        try container.encodeIfPresent(options, forKey: .options)
        try container.encodeIfPresent(other, forKey: .other)
        try container.encodeIfPresent(mean, forKey: .mean)
        try container.encodeIfPresent(median, forKey: .median)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(distribution, forKey: .distribution)
        try container.encodeIfPresent(dontKnow, forKey: .dontKnow)
        try container.encodeIfPresent(items, forKey: .items)
    }
}
