/// Turning clusters into the result: scores, `other`, secondary themes, key terms and quotes.
extension ThemeAnalyzer {
    /// Describes discovered clusters (answer indices, largest first) as themes and assignments.
    /// With `allowOther`, answers without terms or scoring below `discoveryMinimumScore` go to `other`.
    func describeDiscovery(
        clusters: [[Int]], corpus: AnswerCorpus, vectors: [SparseVector], ids: [String], purposes: [AnswerPurpose?],
        keyPrefix: String, kind: ThemeKind, allowOther: Bool
    ) -> ThemeAnalysisResult {
        var profiles = clusters.map { ThemeProfile(termCount: corpus.termCount, members: $0, vectors: vectors) }
        var primary = Array(repeating: -1, count: ids.count)
        for (cluster, members) in clusters.enumerated() {
            for answer in members {
                let fits = !vectors[answer].isEmpty && profiles[cluster].score(vectors[answer]) >= Float(options.discoveryMinimumScore)
                primary[answer] = (fits || !allowOther) ? cluster : -1
            }
        }
        // Clusters emptied into `other` disappear; the rest are re-profiled on their final members.
        let finalClusters = Self.sortedBySize(clusters.map { $0.filter { primary[$0] >= 0 } })
        profiles = finalClusters.map { ThemeProfile(termCount: corpus.termCount, members: $0, vectors: vectors) }
        for (cluster, members) in finalClusters.enumerated() { for answer in members { primary[answer] = cluster } }

        let keys = finalClusters.indices.map { "\(keyPrefix)\($0 + 1)" }
        let describer = ThemeDescriber(corpus: corpus, vectors: vectors, options: options)
        var assignments: [ThemeAssignment] = []
        for answer in ids.indices {
            let cluster = primary[answer]
            guard cluster >= 0 else {
                assignments.append(ThemeAssignment(id: ids[answer], themes: [ThemeAnalysisResult.otherKey], scores: [0], terms: [],
                                                   purpose: purposes[answer]))
                continue
            }
            let scores = profiles.map { $0.score(vectors[answer]) }
            var themeIndices = [cluster]
            themeIndices += secondaryThemes(scores: scores, primary: cluster)
            assignments.append(ThemeAssignment(
                id: ids[answer],
                themes: themeIndices.map { keys[$0] },
                scores: themeIndices.map { Self.rounded(scores[$0]) },
                terms: describer.explanationTerms(of: answer, profile: profiles[cluster]),
                purpose: purposes[answer]
            ))
        }
        let allAnswers = Array(ids.indices)
        let keyTerms = describer.keyTerms(of: finalClusters, allAnswers: allAnswers)
        var carriers = Array(repeating: [Int](), count: finalClusters.count)
        for assignment in assignments.indices {
            for key in Set(assignments[assignment].themes) { if let cluster = keys.firstIndex(of: key) { carriers[cluster].append(assignment) } }
        }
        var themes = finalClusters.indices.map { cluster in
            Theme(
                key: keys[cluster],
                label: describer.label(from: keyTerms[cluster]),
                terms: keyTerms[cluster],
                size: finalClusters[cluster].count,
                quotes: describer.quotes(of: finalClusters[cluster], profile: profiles[cluster], ids: ids),
                kind: kind,
                purposes: describer.purposeGroups(of: carriers[cluster], profile: profiles[cluster], purposes: purposes, ids: ids)
            )
        }
        let others = allAnswers.filter { primary[$0] < 0 }
        if !others.isEmpty {
            themes.append(otherTheme(members: others, describer: describer, allAnswers: allAnswers))
        }
        return ThemeAnalysisResult(themes: themes, assignments: assignments)
    }

    /// The `other` bucket: its most frequent distinctive terms, no quotes (it has no centre).
    func otherTheme(members: [Int], describer: ThemeDescriber, allAnswers: [Int]) -> Theme {
        Theme(
            key: ThemeAnalysisResult.otherKey,
            label: "Andet / other",
            terms: describer.keyTerms(of: [members], allAnswers: allAnswers)[0],
            size: members.count,
            quotes: [],
            kind: .other
        )
    }

    /// Further themes the answer clearly speaks to: at most one, scoring at least
    /// `secondaryThemeRatio` of the primary score.
    func secondaryThemes(scores: [Float], primary: Int) -> [Int] {
        let threshold = max(Float(options.secondaryThemeRatio) * scores[primary], Float(options.discoveryMinimumScore))
        let candidates = scores.indices.filter { $0 != primary && scores[$0] >= threshold && scores[$0] > 0 }
        let best = candidates.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }
        return best.map { [$0] } ?? []
    }
}
