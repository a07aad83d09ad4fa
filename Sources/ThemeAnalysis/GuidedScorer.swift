/// Scores an answer against guided themes by word overlap and latent similarity combined.
struct GuidedScorer {
    /// The latent space of the answers.
    let space: GuidedLatentSpace
    /// The semantic view's space (centered answer vectors, theme vectors as anchors), when given:
    /// its similarity is averaged with the latent one.
    let semanticSpace: GuidedLatentSpace?
    /// Each theme in term space (its words plus its answers).
    var profiles: [ThemeProfile]
    /// Each theme in the latent space, unit length; empty while only words count.
    var centroids: [[Float]] = []
    /// Each theme in the semantic space, unit length; empty while only words count.
    var semanticCentroids: [[Float]] = []
    /// Weight of the lexical score; the latent similarity gets `1 - lexicalWeight`.
    let lexicalWeight: Float
    /// The guided theme of each answer's question (context: a small prior towards it), if known.
    var questionThemes: [Int?] = []
    /// The prior added to the question's theme: enough to decide between near-equal themes, too
    /// small to pull an answer about something else.
    static let questionPrior: Float = 0.02

    /// Updates the centroids in every space from the themes' members.
    mutating func updateCentroids(members: [[Int]]) {
        centroids = space.centroids(members: members)
        semanticCentroids = semanticSpace?.centroids(members: members) ?? []
    }

    /// The answer's score for each theme. An answer without a place in the latent space (it shares
    /// no word with another answer) is scored by its words alone, so an answer with nothing in
    /// common with the rest cannot be pulled into a theme.
    func scores(of answer: Int, vector: SparseVector) -> [Float] {
        scores(of: answer, wordScores: wordScores(of: vector))
    }

    /// The answer's word-overlap score for each theme (cosine with the theme's profile).
    func wordScores(of vector: SparseVector) -> [Float] {
        profiles.map { $0.score(vector) }
    }

    /// The answer's score for each theme given its word scores.
    func scores(of answer: Int, wordScores lexical: [Float]) -> [Float] {
        var scores = lexical
        let usesSemantic = semanticCentroids.count == profiles.count && (semanticSpace?.isInformative(answer) ?? false)
        if usesLatentSpace(for: answer) || usesSemantic {
            scores = lexical.indices.map { theme in
                var similarities: [Float] = []
                if usesLatentSpace(for: answer) { similarities.append(max(0, space.similarity(of: answer, to: centroids[theme]))) }
                if usesSemantic, let semanticSpace {
                    similarities.append(max(0, semanticSpace.similarity(of: answer, to: semanticCentroids[theme])))
                }
                let other = similarities.reduce(0, +) / Float(similarities.count)
                return lexicalWeight * lexical[theme] + (1 - lexicalWeight) * other
            }
        }
        if answer < questionThemes.count, let theme = questionThemes[answer], theme < scores.count, scores[theme] > 0 {
            scores[theme] += Self.questionPrior
        }
        return scores
    }

    /// The best theme (ties: the earlier theme), or nil when its score is below `minimum`.
    ///
    /// Latent similarity counts only towards a theme's current answers and words, so an answer
    /// far from all of them (e.g. one of a pair that only share words with each other) stays out
    /// rather than joining whichever theme happens to be least far.
    func choice(of answer: Int, vector: SparseVector, minimum: Float) -> Int? {
        let scores = scores(of: answer, vector: vector)
        var best: Int?
        for theme in scores.indices where best.map({ scores[theme] > scores[$0] }) ?? true { best = theme }
        guard let best, scores[best] >= minimum else { return nil }
        return best
    }

    /// Whether the answer's scores include latent similarity.
    private func usesLatentSpace(for answer: Int) -> Bool {
        centroids.count == profiles.count && space.isInformative(answer)
    }
}
