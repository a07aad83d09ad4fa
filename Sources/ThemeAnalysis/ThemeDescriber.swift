import Foundation

/// Key terms (class-based TF-IDF, shown as written) and representative quotes for themes.
struct ThemeDescriber {
    /// The indexed answers.
    let corpus: AnswerCorpus
    /// Unit TF-IDF vectors of the answers.
    let vectors: [SparseVector]
    /// The run's options.
    let options: ThemeAnalysisOptions

    /// Key terms of each group of answers (`groups[c]` are answer indices), most characteristic
    /// first: tf(term, group) / tokens(group) × ln(1 + average tokens per group / tf(term, all)),
    /// with each answer counting a term once so one long answer cannot dominate.
    func keyTerms(of groups: [[Int]], allAnswers: [Int]) -> [[String]] {
        var total = [Int: Int]()
        for answer in allAnswers { for term in Set(corpus.documents[answer]) { total[Int(term), default: 0] += 1 } }
        let totalTokens = total.values.reduce(0, +)
        let average = Double(totalTokens) / Double(max(groups.count, 1))
        return groups.map { members in
            var counts = [Int: Int]()
            for answer in members { for term in Set(corpus.documents[answer]) { counts[Int(term), default: 0] += 1 } }
            let tokens = Double(max(counts.values.reduce(0, +), 1))
            let minimumCount = members.count >= 5 ? 2 : 1
            let ranked = counts.filter { $0.value >= minimumCount }.map { term, count -> (term: Int, weight: Double) in
                (term, Double(count) / tokens * log1p(average / Double(max(total[term] ?? count, 1))))
            }.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            var chosen: [String] = []
            for candidate in ranked where chosen.count < options.keyTermCount {
                let surface = corpus.surface(of: Int32(candidate.term))
                if chosen.contains(where: { $0.contains(surface) || surface.contains($0) }) { continue }
                chosen.append(surface)
            }
            return chosen
        }
    }

    /// Ids of up to `quoteCount` answers: the most central first, skipping near-duplicates of those
    /// already chosen (TF-IDF cosine ≥ 0.6) unless too few would remain.
    func quotes(of members: [Int], profile: ThemeProfile, ids: [String]) -> [String] {
        let ranked = members.map { (answer: $0, score: profile.score(vectors[$0])) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.answer < $1.answer }
            .map(\.answer)
        var chosen: [Int] = []
        var skipped: [Int] = []
        for answer in ranked where chosen.count < options.quoteCount {
            if vectors[answer].isEmpty || chosen.contains(where: { vectors[$0].dot(vectors[answer]) >= 0.6 }) {
                skipped.append(answer)
            } else {
                chosen.append(answer)
            }
        }
        let minimum = min(3, members.count)
        for answer in skipped where chosen.count < minimum { chosen.append(answer) }
        return chosen.map { ids[$0] }
    }

    /// Explanation terms: the answer's words that contributed most to its score for the profile.
    func explanationTerms(of answer: Int, profile: ThemeProfile) -> [String] {
        var result: [String] = []
        for term in profile.drivingTerms(of: vectors[answer]) where result.count < options.explanationTermCount {
            let surface = corpus.surface(of: term)
            if !result.contains(surface) { result.append(surface) }
        }
        return result
    }
}
