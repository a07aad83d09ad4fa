/// Finds themes in short free-text answers, deterministically: the same answers and options give
/// the same result, byte for byte once encoded.
///
/// Values in, values out: no I/O. Each call builds its own stemmers, so a `ThemeAnalyzer` may be
/// shared between tasks.
public struct ThemeAnalyzer: Sendable {
    /// The settings of every run.
    public let options: ThemeAnalysisOptions

    /// Creates an analyzer.
    public init(options: ThemeAnalysisOptions = ThemeAnalysisOptions()) {
        self.options = options
    }

    /// Groups the answers into themes without being told any (`options.themeCount` of them, or a
    /// number chosen automatically, with poorly fitting answers in `other`). `vectors` adds a
    /// semantic view (one row per answer); without it the analysis reads the words alone.
    public func discover(_ answers: [AnswerText], vectors semantic: SemanticVectors? = nil) -> ThemeAnalysisResult {
        let semantic = Self.checked(semantic, answerCount: answers.count, themeCount: nil)
        let corpus = AnswerCorpus(texts: answers.map(\.text), options: options)
        let vectors = (0..<answers.count).map { corpus.weightedVector(of: $0) }
        var random = SplitMix64(seed: options.seed)
        let clusters = discoverClusters(
            corpus: corpus, vectors: vectors, answers: Array(answers.indices),
            fixedCount: options.themeCount, semantic: semantic, random: &random
        )
        var result = describeDiscovery(
            clusters: clusters, corpus: corpus, vectors: vectors, ids: answers.map(\.id), purposes: answers.map(\.purpose),
            keyPrefix: "theme-", kind: .discovered, allowOther: options.themeCount == nil
        )
        result.views = Self.views(semantic)
        return result
    }

    /// Assigns each answer to the given themes on evidence, and finds the subjects they do not name
    /// as emerging themes beside them: an answer can carry a guided theme, an emerging theme or
    /// both, best first; answers that fit neither go to `other`. `vectors` adds a semantic view
    /// (one row per answer and one per theme, in the themes' order).
    public func assign(_ answers: [AnswerText], to themes: [GuidedTheme], vectors semantic: SemanticVectors? = nil) -> ThemeAnalysisResult {
        guard !themes.isEmpty else { return discover(answers, vectors: semantic) }
        return guidedAssignment(answers, themes: themes, semantic: Self.checked(semantic, answerCount: answers.count, themeCount: themes.count))
    }

    /// The semantic vectors when they fit the input (a row per answer, and per theme when guided);
    /// nil otherwise, so a mismatch falls back to the word view instead of misreading rows.
    static func checked(_ semantic: SemanticVectors?, answerCount: Int, themeCount: Int?) -> SemanticVectors? {
        guard let semantic, semantic.answerCount == answerCount, answerCount > 0 else { return nil }
        if let themeCount, semantic.themeCount != themeCount { return nil }
        return semantic
    }

    /// Rounds a score to four decimals so the output is readable and stable.
    static func rounded(_ value: Float) -> Double {
        (Double(max(0, min(1, value))) * 10_000).rounded() / 10_000
    }
}
