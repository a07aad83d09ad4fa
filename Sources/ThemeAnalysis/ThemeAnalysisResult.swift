/// The outcome of an analysis run; encodes to the `analyze` command's OUT.json.
public struct ThemeAnalysisResult: Sendable, Hashable, Codable {
    /// The themes: guided ones in the order given, then discovered or emerging ones by size,
    /// then `other` if any answer has it first.
    public var themes: [Theme]
    /// One assignment per answer, in input order.
    public var assignments: [ThemeAssignment]
    /// The views of the answers the analysis used: `lexical` always, and the semantic view's name
    /// when answer vectors were given (see `SemanticVectors`).
    public var views: [String]

    /// Creates a result.
    public init(themes: [Theme], assignments: [ThemeAssignment], views: [String] = [ThemeAnalysisResult.lexicalView]) {
        self.themes = themes
        self.assignments = assignments
        self.views = views
    }

    /// The key of answers that fit no theme.
    public static let otherKey = "other"
    /// The name of the word-based view, used in every run.
    public static let lexicalView = "lexical"

    private enum CodingKeys: String, CodingKey {
        case themes, assignments, views
    }

    /// Decodes a result; results stored before `views` existed used the lexical view only.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        themes = try container.decode([Theme].self, forKey: .themes)
        assignments = try container.decode([ThemeAssignment].self, forKey: .assignments)
        views = try container.decodeIfPresent([String].self, forKey: .views) ?? [Self.lexicalView]
    }
}

/// What a theme is: guided (given), discovered, emerging (found among answers that fit no guided
/// theme), the `other` bucket, or made by an analyst's decisions (`analyst`, `offTopic`).
public enum ThemeKind: String, Sendable, Hashable, Codable {
    /// Given in advance.
    case guided
    /// Found by discovery without guided themes.
    case discovered
    /// Found beside the guided themes: a subject the guided themes do not name.
    case emerging
    /// Answers that fit nowhere.
    case other
    /// Made by an analyst: answers split off from another theme, or gathered by a search.
    case analyst
    /// Answers an analyst marked as off-topic (the `off-topic` theme).
    case offTopic
}

/// One theme with its label, key terms and representative quotes.
public struct Theme: Sendable, Hashable, Codable {
    /// The key used in assignments (`theme-1`…, `emerging-1`…, a guided key, or `other`).
    public var key: String
    /// A readable label: the guided theme's name, or 2–4 words naming the subject.
    public var label: String
    /// Key terms as people wrote them (whole words, or two-word phrases), most characteristic first.
    public var terms: [String]
    /// Number of answers whose first theme this is.
    public var size: Int
    /// Ids of 3–5 representative answers: central and not near-duplicates of each other.
    public var quotes: [String]
    /// What kind of theme this is.
    public var kind: ThemeKind
    /// The theme split by the answers' purpose (what works, what should change, ideas): one group
    /// per purpose among the answers that carry the theme (first or further); empty when no
    /// answer has a purpose.
    public var purposes: [PurposeGroup]

    /// Creates a theme.
    public init(key: String, label: String, terms: [String], size: Int, quotes: [String], kind: ThemeKind, purposes: [PurposeGroup] = []) {
        self.key = key
        self.label = label
        self.terms = terms
        self.size = size
        self.quotes = quotes
        self.kind = kind
        self.purposes = purposes
    }

    private enum CodingKeys: String, CodingKey {
        case key, label, terms, size, quotes, kind, purposes
    }

    /// Decodes a theme; `purposes` may be missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        label = try container.decode(String.self, forKey: .label)
        terms = try container.decode([String].self, forKey: .terms)
        size = try container.decode(Int.self, forKey: .size)
        quotes = try container.decode([String].self, forKey: .quotes)
        kind = try container.decode(ThemeKind.self, forKey: .kind)
        purposes = try container.decodeIfPresent([PurposeGroup].self, forKey: .purposes) ?? []
    }

    /// Encodes the theme; `purposes` only when there are any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(label, forKey: .label)
        try container.encode(terms, forKey: .terms)
        try container.encode(size, forKey: .size)
        try container.encode(quotes, forKey: .quotes)
        try container.encode(kind, forKey: .kind)
        if !purposes.isEmpty { try container.encode(purposes, forKey: .purposes) }
    }
}

/// The themes of one answer, best first, with scores and the terms that drove them.
public struct ThemeAssignment: Sendable, Hashable, Codable {
    /// The answer's id.
    public var id: String
    /// Theme keys, best first; the first is the theme the answer counts under. An answer can carry
    /// a guided theme and an emerging theme (`["aeldreliv", "emerging-2"]`, or the other way round
    /// when the emerging subject is what it is mostly about).
    public var themes: [String]
    /// One score per key in `themes` (0…1, see docs/theme-analysis.md); 0 for `other`.
    public var scores: [Double]
    /// Words of the answer (as written) that contributed most to its first real theme.
    public var terms: [String]
    /// The answer's purpose, when the input gave one (kept so decisions can re-split themes).
    public var purpose: AnswerPurpose?

    /// Creates an assignment.
    public init(id: String, themes: [String], scores: [Double], terms: [String], purpose: AnswerPurpose? = nil) {
        self.id = id
        self.themes = themes
        self.scores = scores
        self.terms = terms
        self.purpose = purpose
    }
}
