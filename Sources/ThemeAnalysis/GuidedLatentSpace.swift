/// Guided themes in the latent semantic space of the answers: answers that share no word with a
/// theme can still come close to it through the words its answers use together.
///
/// The space is fitted on the answers alone (words used by at least two answers), and each theme's
/// own words are folded into it, so a theme is placed even before any answer is known to fit it.
struct GuidedLatentSpace {
    /// Number of dimensions (0 when the answers share too few words to fit a space).
    let dimensions: Int
    /// Unit-length embedding of each answer, row-major; all zeros for an answer without a word
    /// that another answer also uses.
    let rows: [Float]
    /// Unit-length embedding of each theme's own words (all zeros when none of them is used).
    let anchors: [[Float]]
    /// Meetings of up to this many answers get an exact decomposition, so their guided themes do
    /// not depend on the seed (discovery keeps the randomized one: its ensemble draws on the
    /// variety, and exact decompositions measured no better there; docs/theme-analysis.md).
    static let exactLimit = 200

    /// A space of given unit rows (e.g. a semantic view's, centered) with each theme's own vector.
    init(rows: [Float], dimensions: Int, anchors: [[Float]]) {
        self.rows = rows
        self.dimensions = dimensions
        self.anchors = anchors
    }

    /// Fits the space on the first `answerCount` documents of `corpus` and folds in `queries`.
    init(corpus: AnswerCorpus, answerCount: Int, queries: [SparseVector], random: inout SplitMix64) {
        let vectors = (0..<answerCount).map { corpus.weightedVector(of: $0, minimumDocumentFrequency: 2) }
        let embedding = LatentSemanticEmbedding(
            vectors: vectors, termCount: corpus.termCount,
            dimensions: ThemeAnalyzer.embeddingDimensions(answerCount: answerCount),
            exactUpTo: Self.exactLimit, random: &random
        )
        dimensions = embedding.dimensions
        var rows: [Float] = []
        rows.reserveCapacity(answerCount * embedding.dimensions)
        for vector in vectors { rows.append(contentsOf: embedding.embed(vector)) }
        self.rows = rows
        anchors = queries.map { embedding.embed($0) }
    }

    /// Whether the answer has a place in the space (it shares at least one word with another answer).
    func isInformative(_ answer: Int) -> Bool {
        guard dimensions > 0 else { return false }
        let offset = answer * dimensions
        return rows[offset..<(offset + dimensions)].contains { $0 != 0 }
    }

    /// Each theme's centroid: the unit mean of its members' rows plus its own words with equal
    /// weight (its words alone when it has no members).
    func centroids(members: [[Int]]) -> [[Float]] {
        members.indices.map { theme in
            var centroid = Array(repeating: Float(0), count: dimensions)
            for member in members[theme] {
                let offset = member * dimensions
                for dimension in 0..<dimensions { centroid[dimension] += rows[offset + dimension] }
            }
            DenseVector.normalize(&centroid)
            for dimension in 0..<dimensions { centroid[dimension] += anchors[theme][dimension] }
            DenseVector.normalize(&centroid)
            return centroid
        }
    }

    /// Cosine similarity of an answer with a unit-length centroid.
    func similarity(of answer: Int, to centroid: [Float]) -> Float {
        guard dimensions > 0 else { return 0 }
        let offset = answer * dimensions
        return DenseVector.dot(rows[offset..<(offset + dimensions)], centroid[...])
    }
}
