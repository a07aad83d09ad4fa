/// A theme in term space: the unit-length mean of its answers' TF-IDF vectors (plus, for guided
/// themes, the theme's own words), used for scores, explanation terms and quotes.
struct ThemeProfile {
    /// Dense weights by term id, unit length.
    var weights: [Float]

    /// The normalised sum of `vectors[members]`, plus `anchor` scaled to weigh `anchorWeight` times
    /// as much as the members together.
    init(termCount: Int, members: [Int], vectors: [SparseVector], anchor: SparseVector? = nil, anchorWeight: Float = 1) {
        var weights = Array(repeating: Float(0), count: termCount)
        for member in members { vectors[member].add(into: &weights) }
        DenseVector.normalize(&weights)
        if let anchor {
            anchor.add(into: &weights, scale: members.isEmpty ? 1 : anchorWeight)
            DenseVector.normalize(&weights)
        }
        self.weights = weights
    }

    /// Cosine similarity with a unit-length answer vector.
    func score(_ vector: SparseVector) -> Float {
        vector.dot(dense: weights)
    }

    /// The answer's terms ordered by their contribution to the score (ties: lower term id).
    func drivingTerms(of vector: SparseVector) -> [Int32] {
        let contributions = vector.indices.indices.compactMap { position -> (term: Int32, value: Float)? in
            let value = vector.values[position] * weights[Int(vector.indices[position])]
            return value > 0 ? (vector.indices[position], value) : nil
        }
        return contributions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.term < $1.term }.map(\.term)
    }
}
