/// Vectors of a semantic view of the answers (a sentence-embedding model), computed outside the
/// analysis and passed in, so the analysis stays pure and a caller can compute each answer's
/// vector once and keep it (keyed by the text's hash).
///
/// With them, answers that say the same thing in different words can meet (bus, Flextrafik,
/// kørsel); without them the analysis uses its word-based view alone.
public struct SemanticVectors: Sendable, Hashable {
    /// The view's name as reported in `ThemeAnalysisResult.views` (model and version).
    public let name: String
    /// Length of every vector.
    public let dimensions: Int
    /// One vector per answer, in the answers' order, row-major (`answers.count × dimensions`).
    public let answerRows: [Float]
    /// One vector per guided theme (its name and description), in the themes' order, row-major;
    /// empty for discovery.
    public let themeRows: [Float]
    /// One vector per text of `SubjectInventory.texts` (read as queries), in that order, row-major;
    /// empty when the caller has none (guided runs then find emerging themes without them).
    public let subjectRows: [Float]

    /// Creates the vectors; each row is scaled to unit length here (a zero row stays zero).
    public init(name: String, dimensions: Int, answerRows: [Float], themeRows: [Float] = [], subjectRows: [Float] = []) {
        precondition(dimensions > 0 && answerRows.count % dimensions == 0 && themeRows.count % dimensions == 0
                     && subjectRows.count % dimensions == 0, "vector rows must be whole multiples of the dimensions")
        self.name = name
        self.dimensions = dimensions
        self.answerRows = Self.unitRows(answerRows, dimensions: dimensions)
        self.themeRows = Self.unitRows(themeRows, dimensions: dimensions)
        self.subjectRows = Self.unitRows(subjectRows, dimensions: dimensions)
    }

    /// Number of answer rows.
    public var answerCount: Int { answerRows.count / dimensions }

    /// Number of theme rows.
    public var themeCount: Int { themeRows.count / dimensions }

    /// Whether the subjects' rows fit the inventory (one per text of `SubjectInventory.texts`).
    public var hasSubjects: Bool { !subjectRows.isEmpty && subjectRows.count == SubjectInventory.texts.count * dimensions }

    private static func unitRows(_ rows: [Float], dimensions: Int) -> [Float] {
        var result = rows
        for start in stride(from: 0, to: rows.count, by: dimensions) {
            var norm: Float = 0
            for index in start..<(start + dimensions) { norm += rows[index] * rows[index] }
            guard norm > 0 else { continue }
            let scale = 1 / norm.squareRoot()
            for index in start..<(start + dimensions) { result[index] = rows[index] * scale }
        }
        return result
    }
}
