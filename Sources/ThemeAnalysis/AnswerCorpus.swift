import Foundation

/// Answers turned into term ids: the vocabulary, each answer's terms, document frequencies and the
/// word form to show for each term.
struct AnswerCorpus {
    /// Stem of each term id.
    private(set) var stems: [String] = []
    /// Term ids of each document, in text order, with repeats.
    private(set) var documents: [[Int32]] = []
    /// Weight of each entry of `documents`: 1 / the number of terms its word produced, so that a
    /// compound and its parts together count as one word.
    private(set) var occurrenceWeights: [[Double]] = []
    /// Language used for each document.
    private(set) var languages: [AnalysisLanguage] = []
    /// Number of the first `countedDocuments` documents containing each term.
    private(set) var documentFrequency: [Int] = []
    /// How many documents count for document frequencies (extra documents, such as theme names,
    /// are indexed but do not change the statistics of the answers).
    private(set) var countedDocuments = 0

    /// Whether each term is a filler or meeting word (`FillerWords`): never shown, and evidence
    /// for a guided theme only when the theme's name uses it.
    private(set) var isFiller: [Bool] = []
    /// Whether each entry of `documents` is a whole word as written (false: a compound's part).
    private(set) var wholeWords: [[Bool]] = []
    /// The position of each entry's word among the document's tokens (stop words included), so
    /// phrases are words that stand side by side in the text.
    private(set) var tokenPositions: [[Int32]] = []

    private var termIds: [String: Int32] = [:]
    /// Per term, how often each written form stood as a whole word (parts are not counted: a part
    /// is never shown, so Frederikshavn does not show as "havn").
    private var surfaceCounts: [[String: Int]] = []
    private let normalizer: TextNormalizer

    /// Indexes the texts; the first `countedDocuments` (default: all) form the statistics.
    /// `splitsNames` splits names into compound parts too (the search wants that; the analysis not).
    init(texts: [String], options: ThemeAnalysisOptions, countedDocuments: Int? = nil, normalizer: TextNormalizer? = nil, splitsNames: Bool = false) {
        let scanned = ParallelRuns.map(texts) { text in
            (tokens: TextNormalizer.tokens(ofFolded: TextNormalizer.fold(text)), names: TextNormalizer.nameCandidates(in: text))
        }
        let tokenized = scanned.map(\.tokens)
        if let normalizer {
            self.normalizer = normalizer
        } else {
            var corpusWords = Set<String>()
            if options.lexicon.isEmpty {
                for tokens in tokenized { corpusWords.formUnion(tokens) }
            }
            self.normalizer = TextNormalizer(
                lexicon: options.lexicon, extraKnownWords: corpusWords,
                names: splitsNames ? [] : Self.names(candidates: scanned.map(\.names), tokenized: tokenized)
            )
        }
        languages = Self.chooseLanguages(tokenized, selection: options.language, lexicon: options.lexicon)
        self.countedDocuments = countedDocuments ?? texts.count
        for (index, tokens) in tokenized.enumerated() {
            // Only the answers' own writing is shown: a theme's name or description is not.
            let showsForms = index < self.countedDocuments
            var ids: [Int32] = []
            var weights: [Double] = []
            var whole: [Bool] = []
            var positions: [Int32] = []
            for (tokenIndex, token) in tokens.enumerated() {
                let terms = self.normalizer.terms(ofToken: token, language: languages[index])
                for (position, term) in terms.enumerated() {
                    ids.append(id(of: term, isWholeWord: showsForms && position == 0))
                    weights.append(1 / Double(terms.count))
                    whole.append(position == 0)
                    positions.append(Int32(tokenIndex))
                }
            }
            documents.append(ids)
            occurrenceWeights.append(weights)
            wholeWords.append(whole)
            tokenPositions.append(positions)
        }
        documentFrequency = Array(repeating: 0, count: stems.count)
        for ids in documents.prefix(self.countedDocuments) {
            for term in Set(ids) { documentFrequency[Int(term)] += 1 }
        }
        let fillerStems = self.normalizer.fillerStems(.danish).union(self.normalizer.fillerStems(.english))
        isFiller = stems.map(fillerStems.contains)
    }

    /// Words that are names: written with a capital inside a sentence at least a third as often
    /// as they occur at all (so "Ældre Sagen" does not make "ældre" a name).
    private static func names(candidates: [[String]], tokenized: [[String]]) -> Set<String> {
        var capitalized: [String: Int] = [:]
        for words in candidates { for word in words { capitalized[word, default: 0] += 1 } }
        guard !capitalized.isEmpty else { return [] }
        var total: [String: Int] = [:]
        for tokens in tokenized {
            for token in tokens where capitalized[token] != nil { total[token, default: 0] += 1 }
        }
        return Set(capitalized.filter { word, count in 3 * count >= total[word, default: count] }.keys)
    }

    /// The normaliser, shared with derived corpora so caches and stemmers are reused.
    var sharedNormalizer: TextNormalizer { normalizer }

    /// The stems of a document's terms.
    func stemsOfDocument(_ index: Int) -> [String] {
        documents[index].map { stems[Int($0)] }
    }

    /// The id of the term with this stem, if the input has it.
    func termID(ofStem stem: String) -> Int32? {
        termIds[stem]
    }

    /// The stem of a term.
    func stem(of term: Int32) -> String {
        stems[Int(term)]
    }

    /// Number of distinct terms.
    var termCount: Int { stems.count }

    /// The word form shown for a term: its most frequent form as a whole word (ties: shorter, then
    /// alphabetical), so labels read as people wrote them; nil for a term only ever seen as a part
    /// of a compound, which is never shown.
    func surface(of term: Int32) -> String? {
        var best: String?
        var bestCount = 0
        for (form, count) in surfaceCounts[Int(term)] {
            if let current = best, count < bestCount || (count == bestCount && (form.count > current.count || (form.count == current.count && form >= current))) {
                continue
            }
            best = form
            bestCount = count
        }
        return best
    }

    /// Whether the term's shown form is a name (a place, service or organisation).
    func isName(_ term: Int32) -> Bool {
        surface(of: term).map(normalizer.isName) ?? false
    }

    /// Whether a shown form (a word, or the words of a phrase) is or holds a name.
    func isNameForm(_ form: String) -> Bool {
        form.split(separator: " ").contains { normalizer.isName(String($0)) }
    }

    /// Smoothed inverse document frequency (as scikit-learn): ln((1 + n) / (1 + df)) + 1.
    func inverseDocumentFrequency(of term: Int) -> Float {
        Float(log(Double(1 + countedDocuments) / Double(1 + documentFrequency[term])) + 1)
    }

    /// TF-IDF vector (sublinear term frequency, L2-normalised) of document `index`, keeping only
    /// terms whose document frequency is at least `minimumDocumentFrequency`.
    func weightedVector(of index: Int, minimumDocumentFrequency: Int = 1) -> SparseVector {
        vector(ofTerms: documents[index], minimumDocumentFrequency: minimumDocumentFrequency)
    }

    /// TF-IDF vector of any list of term ids.
    func vector(ofTerms terms: [Int32], minimumDocumentFrequency: Int = 1, termWeights: [Int32: Float] = [:]) -> SparseVector {
        var counts: [Int32: Int] = [:]
        for term in terms where documentFrequency[Int(term)] >= minimumDocumentFrequency {
            counts[term, default: 0] += 1
        }
        let indices = counts.keys.sorted()
        var values = indices.map { term -> Float in
            let frequency = Float(1 + log(Double(counts[term] ?? 1)))
            return frequency * inverseDocumentFrequency(of: Int(term)) * (termWeights[term] ?? 1)
        }
        DenseVector.normalize(&values)
        return SparseVector(indices: indices, values: values)
    }

    private mutating func id(of term: IndexTerm, isWholeWord: Bool) -> Int32 {
        if let existing = termIds[term.stem] {
            if isWholeWord { surfaceCounts[Int(existing)][term.surface, default: 0] += 1 }
            return existing
        }
        let new = Int32(stems.count)
        termIds[term.stem] = new
        stems.append(term.stem)
        surfaceCounts.append(isWholeWord ? [term.surface: 1] : [:])
        return new
    }

    /// The language most of these documents are in (Danish on a tie).
    func majorityLanguage(of documents: [Int]) -> AnalysisLanguage {
        let english = documents.filter { languages[$0] == .english }.count
        return 2 * english > documents.count ? .english : .danish
    }

    /// Per-document languages: fixed by the selection, or detected with undecided answers taking
    /// the majority language (Danish on a tie).
    private static func chooseLanguages(_ tokenized: [[String]], selection: LanguageSelection, lexicon: Lexicon) -> [AnalysisLanguage] {
        switch selection {
        case .danish: return Array(repeating: .danish, count: tokenized.count)
        case .english: return Array(repeating: .english, count: tokenized.count)
        case .automatic:
            let detected = ParallelRuns.map(tokenized) { TextNormalizer.detectLanguage(ofTokens: $0, lexicon: lexicon) }
            let english = detected.filter { $0 == .english }.count
            let danish = detected.filter { $0 == .danish }.count
            let majority: AnalysisLanguage = english > danish ? .english : .danish
            return detected.map { $0 ?? majority }
        }
    }
}
