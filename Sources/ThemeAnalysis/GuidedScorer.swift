/// Scores an answer against guided themes by word overlap and latent similarity combined.
struct GuidedScorer {
    /// The latent space of the answers.
    let space: GuidedLatentSpace
    /// Each theme in term space (its words plus its answers).
    var profiles: [ThemeProfile]
    /// Each theme in the latent space, unit length; empty while only words count.
    var centroids: [[Float]] = []
    /// Weight of the lexical score; the latent similarity gets `1 - lexicalWeight`.
    let lexicalWeight: Float

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
        guard usesLatentSpace(for: answer) else { return lexical }
        return lexical.indices.map { theme in
            let latent = max(0, space.similarity(of: answer, to: centroids[theme]))
            return lexicalWeight * lexical[theme] + (1 - lexicalWeight) * latent
        }
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
