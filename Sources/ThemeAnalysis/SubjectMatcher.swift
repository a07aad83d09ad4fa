/// Finds emerging themes with the semantic view and the subject inventory (`SubjectInventory`):
/// each answer is compared, in the centered semantic space, with the guided themes and with every
/// subject citizens commonly raise. An answer nearer a subject than any guided theme *speaks to
/// that subject*. A subject is *covered* by a guided theme when the answers that speak to it lean to
/// that one theme (school answers to "children and families"), far more than chance would make
/// them, or all but one do; the subjects no theme covers (raised under several themes, like buses),
/// with enough answers, are the emerging themes, merged where their answers are alike.
///
/// Why a list of subjects: on short meeting answers, no per-answer signal and no grouping of the
/// answers alone separates "about the policy" from "about something else" well enough (tried,
/// docs/theme-analysis.md); a nearer alternative does. The inventory decides which answers belong
/// together and names the theme ("Transport og mobilitet"); its key terms are the answers' own
/// words, and how many themes there are follows the data (a subject nobody speaks to, or one the
/// policy covers, never shows).
struct SubjectMatcher {
    /// A subject is covered by a guided theme when the share of the answers speaking to it that
    /// lean to that theme is at least this far from chance (1 / themes) towards all of them:
    /// 0.6 with four themes, 0.73 with two, 0.57 with five. With two themes, a subject raised under
    /// both questions leans half to each by itself, so a fixed share would cover it (0.5, 0.6 and
    /// 0.7 with four themes were tried; docs/theme-analysis.md).
    /// It is not covered either when the answers leaning to the theme are, on average, no nearer to
    /// it than the average answer is (the Frederikshavn form's "grønne valg i hverdagen" drew the bus
    /// answers as least far, at a mean centered similarity of −0.005).
    static let coverConcentration: Float = 0.46
    /// A subject is not covered only when at least this many of its answers lean to a theme other
    /// than the one most lean to: one stray answer does not make a subject cross-cutting (without
    /// this, three answers split 2–1 between two themes made an emerging theme of noise).
    static let secondThemeAnswers = 2
    /// Two emerging subjects merge when their answers' centroids are at least this alike (cosine in
    /// the centered space): subjects of the inventory that citizens speak of as one.
    static let mergeSimilarity: Float = 0.4

    /// The answers' centered unit rows (count × dimensions, row-major).
    let answerRows: [Float]
    /// Length of a row.
    let dimensions: Int
    /// The guided themes' centered unit rows.
    let themeAnchors: [[Float]]
    /// The subjects' centered unit rows: each subject's Danish text, then each one's English text
    /// (`SubjectInventory.texts`); an answer's similarity to a subject is the larger of the two.
    let subjectAnchors: [[Float]]
    /// Fewest answers an emerging theme needs.
    let minimumSize: Int
    /// The guided theme of each answer's question, when known: context that decides near ties of
    /// the nearest theme (`GuidedScorer.questionPrior`), never whether the answer speaks to a subject
    /// or whether a subject is covered.
    var questionThemes: [Int?] = []

    /// What the comparison found.
    struct Reading {
        /// Index of the guided theme nearest each answer.
        let nearestTheme: [Int]
        /// The answers of each emerging theme, largest first (ties: the earliest answer first).
        let groups: [[Int]]
        /// The subject (index in `SubjectInventory.subjects`) most of each group's answers speak to.
        let groupSubjects: [Int]
        /// For an answer in no emerging theme: an emerging theme with a subject nearer the answer
        /// than every guided theme (its own nearest subject is one the policy covers); nil: none.
        let alsoSpeaksTo: [Int?]
    }

    /// Compares every answer with the guided themes and the subjects.
    func read() -> Reading {
        let answerCount = answerRows.count / max(dimensions, 1)
        let subjectCount = subjectAnchors.count / 2
        var nearestTheme = Array(repeating: 0, count: answerCount)
        // Which theme an answer leans to when deciding coverage: by meaning alone, so where a
        // question was asked never hides what its answers speak about.
        var leaningTheme = Array(repeating: 0, count: answerCount)
        var nearestThemeSimilarity = Array(repeating: -Float.infinity, count: answerCount)
        var subjectSimilarities: [[Float]] = []
        var speakers = Array(repeating: [Int](), count: subjectCount)
        for answer in 0..<answerCount {
            let row = answerRows[(answer * dimensions)..<((answer + 1) * dimensions)]
            let themeSimilarities = themeAnchors.map { DenseVector.dot(row, $0[...]) }
            let theme = Self.best(themeSimilarities)
            let similarities = (0..<subjectCount).map {
                max(DenseVector.dot(row, subjectAnchors[$0][...]), DenseVector.dot(row, subjectAnchors[subjectCount + $0][...]))
            }
            let subject = Self.best(similarities)
            var withContext = themeSimilarities
            if answer < questionThemes.count, let question = questionThemes[answer], question < withContext.count {
                withContext[question] += GuidedScorer.questionPrior
            }
            nearestTheme[answer] = Self.best(withContext).index
            leaningTheme[answer] = theme.index
            nearestThemeSimilarity[answer] = theme.value
            subjectSimilarities.append(similarities)
            if subjectCount > 0, subject.value > theme.value { speakers[subject.index].append(answer) }
        }
        let chance = 1 / Float(max(themeAnchors.count, 1))
        let coverShare = chance + (1 - chance) * Self.coverConcentration
        let uncovered = speakers.indices.filter { subject in
            guard !speakers[subject].isEmpty, !themeAnchors.isEmpty else { return false }
            var counts = Array(repeating: 0, count: themeAnchors.count)
            for answer in speakers[subject] { counts[leaningTheme[answer]] += 1 }
            let top = Self.best(counts.map(Float.init)).index
            let second = counts.enumerated().filter { $0.offset != top }.map(\.element).max() ?? 0
            guard second >= Self.secondThemeAnswers else { return false }
            // Leaning is only "least far": answers that lean to a theme while no nearer to it than
            // the average answer (a centered similarity ≤ 0) are not about it.
            let leaning = speakers[subject].filter { leaningTheme[$0] == top }
            let nearness = leaning.map { DenseVector.dot(answerRows[($0 * dimensions)..<(($0 + 1) * dimensions)], themeAnchors[top][...]) }
                .reduce(0, +) / Float(leaning.count)
            return Float(counts[top]) < coverShare * Float(speakers[subject].count) || nearness <= 0
        }
        let groups = mergeAlike(uncovered.map { (answers: speakers[$0], subjects: [$0]) }, speakerCounts: speakers.map(\.count))
            .filter { $0.answers.count >= minimumSize }
            .sorted { ($0.answers.count, $1.answers[0]) > ($1.answers.count, $0.answers[0]) }
        var alsoSpeaksTo = Array(repeating: Int?.none, count: answerCount)
        var inGroup = Array(repeating: false, count: answerCount)
        for group in groups { for answer in group.answers { inGroup[answer] = true } }
        for answer in 0..<answerCount where !inGroup[answer] {
            var best: (group: Int, similarity: Float)?
            for (index, group) in groups.enumerated() {
                for subject in group.subjects {
                    let similarity = subjectSimilarities[answer][subject]
                    if similarity > nearestThemeSimilarity[answer], similarity > (best?.similarity ?? -.infinity) { best = (index, similarity) }
                }
            }
            alsoSpeaksTo[answer] = best?.group
        }
        return Reading(nearestTheme: nearestTheme, groups: groups.map(\.answers), groupSubjects: groups.map { $0.subjects[0] },
                       alsoSpeaksTo: alsoSpeaksTo)
    }

    /// The largest value and its index (the first on ties).
    private static func best(_ values: [Float]) -> (index: Int, value: Float) {
        var result = (index: 0, value: -Float.infinity)
        for (index, value) in values.enumerated() where value > result.value { result = (index, value) }
        return result
    }

    /// Merges the most alike pair of groups while their centroids are `mergeSimilarity` alike; a
    /// merged group's subjects are ordered by how many answers speak to them (ties: inventory order).
    private func mergeAlike(_ candidates: [(answers: [Int], subjects: [Int])], speakerCounts: [Int]) -> [(answers: [Int], subjects: [Int])] {
        GroupMerging.mergingMostAlike(candidates, threshold: Self.mergeSimilarity, centroid: { centroid($0.answers) }) { first, second in
            ((first.answers + second.answers).sorted(),
             (first.subjects + second.subjects).sorted { (speakerCounts[$0], $1) > (speakerCounts[$1], $0) })
        }
    }

    /// The unit mean of the answers' rows.
    private func centroid(_ answers: [Int]) -> [Float] {
        DenseVector.unitMean(of: answers, rows: answerRows, dimensions: dimensions)
    }
}

extension SubjectMatcher {
    /// The matcher for a guided reading's semantic space (centered answer rows, theme anchors) and
    /// the subjects' rows of the same vectors (which must carry them).
    init(space: GuidedLatentSpace, semantic: SemanticVectors, minimumSize: Int, questionThemes: [Int?]) {
        self.questionThemes = questionThemes
        answerRows = space.rows
        dimensions = space.dimensions
        themeAnchors = space.anchors
        subjectAnchors = semantic.centeredRows(semantic.subjectRows)
        self.minimumSize = minimumSize
    }
}
