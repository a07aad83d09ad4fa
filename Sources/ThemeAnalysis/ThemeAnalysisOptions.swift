/// Settings of an analysis run, with defaults that suit 30–100,000 short answers.
public struct ThemeAnalysisOptions: Sendable {
    /// Exact number of discovered themes; nil chooses it automatically (see `docs/theme-analysis.md`).
    public var themeCount: Int?
    /// How each answer's language is chosen.
    public var language: LanguageSelection
    /// Known Danish words for compound splitting and language detection (empty = degraded mode).
    public var lexicon: Lexicon
    /// Seed of the deterministic pseudo-random generator (initialisation, sampling).
    public var seed: UInt64
    /// Largest number of themes the automatic choice considers.
    public var maximumThemeCount: Int
    /// Key terms per theme.
    public var keyTermCount: Int
    /// Most representative quotes per theme.
    public var quoteCount: Int
    /// Explanation terms per assignment.
    public var explanationTermCount: Int
    /// A secondary theme is listed when its score is at least this fraction of the best score.
    public var secondaryThemeRatio: Double
    /// Guided themes: an answer whose best score is below this goes to `other` (and emerging themes).
    public var guidedMinimumScore: Double
    /// Automatic discovery: an answer whose score is below this goes to `other`.
    public var discoveryMinimumScore: Double
    /// Fewest answers an emerging theme needs (smaller groups of unclaimed answers go to `other`).
    public var minimumEmergingAnswers: Int

    /// Creates options; every parameter has a default.
    public init(
        themeCount: Int? = nil,
        language: LanguageSelection = .automatic,
        lexicon: Lexicon = .empty,
        seed: UInt64 = 0,
        maximumThemeCount: Int = 12,
        keyTermCount: Int = 8,
        quoteCount: Int = 5,
        explanationTermCount: Int = 5,
        secondaryThemeRatio: Double = 0.8,
        guidedMinimumScore: Double = 0.05,
        discoveryMinimumScore: Double = 0.05,
        minimumEmergingAnswers: Int = 3
    ) {
        self.themeCount = themeCount
        self.language = language
        self.lexicon = lexicon
        self.seed = seed
        self.maximumThemeCount = maximumThemeCount
        self.keyTermCount = keyTermCount
        self.quoteCount = quoteCount
        self.explanationTermCount = explanationTermCount
        self.secondaryThemeRatio = secondaryThemeRatio
        self.guidedMinimumScore = guidedMinimumScore
        self.discoveryMinimumScore = discoveryMinimumScore
        self.minimumEmergingAnswers = minimumEmergingAnswers
    }
}
