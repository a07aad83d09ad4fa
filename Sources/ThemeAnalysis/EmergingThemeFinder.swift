/// Finds the subjects the guided themes do not name, among all answers (also those that fit a
/// guided theme too): the answers are grouped finely by what they say, each group is claimed by
/// the guided theme its answers speak to, and the groups no theme claims, merged where they are
/// alike, are the emerging themes.
///
/// A group is claimed when its answers' mean affinity for a theme (`ThemeAffinity`, z-scores) is
/// at least `claimThreshold`, or when most of its answers use that theme's own words: a group of
/// answers about the theme's subject stands out from the rest, a group about buses or MitID does
/// not, even when single answers mention children or the elderly. How many emerging themes there
/// are follows from the data.
struct EmergingThemeFinder {
    /// A group whose mean affinity for some guided theme reaches this is that theme's.
    static let claimThreshold: Float = 0.8
    /// Unclaimed groups merge while their centroids are this many standard deviations more alike
    /// than two groups are on average.
    static let mergeDeviations: Float = 1.0
    /// The fine grouping has about this many times √n groups (0.5, 0.7, 1.0 and 1.5 were tried;
    /// docs/theme-analysis.md).
    static let fineGroupFactor = 0.7
    /// Most groups of the fine grouping (it runs on every answer of large runs).
    static let maximumGroups = 40

    /// Unit rows to group by (count × dimensions, row-major; an all-zero row is left out).
    let rows: [Float]
    /// Length of a row.
    let dimensions: Int
    /// The answers' affinities for the guided themes.
    let affinity: ThemeAffinity
    /// Each answer's direct evidence: the guided theme whose own words it shares most (nil: none).
    let evidence: [Int?]
    /// Fewest answers an emerging theme needs.
    let minimumSize: Int
    /// A group is also claimed when at least this share of its answers uses the words of one guided
    /// theme: a theme's name need not cover every way its subject is written about.
    static let evidenceShare: Float = 0.4

    /// Number of groups of the fine grouping of `count` answers with `themeCount` guided themes:
    /// about √n, at least twice the guided themes, at most n / 3 and `maximumGroups`.
    static func fineGroupCount(answerCount count: Int, themeCount: Int) -> Int {
        min(max(2 * themeCount, Int((Self.fineGroupFactor * Double(count).squareRoot()).rounded())), count / 3, maximumGroups)
    }

    /// The emerging themes' answers (indices), largest first (ties: the earliest answer first),
    /// from a fine grouping of the answers (`fineGroupCount` groups).
    func emergingGroups(fineGroups groups: [[Int]]) -> [[Int]] {
        let unclaimed = groups.indices.filter { group in
            guard !groups[group].isEmpty else { return false }
            if (affinity.mean(of: groups[group]).max() ?? 0) >= Self.claimThreshold { return false }
            var counts: [Int: Int] = [:]
            for answer in groups[group] { if let theme = evidence[answer] { counts[theme, default: 0] += 1 } }
            return Float(counts.values.max() ?? 0) < Self.evidenceShare * Float(groups[group].count)
        }
        let merged = mergeAlike(unclaimed.map { groups[$0] }, allGroups: groups.filter { !$0.isEmpty })
        return ThemeAnalyzer.sortedBySize(merged.filter { $0.count >= minimumSize })
    }

    /// Merges the most alike pair of groups while their centroids' similarity is at least the mean
    /// pairwise similarity of all groups plus `mergeDeviations` standard deviations.
    private func mergeAlike(_ candidates: [[Int]], allGroups: [[Int]]) -> [[Int]] {
        let allCentroids = allGroups.map(centroid)
        var similarities: [Float] = []
        for first in allCentroids.indices {
            for second in (first + 1)..<allCentroids.count {
                similarities.append(DenseVector.dot(allCentroids[first][...], allCentroids[second][...]))
            }
        }
        guard similarities.count >= 2 else { return candidates }
        let mean = similarities.reduce(0, +) / Float(similarities.count)
        let deviation = (similarities.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(similarities.count)).squareRoot()
        let threshold = mean + Self.mergeDeviations * deviation
        return GroupMerging.mergingMostAlike(candidates, threshold: threshold, centroid: centroid, merged: +)
    }

    /// The unit mean of the answers' rows.
    private func centroid(_ answers: [Int]) -> [Float] {
        DenseVector.unitMean(of: answers, rows: rows, dimensions: dimensions)
    }
}
