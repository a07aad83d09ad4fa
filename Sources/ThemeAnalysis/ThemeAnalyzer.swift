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
    /// number chosen automatically, with poorly fitting answers in `other`).
    public func discover(_ answers: [AnswerText]) -> ThemeAnalysisResult {
        let corpus = AnswerCorpus(texts: answers.map(\.text), options: options)
        let vectors = (0..<answers.count).map { corpus.weightedVector(of: $0) }
        var random = SplitMix64(seed: options.seed)
        let clusters = discoverClusters(
            corpus: corpus, vectors: vectors, answers: Array(answers.indices),
            fixedCount: options.themeCount, random: &random
        )
        return describeDiscovery(
            clusters: clusters, corpus: corpus, vectors: vectors, ids: answers.map(\.id),
            keyPrefix: "theme-", kind: .discovered, allowOther: options.themeCount == nil
        )
    }

    /// Assigns each answer to zero, one or more of the given themes, with scores and the terms
    /// that drove them; answers that fit none go to `other` and are clustered into emerging themes.
    public func assign(_ answers: [AnswerText], to themes: [GuidedTheme]) -> ThemeAnalysisResult {
        guard !themes.isEmpty else { return discover(answers) }
        return guidedAssignment(answers, themes: themes)
    }

    /// Rounds a score to four decimals so the output is readable and stable.
    static func rounded(_ value: Float) -> Double {
        (Double(max(0, min(1, value))) * 10_000).rounded() / 10_000
    }
}
