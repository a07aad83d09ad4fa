/// The semantic view's vectors as the analysis uses them.
extension SemanticVectors {
    /// Weight of the word-based latent rows beside the semantic rows when both group answers
    /// (the semantic rows have weight 1).
    static let latentWeightBesideSemantic: Float = 0.5

    /// The answers' rows minus their mean, at unit length: sentence embeddings share a large common
    /// direction, and without it the differences between answers are what is left to compare.
    func centeredAnswerRows() -> [Float] {
        let count = answerCount
        let mean = answerMean()
        var rows = answerRows
        for answer in 0..<count {
            var row = (0..<dimensions).map { answerRows[answer * dimensions + $0] - mean[$0] }
            DenseVector.normalize(&row)
            rows.replaceSubrange((answer * dimensions)..<((answer + 1) * dimensions), with: row)
        }
        return rows
    }

    /// The mean of the answers' rows.
    func answerMean() -> [Float] {
        let count = answerCount
        var mean = Array(repeating: Float(0), count: dimensions)
        for answer in 0..<count { for dimension in 0..<dimensions { mean[dimension] += answerRows[answer * dimensions + dimension] } }
        for dimension in 0..<dimensions { mean[dimension] /= Float(max(count, 1)) }
        return mean
    }

    /// Other rows (e.g. the themes') minus the answers' mean, each at unit length: the space the
    /// centered answer rows live in.
    func centeredRows(_ rows: [Float]) -> [[Float]] {
        let mean = answerMean()
        return stride(from: 0, to: rows.count, by: dimensions).map { start in
            var row = (0..<dimensions).map { rows[start + $0] - mean[$0] }
            DenseVector.normalize(&row)
            return row
        }
    }

    /// Cosine similarity of every answer with every theme, row-major answers × themes.
    func answerThemeSimilarities() -> [Float] {
        let themes = themeCount
        var result = Array(repeating: Float(0), count: answerCount * themes)
        for answer in 0..<answerCount {
            for theme in 0..<themes {
                result[answer * themes + theme] = DenseVector.dot(
                    answerRows[(answer * dimensions)..<((answer + 1) * dimensions)],
                    themeRows[(theme * dimensions)..<((theme + 1) * dimensions)]
                )
            }
        }
        return result
    }

    /// Rows that join the centered semantic rows with other unit rows (e.g. the latent word rows,
    /// `otherDimensions` long each) weighted by `latentWeightBesideSemantic`, at unit length.
    /// With `answers`, only those answers' semantic rows, in that order, join `other`'s rows.
    func joinedRows(with other: [Float], otherDimensions: Int, answers: [Int]? = nil) -> (rows: [Float], dimensions: Int) {
        let semantic = centeredAnswerRows()
        let width = dimensions + otherDimensions
        let chosen = answers ?? Array(0..<answerCount)
        var rows: [Float] = []
        rows.reserveCapacity(chosen.count * width)
        for (position, answer) in chosen.enumerated() {
            var row = Array(semantic[(answer * dimensions)..<((answer + 1) * dimensions)])
            if otherDimensions > 0 {
                row += other[(position * otherDimensions)..<((position + 1) * otherDimensions)].map { $0 * Self.latentWeightBesideSemantic }
            }
            DenseVector.normalize(&row)
            rows += row
        }
        return (rows, width)
    }
}
