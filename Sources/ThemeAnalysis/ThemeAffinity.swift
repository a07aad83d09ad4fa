/// How strongly each answer speaks to each guided theme, on a scale shared by the views: for each
/// theme, the answers' similarities to it as z-scores (how many standard deviations above the
/// answers' mean), summed over the views (the word view counts twice when it is the only one).
///
/// The z-scores make themes comparable whose names share many or few words with the answers, and
/// the views comparable whose similarities live on different scales (cosines of sparse word
/// vectors are small; those of sentence embeddings are all large).
struct ThemeAffinity {
    /// Row-major answers × themes.
    let values: [Float]
    /// Number of themes.
    let themeCount: Int

    /// Affinities from the word similarities (answers × themes, row-major) and, when given, the
    /// semantic ones.
    init(lexical: [Float], semantic: [Float]?, themeCount: Int) {
        self.themeCount = themeCount
        var values = Self.zScores(lexical, themeCount: themeCount)
        if let semantic {
            let semanticScores = Self.zScores(semantic, themeCount: themeCount)
            for index in values.indices { values[index] += semanticScores[index] }
        } else {
            for index in values.indices { values[index] *= 2 }
        }
        self.values = values
    }

    /// The answer's affinity for a theme.
    func value(_ answer: Int, _ theme: Int) -> Float {
        values[answer * themeCount + theme]
    }

    /// The mean affinity row of a group of answers.
    func mean(of answers: [Int]) -> [Float] {
        var sums = Array(repeating: Float(0), count: themeCount)
        for answer in answers { for theme in 0..<themeCount { sums[theme] += values[answer * themeCount + theme] } }
        return sums.map { $0 / Float(max(answers.count, 1)) }
    }

    /// Per theme (column), (x − mean) / standard deviation over the answers; 0 for a constant column.
    static func zScores(_ matrix: [Float], themeCount: Int) -> [Float] {
        guard themeCount > 0 else { return matrix }
        let count = matrix.count / themeCount
        var result = matrix
        for theme in 0..<themeCount {
            var sum = 0.0
            var squares = 0.0
            for answer in 0..<count {
                let value = Double(matrix[answer * themeCount + theme])
                sum += value
                squares += value * value
            }
            let mean = sum / Double(max(count, 1))
            let deviation = (max(0, squares / Double(max(count, 1)) - mean * mean)).squareRoot()
            for answer in 0..<count {
                let index = answer * themeCount + theme
                result[index] = deviation > 1e-9 ? Float((Double(matrix[index]) - mean) / deviation) : 0
            }
        }
        return result
    }
}
