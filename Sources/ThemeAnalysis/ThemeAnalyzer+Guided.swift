import Foundation

/// Guided themes beside emerging ones: each answer's reading by the guided themes (theme words →
/// pseudo-relevance feedback → seeded k-means in the latent space), and, independently of it, the
/// subjects no guided theme claims (`EmergingThemeFinder`), which an answer can carry first or
/// next to its guided theme.
extension ThemeAnalyzer {
    /// Rounds of pseudo-relevance feedback that grow each theme's vocabulary from its answers.
    static let feedbackRounds = 5
    /// Rounds of seeded k-means that combine word overlap with latent similarity.
    static let latentRounds = 5
    /// Weight of the lexical score in the combined score (the latent similarity has the rest).
    /// Cosines of short sparse texts are much smaller than those of dense latent vectors, so the
    /// lexical part gets the larger weight to count about as much.
    static let guidedLexicalWeight: Float = 0.7
    /// An answer in an emerging theme keeps its guided theme first when its own affinity for that
    /// theme is at least this (z-scores, `ThemeAffinity`): it is about both, and mainly the theme.
    static let guidedFirstAffinity: Float = 1.0
    /// The seed of the emerging themes' grouping (see `guidedAssignment`).
    static let emergingSeed: UInt64 = 0x5EED_E3E6

    func guidedAssignment(_ answers: [AnswerText], themes: [GuidedTheme], semantic: SemanticVectors?) -> ThemeAnalysisResult {
        let reading = guidedReading(answers, themes: themes, semantic: semantic)
        let corpus = reading.corpus
        let vectors = reading.vectors
        let ids = answers.map(\.id)
        let purposes = answers.map(\.purpose)

        // Subjects beside the guided themes, found on every answer (not only those that fit none):
        // by the subject inventory in the reading's semantic space, or else by claims on a fine
        // grouping, whose affinities also decide there whether a guided theme stays first.
        let subjects = reading.scorer.semanticSpace.flatMap { space -> SubjectMatcher.Reading? in
            guard let semantic, semantic.hasSubjects else { return nil }
            return SubjectMatcher(space: space, semantic: semantic, minimumSize: max(2, options.minimumEmergingAnswers),
                                  questionThemes: reading.scorer.questionThemes).read()
        }
        let affinity: ThemeAffinity?
        let emergingGroups: [[Int]]
        if let subjects {
            affinity = nil
            emergingGroups = subjects.groups
        } else {
            let lexicalAffinity = (0..<answers.count).flatMap { answer in reading.queries.map { vectors[answer].dot($0) } }
            let claimAffinity = ThemeAffinity(lexical: lexicalAffinity, semantic: semantic?.answerThemeSimilarities(), themeCount: themes.count)
            affinity = claimAffinity
            emergingGroups = emergingGroupsByClaims(reading: reading, affinity: claimAffinity, lexicalAffinity: lexicalAffinity,
                                                    semantic: semantic)
        }
        var emergingOf = Array(repeating: -1, count: answers.count)
        for (group, members) in emergingGroups.enumerated() { for answer in members { emergingOf[answer] = group } }
        let emergingKeys = emergingGroups.indices.map { "emerging-\($0 + 1)" }
        let emergingProfiles = emergingGroups.map { ThemeProfile(termCount: corpus.termCount, members: $0, vectors: vectors) }

        let describer = ThemeDescriber(corpus: corpus, vectors: vectors, options: options)
        var assignments: [ThemeAssignment] = []
        var guidedMembers = Array(repeating: [Int](), count: themes.count)
        var guidedCarriers = Array(repeating: [Int](), count: themes.count)
        var emergingFirst = Array(repeating: [Int](), count: emergingGroups.count)
        var unassigned: [Int] = []
        for answer in answers.indices {
            let wordScores = reading.scorer.wordScores(of: vectors[answer])
            let scores = reading.scorer.scores(of: answer, wordScores: wordScores)
            // With the subjects, an answer's guided theme is the one nearest it in meaning (measured
            // better than the combined reading on every development set, docs/theme-analysis.md);
            // an answer without a single informative word still goes to `other`.
            let choice = subjects.map { vectors[answer].isEmpty ? nil : $0.nearestTheme[answer] } ?? reading.best[answer]
            var keys: [String] = []
            var keyScores: [Double] = []
            var terms: [String] = []
            var guidedFirst = choice != nil
            if let choice, emergingOf[answer] >= 0 {
                // By subjects, the answer is already nearer its subject than any guided theme.
                guidedFirst = affinity.map { $0.value(answer, choice) >= Self.guidedFirstAffinity } ?? false
            }
            func appendGuided(_ theme: Int) {
                keys.append(themes[theme].key)
                keyScores.append(Self.rounded(scores[theme]))
                guidedCarriers[theme].append(answer)
            }
            func appendEmerging(_ group: Int) {
                keys.append(emergingKeys[group])
                keyScores.append(Self.rounded(emergingProfiles[group].score(vectors[answer])))
            }
            if let choice, guidedFirst {
                guidedMembers[choice].append(answer)
                appendGuided(choice)
                terms = describer.explanationTerms(of: answer, profile: reading.profiles[choice])
                // A second theme needs words of its own in the answer: latent similarity alone makes
                // many themes look close (measured: most such second themes were wrong).
                for second in secondaryThemes(scores: wordScores, primary: choice) { appendGuided(second) }
                if let group = emergingOf[answer] >= 0 ? emergingOf[answer] : subjects?.alsoSpeaksTo[answer] { appendEmerging(group) }
            } else if emergingOf[answer] >= 0 {
                let group = emergingOf[answer]
                emergingFirst[group].append(answer)
                appendEmerging(group)
                terms = describer.explanationTerms(of: answer, profile: emergingProfiles[group])
                // The guided reading stays beside it when the answer has words of that theme.
                if let choice, wordScores[choice] > 0 { appendGuided(choice) }
            } else {
                unassigned.append(answer)
                keys = [ThemeAnalysisResult.otherKey]
                keyScores = [0]
            }
            assignments.append(ThemeAssignment(id: ids[answer], themes: keys, scores: keyScores, terms: terms, purpose: purposes[answer]))
        }

        let allAnswers = Array(answers.indices)
        let guidedTerms = describer.keyTerms(of: guidedMembers, allAnswers: allAnswers)
        var resultThemes = themes.indices.map { index in
            Theme(
                key: themes[index].key,
                label: themes[index].name,
                terms: guidedTerms[index],
                size: guidedMembers[index].count,
                quotes: describer.quotes(of: guidedMembers[index], profile: reading.profiles[index], ids: ids),
                kind: .guided,
                purposes: describer.purposeGroups(of: guidedCarriers[index], profile: reading.profiles[index], purposes: purposes, ids: ids)
            )
        }
        let emergingTerms = describer.keyTerms(of: emergingGroups, allAnswers: allAnswers)
        for group in emergingGroups.indices {
            resultThemes.append(Theme(
                key: emergingKeys[group],
                // Found by a subject: its name (in the answers' language); otherwise their words.
                label: subjects.map { SubjectInventory.subjects[$0.groupSubjects[group]].name(in: corpus.majorityLanguage(of: emergingGroups[group])) }
                    ?? describer.label(from: emergingTerms[group]),
                terms: emergingTerms[group],
                size: emergingFirst[group].count,
                quotes: describer.quotes(of: emergingFirst[group].isEmpty ? emergingGroups[group] : emergingFirst[group],
                                         profile: emergingProfiles[group], ids: ids),
                kind: .emerging,
                purposes: describer.purposeGroups(of: emergingGroups[group], profile: emergingProfiles[group], purposes: purposes, ids: ids)
            ))
        }
        if !unassigned.isEmpty {
            resultThemes.append(otherTheme(members: unassigned, describer: describer, allAnswers: allAnswers))
        }
        return ThemeAnalysisResult(themes: resultThemes, assignments: assignments, views: Self.views(semantic))
    }

    /// Emerging themes without the subject inventory: a fine grouping of every answer, each group
    /// claimed by the guided theme its answers speak to (`EmergingThemeFinder`).
    private func emergingGroupsByClaims(reading: GuidedReading, affinity: ThemeAffinity, lexicalAffinity: [Float],
                                        semantic: SemanticVectors?) -> [[Int]] {
        let corpus = reading.corpus
        let vectors = reading.vectors
        let themeCount = reading.queries.count
        let grouping: (rows: [Float], dimensions: Int) = semantic.map {
            $0.joinedRows(with: reading.space.rows, otherDimensions: reading.space.dimensions)
        } ?? (reading.space.rows, reading.space.dimensions)
        // A fixed seed: a meeting's guided result does not depend on `seed` (the guided reading's
        // decomposition is exact for meeting-sized inputs), and neither do its emerging themes.
        var random = SplitMix64(seed: Self.emergingSeed)
        let informative = vectors.indices.filter { answer in
            grouping.rows[(answer * grouping.dimensions)..<((answer + 1) * grouping.dimensions)].contains { $0 != 0 }
        }
        let fineCount = EmergingThemeFinder.fineGroupCount(answerCount: informative.count, themeCount: themeCount)
        var fineGroups: [[Int]] = []
        if fineCount >= 2 {
            fineGroups = discoverClusters(corpus: corpus, vectors: vectors, answers: informative, fixedCount: fineCount,
                                          semantic: semantic, random: &random)
        }
        return EmergingThemeFinder(rows: grouping.rows, dimensions: grouping.dimensions, affinity: affinity,
                                   evidence: Self.directEvidence(lexicalAffinity, themeCount: themeCount),
                                   minimumSize: max(2, options.minimumEmergingAnswers))
            .emergingGroups(fineGroups: fineGroups)
    }

    /// For each answer, the theme whose own words it shares most (nil when it shares none).
    static func directEvidence(_ similarities: [Float], themeCount: Int) -> [Int?] {
        guard themeCount > 0 else { return [] }
        return (0..<(similarities.count / themeCount)).map { answer in
            let row = similarities[(answer * themeCount)..<((answer + 1) * themeCount)]
            guard let best = row.indices.max(by: { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) }), row[best] > 0 else { return nil }
            return best - answer * themeCount
        }
    }

    /// The views a run used.
    static func views(_ semantic: SemanticVectors?) -> [String] {
        [ThemeAnalysisResult.lexicalView] + (semantic.map { [$0.name] } ?? [])
    }

    /// How the guided themes read the answers: the corpus, each answer's best theme (nil: none
    /// scores `guidedMinimumScore`), the scorer and the themes' final profiles.
    struct GuidedReading {
        let corpus: AnswerCorpus
        let vectors: [SparseVector]
        let queries: [SparseVector]
        let space: GuidedLatentSpace
        let scorer: GuidedScorer
        let profiles: [ThemeProfile]
        let best: [Int?]
    }

    /// Theme words → scores → pseudo-relevance feedback → seeded k-means in the latent space.
    func guidedReading(_ answers: [AnswerText], themes: [GuidedTheme], semantic: SemanticVectors?) -> GuidedReading {
        let themeTexts = themes.map { ([$0.name, $0.description] + $0.keywords).joined(separator: ". ") }
        let corpus = AnswerCorpus(texts: answers.map(\.text) + themeTexts, options: options, countedDocuments: answers.count)
        let vectors = (0..<answers.count).map { corpus.weightedVector(of: $0) }
        let nameTerms = themes.map { Set(AnswerCorpus(texts: [$0.name], options: options, normalizer: corpus.sharedNormalizer).stemsOfDocument(0)) }
        let queries = themeQueries(corpus: corpus, answerCount: answers.count, themeCount: themes.count, nameStems: nameTerms)
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

        var random = SplitMix64(seed: options.seed)
        let space = GuidedLatentSpace(corpus: corpus, answerCount: answers.count, queries: queries, random: &random)
        let semanticSpace = semantic.map { vectors in
            GuidedLatentSpace(rows: vectors.centeredAnswerRows(), dimensions: vectors.dimensions,
                              anchors: vectors.centeredRows(vectors.themeRows))
        }
        var scorer = GuidedScorer(space: space, semanticSpace: semanticSpace, profiles: themeProfiles(of: themes.map { _ in [] }),
                                  lexicalWeight: Self.guidedLexicalWeight)
        let themeIndex = Dictionary(themes.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
        scorer.questionThemes = answers.map { $0.questionTheme.flatMap { themeIndex[$0] } }

        // Start from the theme words alone, then let each theme absorb the vocabulary of the
        // answers it currently wins (the words keep anchoring it, so it cannot drift away).
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
            scorer.updateCentroids(members: grouped)
            // The last pass only brings the profiles and centroids up to date with `best`.
            guard round < Self.latentRounds else { break }
            let next = choices(scorer)
            if next == best { break }
            best = next
        }
        return GuidedReading(corpus: corpus, vectors: vectors, queries: queries, space: space, scorer: scorer,
                             profiles: scorer.profiles, best: best)
    }

    /// Each theme's words as a TF-IDF vector, with words shared by several themes weighted down
    /// (ln(1 + themes / themes containing the word)), so that "liv" in three theme names counts
    /// less than "ældre" in one. Filler and meeting words count only where the theme's name uses
    /// them ("Samspillet mellem kommunen og de frivillige"), not from a description's wording.
    private func themeQueries(corpus: AnswerCorpus, answerCount: Int, themeCount: Int, nameStems: [Set<String>]) -> [SparseVector] {
        let themeTerms = (0..<themeCount).map { theme in
            corpus.documents[answerCount + theme].filter { !corpus.isFiller[Int($0)] || nameStems[theme].contains(corpus.stem(of: $0)) }
        }
        var themeFrequency = [Int32: Int]()
        for terms in themeTerms { for term in Set(terms) { themeFrequency[term, default: 0] += 1 } }
        var weights = [Int32: Float]()
        for (term, frequency) in themeFrequency {
            weights[term] = Float(log1p(Double(themeCount) / Double(frequency)))
        }
        return themeTerms.map { corpus.vector(ofTerms: $0, termWeights: weights) }
    }
}
