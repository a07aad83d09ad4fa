/// Greedy agglomeration of groups by their centroids, as both ways of finding emerging themes
/// merge subjects citizens speak of as one.
enum GroupMerging {
    /// Merges the most alike pair of groups (dot product of their unit centroids; ties: the earliest
    /// pair) while that similarity is at least `threshold`. `centroid` places a group, `merged`
    /// joins two (the first's place keeps the result).
    static func mergingMostAlike<Group>(_ candidates: [Group], threshold: Float, centroid: (Group) -> [Float],
                                        merged: (Group, Group) -> Group) -> [Group] {
        var groups = candidates
        var centroids = groups.map(centroid)
        while groups.count > 1 {
            var best: (similarity: Float, first: Int, second: Int)?
            for first in groups.indices {
                for second in (first + 1)..<groups.count {
                    let similarity = DenseVector.dot(centroids[first][...], centroids[second][...])
                    if similarity >= threshold, similarity > (best?.similarity ?? -.infinity) { best = (similarity, first, second) }
                }
            }
            guard let best else { break }
            groups[best.first] = merged(groups[best.first], groups[best.second])
            groups.remove(at: best.second)
            centroids.remove(at: best.second)
            centroids[best.first] = centroid(groups[best.first])
        }
        return groups
    }
}
