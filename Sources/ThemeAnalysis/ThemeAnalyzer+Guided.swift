import Foundation

/// Guided themes: theme words → scores → pseudo-relevance feedback → `other` and emerging themes.
extension ThemeAnalyzer {
    /// Rounds of pseudo-relevance feedback that grow each theme's vocabulary from its answers.
    static let feedbackRounds = 5

    func guidedAssignment(_ answers: [AnswerText], themes: [GuidedTheme]) -> ThemeAnalysisResult {
        let themeTexts = themes.map { ([$0.name, $0.description] + $0.keywords).joined(separator: ". ") }
        let corpus = AnswerCorpus(texts: answers.map(\.text) + themeTexts, options: options, countedDocuments: answers.count)
        let vectors = (0..<answers.count).map { corpus.weightedVector(of: $0) }
        let queries = themeQueries(corpus: corpus, answerCount: answers.count, themeCount: themes.count)

        // Start from the theme words alone, then let each theme absorb the vocabulary of the
        // answers it currently wins (the words keep anchoring it, so it cannot drift away).
        var profiles = queries.map { ThemeProfile(termCount: corpus.termCount, members: [], vectors: vectors, anchor: $0) }
        var best = bestThemes(vectors: vectors, profiles: profiles)
        for _ in 0..<Self.feedbackRounds {
            var members = Array(repeating: [Int](), count: themes.count)
            for (answer, choice) in best.enumerated() where choice.score >= Float(options.guidedMinimumScore) {
                members[choice.theme].append(answer)
            }
            profiles = themes.indices.map {
                ThemeProfile(termCount: corpus.termCount, members: members[$0], vectors: vectors, anchor: queries[$0], anchorWeight: 1)
            }
            let next = bestThemes(vectors: vectors, profiles: profiles)
            let stable = zip(next, best).allSatisfy { $0.theme == $1.theme }
            best = next
            if stable { break }
        }

        let describer = ThemeDescriber(corpus: corpus, vectors: vectors, options: options)
        var assignments: [ThemeAssignment] = []
        var members = Array(repeating: [Int](), count: themes.count)
        var unassigned: [Int] = []
        for answer in answers.indices {
            let scores = profiles.map { $0.score(vectors[answer]) }
            let choice = best[answer]
            guard choice.score >= Float(options.guidedMinimumScore) else {
                unassigned.append(answer)
                assignments.append(ThemeAssignment(id: answers[answer].id, themes: [ThemeAnalysisResult.otherKey], scores: [0], terms: []))
                continue
            }
            members[choice.theme].append(answer)
            let themeIndices = [choice.theme] + secondaryThemes(scores: scores, primary: choice.theme)
            assignments.append(ThemeAssignment(
                id: answers[answer].id,
                themes: themeIndices.map { themes[$0].key },
                scores: themeIndices.map { Self.rounded(scores[$0]) },
                terms: describer.explanationTerms(of: answer, profile: profiles[choice.theme])
            ))
        }
        let keyTerms = describer.keyTerms(of: members, allAnswers: Array(answers.indices))
        var resultThemes = themes.indices.map { index in
            Theme(
                key: themes[index].key,
                label: themes[index].name,
                terms: keyTerms[index],
                size: members[index].count,
                quotes: describer.quotes(of: members[index], profile: profiles[index], ids: answers.map(\.id)),
                kind: .guided
            )
        }
        let emerging = emergingThemes(unassigned.map { answers[$0] }, normalizer: corpus.sharedNormalizer)
        for (position, answer) in unassigned.enumerated() {
            let found = emerging.assignments[position]
            guard found.themes.first != ThemeAnalysisResult.otherKey else { continue }
            assignments[answer] = ThemeAssignment(
                id: found.id,
                themes: [ThemeAnalysisResult.otherKey] + found.themes,
                scores: [0] + found.scores,
                terms: found.terms
            )
        }
        resultThemes += emerging.themes.filter { $0.kind != .other }
        if !unassigned.isEmpty {
            resultThemes.append(otherTheme(members: unassigned, describer: describer, allAnswers: Array(answers.indices)))
        }
        return ThemeAnalysisResult(themes: resultThemes, assignments: assignments)
    }

    /// Each theme's words as a TF-IDF vector, with words shared by several themes weighted down
    /// (ln(1 + themes / themes containing the word)), so that "liv" in three theme names counts
    /// less than "ældre" in one.
    private func themeQueries(corpus: AnswerCorpus, answerCount: Int, themeCount: Int) -> [SparseVector] {
        let themeTerms = (0..<themeCount).map { corpus.documents[answerCount + $0] }
        var themeFrequency = [Int32: Int]()
        for terms in themeTerms { for term in Set(terms) { themeFrequency[term, default: 0] += 1 } }
        var weights = [Int32: Float]()
        for (term, frequency) in themeFrequency {
            weights[term] = Float(log1p(Double(themeCount) / Double(frequency)))
        }
        return themeTerms.map { corpus.vector(ofTerms: $0, termWeights: weights) }
    }

    /// The best theme and its score per answer (ties: the earlier theme).
    private func bestThemes(vectors: [SparseVector], profiles: [ThemeProfile]) -> [(theme: Int, score: Float)] {
        vectors.map { vector in
            var best = (theme: 0, score: Float(-1))
            for (index, profile) in profiles.enumerated() {
                let score = profile.score(vector)
                if score > best.score { best = (index, score) }
            }
            return best
        }
    }

    /// Emerging themes among answers that fit no guided theme (none when there are too few).
    private func emergingThemes(_ answers: [AnswerText], normalizer: TextNormalizer) -> ThemeAnalysisResult {
        let ids = answers.map(\.id)
        guard answers.count >= options.minimumEmergingAnswers else {
            return ThemeAnalysisResult(themes: [], assignments: ids.map {
                ThemeAssignment(id: $0, themes: [ThemeAnalysisResult.otherKey], scores: [0], terms: [])
            })
        }
        let corpus = AnswerCorpus(texts: answers.map(\.text), options: options, normalizer: normalizer)
        let vectors = (0..<answers.count).map { corpus.weightedVector(of: $0) }
        var random = SplitMix64(seed: options.seed)
        let clusters = discoverClusters(corpus: corpus, vectors: vectors, answers: Array(answers.indices), fixedCount: nil, random: &random)
        return describeDiscovery(clusters: clusters, corpus: corpus, vectors: vectors, ids: ids, keyPrefix: "emerging-", kind: .emerging, allowOther: true)
    }
}
