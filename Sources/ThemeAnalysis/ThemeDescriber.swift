import Foundation

/// Key terms (class-based TF-IDF over whole words, shown as written, two-word phrases where the
/// answers use them), labels, representative quotes and the split by purpose.
struct ThemeDescriber {
    /// The indexed answers.
    let corpus: AnswerCorpus
    /// Unit TF-IDF vectors of the answers.
    let vectors: [SparseVector]
    /// The run's options.
    let options: ThemeAnalysisOptions

    /// Quotes per purpose group.
    static let purposeQuoteCount = 3
    /// Most words in a label made of key terms.
    static let labelWordLimit = 4
    /// A phrase replaces its words when at least this share of the theme's answers with the rarer
    /// word use the two side by side.
    static let phraseShare = 0.5

    /// Key terms of each group of answers (`groups[c]` are answer indices), most characteristic
    /// first: tf(term, group) / tokens(group) × ln(1 + average tokens per group / tf(term, all)),
    /// with each answer counting a term once so one long answer cannot dominate. Only whole words
    /// count (a compound's parts help answers meet but are never shown: ladestandere is not
    /// "lade"), filler and meeting words never (`FillerWords`). Two words that the group's answers
    /// mostly write side by side become one phrase ("frivillige kræfter").
    func keyTerms(of groups: [[Int]], allAnswers: [Int]) -> [[String]] {
        var total = [Int: Int]()
        for answer in allAnswers { for term in wholeTerms(of: answer) { total[Int(term), default: 0] += 1 } }
        let totalTokens = total.values.reduce(0, +)
        let average = Double(totalTokens) / Double(max(groups.count, 1))
        return groups.map { members in
            var counts = [Int: Int]()
            for answer in members { for term in wholeTerms(of: answer) { counts[Int(term), default: 0] += 1 } }
            let tokens = Double(max(counts.values.reduce(0, +), 1))
            let minimumCount = members.count >= 5 ? 2 : 1
            let ranked = counts.filter { $0.value >= minimumCount && !corpus.isFiller[$0.key] }.map { term, count -> (term: Int, weight: Double) in
                (term, Double(count) / tokens * log1p(average / Double(max(total[term] ?? count, 1))))
            }.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            let phrases = phrasesByTerm(of: members, counts: counts, candidates: Set(ranked.prefix(3 * options.keyTermCount).map(\.term)))
            var chosen: [String] = []
            var used = Set<Int>()
            for candidate in ranked where chosen.count < options.keyTermCount && !used.contains(candidate.term) {
                let display: String
                if let phrase = phrases[candidate.term], !used.contains(phrase.partner) {
                    display = phrase.text
                    used.insert(phrase.partner)
                } else if let surface = corpus.surface(of: Int32(candidate.term)) {
                    display = surface
                } else {
                    continue
                }
                used.insert(candidate.term)
                if chosen.contains(where: { $0.contains(display) || display.contains($0) }) { continue }
                chosen.append(display)
            }
            return chosen
        }
    }

    /// For terms among `candidates`, the phrase they form with a neighbouring word when the group's
    /// answers mostly write the two side by side (in at least two answers).
    private func phrasesByTerm(of members: [Int], counts: [Int: Int], candidates: Set<Int>) -> [Int: (text: String, partner: Int)] {
        struct Pair: Hashable { let first: Int32; let second: Int32 }
        var answersWithPair: [Pair: Int] = [:]
        var writtenForms: [Pair: [String: Int]] = [:]
        for answer in members {
            let document = corpus.documents[answer]
            let whole = corpus.wholeWords[answer]
            let positions = corpus.tokenPositions[answer]
            var previous: (term: Int32, position: Int32)?
            var seen = Set<Pair>()
            for index in document.indices where whole[index] {
                let term = document[index]
                defer { previous = (term, positions[index]) }
                guard let before = previous, before.position + 1 == positions[index], before.term != term,
                      candidates.contains(Int(before.term)) || candidates.contains(Int(term)),
                      !corpus.isFiller[Int(before.term)], !corpus.isFiller[Int(term)],
                      let firstForm = corpus.surface(of: before.term), let secondForm = corpus.surface(of: term)
                else { continue }
                let pair = Pair(first: before.term, second: term)
                if seen.insert(pair).inserted { answersWithPair[pair, default: 0] += 1 }
                writtenForms[pair, default: [:]]["\(firstForm) \(secondForm)", default: 0] += 1
            }
        }
        var result: [Int: (text: String, partner: Int)] = [:]
        let ordered = answersWithPair.sorted { $0.value != $1.value ? $0.value > $1.value : ($0.key.first, $0.key.second) < ($1.key.first, $1.key.second) }
        for (pair, together) in ordered where together >= 2 {
            let rarer = min(counts[Int(pair.first)] ?? 0, counts[Int(pair.second)] ?? 0)
            guard Double(together) >= Self.phraseShare * Double(rarer), result[Int(pair.first)] == nil, result[Int(pair.second)] == nil,
                  let text = writtenForms[pair]?.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
            else { continue }
            result[Int(pair.first)] = (text, Int(pair.second))
            result[Int(pair.second)] = (text, Int(pair.first))
        }
        return result
    }

    /// A label of 2–4 words from the key terms: the first terms that are not names (a place names
    /// no subject), joined, within `labelWordLimit` words.
    func label(from terms: [String]) -> String {
        var parts: [String] = []
        var words = 0
        for term in terms where !corpus.isNameForm(term) {
            let count = term.split(separator: " ").count
            if words + count > Self.labelWordLimit { continue }
            parts.append(term)
            words += count
            if words >= 3 || parts.count == 3 { break }
        }
        if parts.isEmpty { parts = Array(terms.prefix(2)) }
        return parts.joined(separator: ", ")
    }

    /// Ids of up to `limit` (default `quoteCount`) answers: the most central first, skipping
    /// near-duplicates of those already chosen (TF-IDF cosine ≥ 0.6) unless too few would remain.
    func quotes(of members: [Int], profile: ThemeProfile, ids: [String], limit: Int? = nil) -> [String] {
        let limit = limit ?? options.quoteCount
        let ranked = members.map { (answer: $0, score: profile.score(vectors[$0])) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.answer < $1.answer }
            .map(\.answer)
        var chosen: [Int] = []
        var skipped: [Int] = []
        for answer in ranked where chosen.count < limit {
            if vectors[answer].isEmpty || chosen.contains(where: { vectors[$0].dot(vectors[answer]) >= 0.6 }) {
                skipped.append(answer)
            } else {
                chosen.append(answer)
            }
        }
        let minimum = min(3, members.count, limit)
        for answer in skipped where chosen.count < minimum { chosen.append(answer) }
        return chosen.map { ids[$0] }
    }

    /// The theme's answers (all that carry it) split by purpose, with the most central quotes of each.
    func purposeGroups(of members: [Int], profile: ThemeProfile, purposes: [AnswerPurpose?], ids: [String]) -> [PurposeGroup] {
        AnswerPurpose.allCases.compactMap { purpose in
            let group = members.filter { purposes[$0] == purpose }
            guard !group.isEmpty else { return nil }
            return PurposeGroup(purpose: purpose, size: group.count,
                                quotes: quotes(of: group, profile: profile, ids: ids, limit: Self.purposeQuoteCount))
        }
    }

    /// Explanation terms: the answer's words that contributed most to its score for the profile.
    func explanationTerms(of answer: Int, profile: ThemeProfile) -> [String] {
        var result: [String] = []
        for term in profile.drivingTerms(of: vectors[answer]) where result.count < options.explanationTermCount {
            guard !corpus.isFiller[Int(term)], let surface = corpus.surface(of: term) else { continue }
            if !result.contains(surface) { result.append(surface) }
        }
        return result
    }

    /// The terms the answer uses as whole words, each once.
    func wholeTerms(of answer: Int) -> Set<Int32> {
        let document = corpus.documents[answer]
        let whole = corpus.wholeWords[answer]
        var terms = Set<Int32>()
        for position in document.indices where whole[position] { terms.insert(document[position]) }
        return terms
    }
}
