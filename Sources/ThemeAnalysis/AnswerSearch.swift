import Foundation

/// Finds a run's answers by word or phrase, the way the analysis reads them: stems ("busser"
/// finds "bussen") and compound parts ("bus" finds "skolebussen", "trafik" finds "Flextrafik").
/// A searched word also finds compounds it begins, even when it is shorter than the analysis's
/// first parts ("bus" finds "busforbindelser": the rest, "forbindelser", is a word of its own),
/// since the analyst sees what a search found before deciding anything with it.
///
/// A query is one or more alternatives separated by commas or semicolons; an answer matches an
/// alternative when it has every word of it. `"bus, flextrafik"` finds answers about either;
/// `"frivillige kræfter"` finds answers with both words. Stop words in a query are ignored.
public struct AnswerSearch: Sendable {
    /// The answers' ids, in input order.
    private let ids: [String]
    /// Each answer's stems (whole words and compound parts).
    private let stems: [Set<String>]
    /// Each answer's words as written (folded), for compounds a searched word begins.
    private let words: [Set<String>]
    /// Every word of the answers, for telling whether the rest of a compound is a word.
    private let answerWords: Set<String>
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
        words = answers.map { Set(TextNormalizer.tokens(ofFolded: TextNormalizer.fold($0.text))) }
        answerWords = words.reduce(into: Set<String>()) { $0.formUnion($1) }
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
            alternatives.contains { queryWords in
                queryWords.allSatisfy { word in
                    word.stems.contains { stems[answer].contains($0) } || words[answer].contains { begins(word.token, $0) }
                }
            }
        }.map { ids[$0] }
    }

    /// Shortest searched word that finds the compounds it begins.
    static let shortestHead = 3

    /// Whether `word` is a compound that begins with `head`: the rest (after an optional linking
    /// `s` or `e`) is a word of at least 3 letters, of the lexicon or the answers, and no ending.
    private func begins(_ head: String, _ word: String) -> Bool {
        guard head.count >= Self.shortestHead, word.count > head.count + 2, word.hasPrefix(head) else { return false }
        let rest = String(word.dropFirst(head.count))
        var candidates = [rest]
        if let first = rest.first, first == "s" || first == "e" { candidates.append(String(rest.dropFirst())) }
        return candidates.contains { tail in
            tail.count >= 3 && !CompoundSplitter.suffixLikeTails.contains(tail) && (lexicon.contains(tail) || answerWords.contains(tail))
        }
    }

    /// Whether the query has at least one word to search for.
    public static func hasWords(_ query: String) -> Bool {
        !alternatives(of: query, lexicon: .empty).isEmpty
    }

    /// One searched word: the stems it may match (its Danish and English stems, as the answers were
    /// stemmed in their own language) and the word as written (folded).
    private struct QueryWord {
        let stems: Set<String>
        let token: String
    }

    /// The query's alternatives; each is a list of words.
    private static func alternatives(of query: String, lexicon: Lexicon) -> [[QueryWord]] {
        let normalizer = TextNormalizer(lexicon: lexicon)
        return query.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap { part in
            let tokens = TextNormalizer.tokens(ofFolded: TextNormalizer.fold(String(part)))
            let words = tokens.compactMap { token -> QueryWord? in
                // A stop word of either language is no word to search for ("og" is not English).
                guard !AnalysisLanguage.allCases.contains(where: { $0.stopWords.contains(token) }) else { return nil }
                var forms = Set<String>()
                for language in AnalysisLanguage.allCases {
                    if let whole = normalizer.terms(ofToken: token, language: language).first { forms.insert(whole.stem) }
                }
                return forms.isEmpty ? nil : QueryWord(stems: forms, token: token)
            }
            return words.isEmpty ? nil : words
        }
    }
}
