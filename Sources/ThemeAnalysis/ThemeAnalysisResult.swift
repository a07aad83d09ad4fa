/// The outcome of an analysis run; encodes to the `analyze` command's OUT.json.
public struct ThemeAnalysisResult: Sendable, Hashable, Codable {
    /// The themes: guided ones in the order given, then discovered or emerging ones by size,
    /// then `other` if any answer has it first.
    public var themes: [Theme]
    /// One assignment per answer, in input order.
    public var assignments: [ThemeAssignment]

    /// Creates a result.
    public init(themes: [Theme], assignments: [ThemeAssignment]) {
        self.themes = themes
        self.assignments = assignments
    }

    /// The key of answers that fit no theme.
    public static let otherKey = "other"
}

/// What a theme is: guided (given), discovered, emerging (found among answers that fit no guided
/// theme), the `other` bucket, or made by an analyst's decisions (`analyst`, `offTopic`).
public enum ThemeKind: String, Sendable, Hashable, Codable {
    /// Given in advance.
    case guided
    /// Found by discovery without guided themes.
    case discovered
    /// Found among answers that fit no guided theme.
    case emerging
    /// Answers that fit nowhere.
    case other
    /// Made by an analyst: answers split off from another theme.
    case analyst
    /// Answers an analyst marked as off-topic (the `off-topic` theme).
    case offTopic
}

/// One theme with its label, key terms and representative quotes.
public struct Theme: Sendable, Hashable, Codable {
    /// The key used in assignments (`theme-1`…, `emerging-1`…, a guided key, or `other`).
    public var key: String
    /// A readable label: the guided theme's name, or the top key terms.
    public var label: String
    /// Key terms as people wrote them, most characteristic first (class-based TF-IDF).
    public var terms: [String]
    /// Number of answers whose first theme this is.
    public var size: Int
    /// Ids of 3–5 representative answers: central and not near-duplicates of each other.
    public var quotes: [String]
    /// What kind of theme this is.
    public var kind: ThemeKind

    /// Creates a theme.
    public init(key: String, label: String, terms: [String], size: Int, quotes: [String], kind: ThemeKind) {
        self.key = key
        self.label = label
        self.terms = terms
        self.size = size
        self.quotes = quotes
        self.kind = kind
    }
}

/// The themes of one answer, best first, with scores and the terms that drove them.
public struct ThemeAssignment: Sendable, Hashable, Codable {
    /// The answer's id.
    public var id: String
    /// Theme keys, best first; the first is the answer's primary theme.
    public var themes: [String]
    /// One score per key in `themes`: cosine similarity (0…1) between the answer and the
    /// theme's profile; 0 for `other`.
    public var scores: [Double]
    /// Words of the answer (as written) that contributed most to its first real theme.
    public var terms: [String]

    /// Creates an assignment.
    public init(id: String, themes: [String], scores: [Double], terms: [String]) {
        self.id = id
        self.themes = themes
        self.scores = scores
        self.terms = terms
    }
}
