import Foundation

/// Guided themes: theme words → scores → pseudo-relevance feedback → seeded k-means in the latent
/// space → `other` and emerging themes.
extension ThemeAnalyzer {
    /// Rounds of pseudo-relevance feedback that grow each theme's vocabulary from its answers.
    static let feedbackRounds = 5
    /// Rounds of seeded k-means that combine word overlap with latent similarity.
    static let latentRounds = 5
    /// Weight of the lexical score in the combined score (the latent similarity has the rest).
    /// Cosines of short sparse texts are much smaller than those of dense latent vectors, so the
    /// lexical part gets the larger weight to count about as much.
    static let guidedLexicalWeight: Float = 0.7

    func guidedAssignment(_ answers: [AnswerText], themes: [GuidedTheme]) -> ThemeAnalysisResult {
        let themeTexts = themes.map { ([$0.name, $0.description] + $0.keywords).joined(separator: ". ") }
        let corpus = AnswerCorpus(texts: answers.map(\.text) + themeTexts, options: options, countedDocuments: answers.count)
        let vectors = (0..<answers.count).map { corpus.weightedVector(of: $0) }
        let queries = themeQueries(corpus: corpus, answerCount: answers.count, themeCount: themes.count)
        let minimum = Float(options.guidedMinimumScore)
        func membersByTheme(_ choices: [Int?]) -> [[Int]] {
            var members = Array(repeating: [Int](), count: themes.count)
            for (answer, choice) in choices.enumerated() { if let choice { members[choice].append(answer) } }
            return members
        }
        func themeProfiles(of members: [[Int]]) -> [ThemeProfile] {
            themes.indices.map {
                ThemeProfile(termCount: corpus.termCount, members: members[$0], vectors: vectors, anchor: queries[$0], anchorWeight: 1)
            }
        }
        func choices(_ scorer: GuidedScorer) -> [Int?] {
            answers.indices.map { scorer.choice(of: $0, vector: vectors[$0], minimum: minimum) }
        }

        // Start from the theme words alone, then let each theme absorb the vocabulary of the
        // answers it currently wins (the words keep anchoring it, so it cannot drift away).
        var random = SplitMix64(seed: options.seed)
        let space = GuidedLatentSpace(corpus: corpus, answerCount: answers.count, queries: queries, random: &random)
        var scorer = GuidedScorer(space: space, profiles: themeProfiles(of: themes.map { _ in [] }), lexicalWeight: Self.guidedLexicalWeight)
        var best = choices(scorer)
        for _ in 0..<Self.feedbackRounds {
            scorer.profiles = themeProfiles(of: membersByTheme(best))
            let next = choices(scorer)
            let stable = next == best
            best = next
            if stable { break }
        }

        // Answers that share no word with a theme can still be close to it through the words its
        // answers use: seeded k-means in the latent space, started from the feedback result, with
        // each theme's own words folded in as an anchor and word overlap still counting.
        for round in 0...Self.latentRounds {
            let grouped = membersByTheme(best)
            scorer.profiles = themeProfiles(of: grouped)
            scorer.centroids = space.centroids(members: grouped)
            // The last pass only brings the profiles and centroids up to date with `best`.
            guard round < Self.latentRounds else { break }
            let next = choices(scorer)
            if next == best { break }
            best = next
        }
        let profiles = scorer.profiles

        let describer = ThemeDescriber(corpus: corpus, vectors: vectors, options: options)
        var assignments: [ThemeAssignment] = []
        var members = Array(repeating: [Int](), count: themes.count)
        var unassigned: [Int] = []
        for answer in answers.indices {
            let wordScores = scorer.wordScores(of: vectors[answer])
            let scores = scorer.scores(of: answer, wordScores: wordScores)
            guard let choice = best[answer] else {
                unassigned.append(answer)
                assignments.append(ThemeAssignment(id: answers[answer].id, themes: [ThemeAnalysisResult.otherKey], scores: [0], terms: []))
                continue
            }
            members[choice].append(answer)
            // A second theme needs words of its own in the answer: latent similarity alone makes
            // many themes look close (measured: most such second themes were wrong).
            let themeIndices = [choice] + secondaryThemes(scores: wordScores, primary: choice)
            assignments.append(ThemeAssignment(
                id: answers[answer].id,
                themes: themeIndices.map { themes[$0].key },
                scores: themeIndices.map { Self.rounded(scores[$0]) },
                terms: describer.explanationTerms(of: answer, profile: profiles[choice])
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
