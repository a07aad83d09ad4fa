/// Decisions that name their answers by a search: the query is evaluated on this run's answers.
extension DecisionApplier {
    mutating func moveMatching(_ query: String, to target: ThemeReference) -> Step {
        let matched: [Int]
        switch matchingPositions(query) {
        case .success(let positions): matched = positions
        case .failure(let refusal): return .refused(reason: refusal.reason)
        }
        guard let targetPosition = target.position(in: themes) else { return .refused(reason: Self.missingTheme(target)) }
        let key = themes[targetPosition].key
        for position in matched { place(position, onlyIn: key) }
        placed = matched.map { assignments[$0].id }
        return .applied(note: nil)
    }

    mutating func splitMatching(_ reference: ThemeReference, query: String, label: String) -> Step {
        guard let label = Self.trimmedLabel(label) else { return .refused(reason: "the new theme's label is empty") }
        guard let sourcePosition = reference.position(in: themes) else { return .refused(reason: Self.missingTheme(reference)) }
        let matched: [Int]
        switch matchingPositions(query) {
        case .success(let positions): matched = positions
        case .failure(let refusal): return .refused(reason: refusal.reason)
        }
        let sourceKey = themes[sourcePosition].key
        let inTheme = matched.filter { assignments[$0].effectiveThemeKey == sourceKey }
        guard !inTheme.isEmpty else {
            return .refused(reason: "no answer in theme \"\(sourceKey)\" matches \"\(query)\" in this run")
        }
        let key = newAnalystKey(for: label)
        for position in inTheme {
            willChange(position)
            assignments[position].themes = [key]
            assignments[position].scores = [0]
        }
        placed = inTheme.map { assignments[$0].id }
        themes.insert(analystTheme(key: key, label: label, positions: inTheme), at: sourcePosition + 1)
        return .applied(note: nil)
    }

    mutating func themeFromSearch(_ query: String, label: String) -> Step {
        guard let label = Self.trimmedLabel(label) else { return .refused(reason: "the new theme's label is empty") }
        let matched: [Int]
        switch matchingPositions(query) {
        case .success(let positions): matched = positions
        case .failure(let refusal): return .refused(reason: refusal.reason)
        }
        let key = newAnalystKey(for: label)
        for position in matched {
            willChange(position)
            let assignment = assignments[position]
            // The new theme first; the themes it had stay after it (`other` and off-topic go).
            let kept = assignment.themes.indices.filter {
                assignment.themes[$0] != ThemeAnalysisResult.otherKey && assignment.themes[$0] != ThemeAnalysisResult.offTopicKey
            }
            assignments[position].themes = [key] + kept.map { assignment.themes[$0] }
            assignments[position].scores = [0] + kept.map { $0 < assignment.scores.count ? assignment.scores[$0] : 0 }
        }
        placed = matched.map { assignments[$0].id }
        let insertAt = themes.firstIndex { $0.kind == .other || $0.kind == .offTopic } ?? themes.endIndex
        themes.insert(analystTheme(key: key, label: label, positions: matched), at: insertAt)
        return .applied(note: nil)
    }

    /// Why a search decision cannot apply.
    struct SearchRefusal: Error {
        let reason: String
    }

    /// Positions of this run's answers matching the query (input order), or why there are none.
    private func matchingPositions(_ query: String) -> Result<[Int], SearchRefusal> {
        guard let search else {
            return .failure(SearchRefusal(reason: "a search decision needs the run's answers"))
        }
        guard AnswerSearch.hasWords(query) else {
            return .failure(SearchRefusal(reason: "the search \"\(query)\" has no words to look for"))
        }
        let positions = search.matches(query).compactMap { answerPositions[$0] }
        guard !positions.isEmpty else {
            return .failure(SearchRefusal(reason: "no answer matches \"\(query)\" in this run"))
        }
        return .success(positions)
    }
}
