import Hashing
import Synchronization
import ThemeAnalysis

/// Keeps the last answer search built, so an analyst's searches and corrections on one run do
/// not index its answers again each time (indexing stems every word of every answer).
final class AnswerSearchCache: Sendable {
    private let last = Mutex<(key: String, search: AnswerSearch)?>(nil)

    /// The search over these answers: the kept one when the answers are the same (answers never
    /// change text, so their ids tell), else a new one, which is kept instead.
    func search(for answers: FreeTextAnswers, lexicon: AnalysisLexicon) -> AnswerSearch {
        let key = SHA256.hexDigest(of: Array(answers.items.map(\.answerID).joined(separator: "\n").utf8))
        if let kept = last.withLock({ $0 }), kept.key == key { return kept.search }
        let search = AnswerSearch(answers: answers.analysisTexts, lexicon: lexicon.lexicon)
        last.withLock { $0 = (key, search) }
        return search
    }
}
