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

    private var termIds: [String: Int32] = [:]
    private var surfaceCounts: [[String: Int]] = []
    private let normalizer: TextNormalizer

    /// Indexes the texts; the first `countedDocuments` (default: all) form the statistics.
    init(texts: [String], options: ThemeAnalysisOptions, countedDocuments: Int? = nil, normalizer: TextNormalizer? = nil) {
        let tokenized = ParallelRuns.map(texts) { TextNormalizer.tokens(ofFolded: TextNormalizer.fold($0)) }
        if let normalizer {
            self.normalizer = normalizer
        } else {
            var corpusWords = Set<String>()
            if options.lexicon.isEmpty {
                for tokens in tokenized { corpusWords.formUnion(tokens) }
            }
            self.normalizer = TextNormalizer(lexicon: options.lexicon, extraKnownWords: corpusWords)
        }
        languages = Self.chooseLanguages(tokenized, selection: options.language, lexicon: options.lexicon)
        self.countedDocuments = countedDocuments ?? texts.count
        for (index, tokens) in tokenized.enumerated() {
            var ids: [Int32] = []
            var weights: [Double] = []
            for token in tokens {
                let terms = self.normalizer.terms(ofToken: token, language: languages[index])
                for term in terms {
                    ids.append(id(of: term))
                    weights.append(1 / Double(terms.count))
                }
            }
            documents.append(ids)
            occurrenceWeights.append(weights)
        }
        documentFrequency = Array(repeating: 0, count: stems.count)
        for ids in documents.prefix(self.countedDocuments) {
            for term in Set(ids) { documentFrequency[Int(term)] += 1 }
        }
    }

    /// The normaliser, shared with derived corpora so caches and stemmers are reused.
    var sharedNormalizer: TextNormalizer { normalizer }

    /// Number of distinct terms.
    var termCount: Int { stems.count }

    /// The word form shown for a term: its most frequent surface form (ties: shorter, then
    /// alphabetical), so labels read as people wrote them.
    func surface(of term: Int32) -> String {
        let counts = surfaceCounts[Int(term)]
        var best = stems[Int(term)]
        var bestCount = -1
        for (form, count) in counts {
            if count > bestCount
                || (count == bestCount && (form.count < best.count || (form.count == best.count && form < best))) {
                best = form
                bestCount = count
            }
        }
        return best
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

    private mutating func id(of term: IndexTerm) -> Int32 {
        if let existing = termIds[term.stem] {
            surfaceCounts[Int(existing)][term.surface, default: 0] += 1
            return existing
        }
        let new = Int32(stems.count)
        termIds[term.stem] = new
        stems.append(term.stem)
        surfaceCounts.append([term.surface: 1])
        return new
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
