import Foundation

/// Finds a run's answers by word or phrase, the way the analysis reads them: stems ("busser"
/// finds "bussen") and compound parts ("bus" finds "skolebussen", "trafik" finds "Flextrafik").
///
/// A query is one or more alternatives separated by commas or semicolons; an answer matches an
/// alternative when it has every word of it. `"bus, flextrafik"` finds answers about either;
/// `"frivillige kræfter"` finds answers with both words. Stop words in a query are ignored.
public struct AnswerSearch: Sendable {
    /// The answers' ids, in input order.
    private let ids: [String]
    /// Each answer's stems (whole words and compound parts).
    private let stems: [Set<String>]
    /// The settings the answers were indexed with (the query is read with the same).
    private let lexicon: Lexicon

    /// Indexes the answers.
    public init(answers: [AnswerText], lexicon: Lexicon, language: LanguageSelection = .automatic) {
        var options = ThemeAnalysisOptions(language: language, lexicon: lexicon)
        options.language = language
        // Names are split here (unlike in the analysis): someone searching for "trafik" expects
        // Flextrafik, and sees what matched before deciding.
        let corpus = AnswerCorpus(texts: answers.map(\.text), options: options, splitsNames: true)
        ids = answers.map(\.id)
        stems = corpus.documents.map { Set($0.map { corpus.stem(of: $0) }) }
        self.lexicon = lexicon
    }

    /// Number of indexed answers.
    public var count: Int { ids.count }

    /// Whether the index holds an answer with this id.
    public func contains(_ id: String) -> Bool {
        ids.contains(id)
    }

    /// Ids of the answers matching the query, in input order; empty for a query without words.
    public func matches(_ query: String) -> [String] {
        let alternatives = Self.alternatives(of: query, lexicon: lexicon)
        guard !alternatives.isEmpty else { return [] }
        return ids.indices.filter { answer in
            alternatives.contains { words in
                words.allSatisfy { forms in forms.contains { stems[answer].contains($0) } }
            }
        }.map { ids[$0] }
    }

    /// Whether the query has at least one word to search for.
    public static func hasWords(_ query: String) -> Bool {
        !alternatives(of: query, lexicon: .empty).isEmpty
    }

    /// The query's alternatives; each is a list of words, each word the stems it may match (its
    /// Danish and English stems, as the answers were stemmed in their own language).
    private static func alternatives(of query: String, lexicon: Lexicon) -> [[Set<String>]] {
        let normalizer = TextNormalizer(lexicon: lexicon)
        return query.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap { part in
            let tokens = TextNormalizer.tokens(ofFolded: TextNormalizer.fold(String(part)))
            let words = tokens.compactMap { token -> Set<String>? in
                // A stop word of either language is no word to search for ("og" is not English).
                guard !AnalysisLanguage.allCases.contains(where: { $0.stopWords.contains(token) }) else { return nil }
                var forms = Set<String>()
                for language in AnalysisLanguage.allCases {
                    if let whole = normalizer.terms(ofToken: token, language: language).first { forms.insert(whole.stem) }
                }
                return forms.isEmpty ? nil : forms
            }
            return words.isEmpty ? nil : words
        }
    }
}
