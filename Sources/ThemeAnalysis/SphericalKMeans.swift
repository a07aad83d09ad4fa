/// Spherical k-means (cosine similarity) on unit-length dense rows, with deterministic k-means++
/// seeding and several restarts on a sample; the best restart is then refined on all rows.
struct SphericalKMeans {
    /// Row-major unit vectors, `count` × `dimensions`.
    let rows: [Float]
    /// Number of rows.
    let count: Int
    /// Length of each row.
    let dimensions: Int

    /// The outcome: a cluster per row, the unit centroids and the summed similarity.
    struct Clustering {
        /// Cluster of each row (0..<k), every cluster non-empty when k ≤ rows.
        var labels: [Int]
        /// Row-major unit centroids, k × dimensions.
        var centroids: [Float]
        /// Sum over rows of the similarity to their centroid (higher is tighter).
        var objective: Double
    }

    /// Clusters into `k` groups; `restarts` seeds are tried on at most `sampleLimit` rows.
    func cluster(k: Int, restarts: Int = 10, sampleLimit: Int = 2_000, random: inout SplitMix64) -> Clustering {
        let sample = random.sampleIndices(count: sampleLimit, from: count)
        var best: Clustering?
        for _ in 0..<max(restarts, 1) {
            let seeds = seedCentroids(k: k, among: sample, random: &random)
            let result = lloyd(centroids: seeds, k: k, members: sample, iterations: 50)
            if best == nil || result.objective > best!.objective + 1e-9 { best = result }
        }
        var final = lloyd(centroids: best!.centroids, k: k, members: Array(0..<count), iterations: sample.count == count ? 1 : 10)
        fillEmptyClusters(&final, k: k)
        return final
    }

    /// Unit centroids (row-major, k × dimensions) of the given labels.
    func centroids(of labels: [Int], k: Int) -> [Float] {
        var sums = Array(repeating: Float(0), count: k * dimensions)
        for (index, label) in labels.enumerated() {
            for dimension in 0..<dimensions { sums[label * dimensions + dimension] += rows[index * dimensions + dimension] }
        }
        for cluster in 0..<k {
            var centroid = Array(sums[(cluster * dimensions)..<((cluster + 1) * dimensions)])
            DenseVector.normalize(&centroid)
            sums.replaceSubrange((cluster * dimensions)..<((cluster + 1) * dimensions), with: centroid)
        }
        return sums
    }

    /// Similarity of row `index` to every centroid.
    func similarities(of index: Int, centroids: [Float], k: Int) -> [Float] {
        let row = rows[(index * dimensions)..<((index + 1) * dimensions)]
        return (0..<k).map { DenseVector.dot(row, centroids[($0 * dimensions)..<(($0 + 1) * dimensions)]) }
    }

    /// The centroid (of `k`, row-major) most similar to row `index` (ties: the lower cluster).
    func nearestCluster(of index: Int, centroids: [Float], k: Int) -> Int {
        rows.withUnsafeBufferPointer { data in
            centroids.withUnsafeBufferPointer { Self.nearest(row: index, data: data, centroids: $0, k: k, dimensions: dimensions).0 }
        }
    }

    /// The most similar centroid of one row (ties: the lower cluster) and the similarity.
    private static func nearest(row: Int, data: UnsafeBufferPointer<Float>, centroids: UnsafeBufferPointer<Float>, k: Int, dimensions: Int) -> (Int, Float) {
        let offset = row * dimensions
        var best = 0
        var bestSimilarity = -Float.infinity
        for cluster in 0..<k {
            let sum = DenseVector.dot(data.baseAddress! + offset, centroids.baseAddress! + cluster * dimensions, count: dimensions)
            if sum > bestSimilarity {
                bestSimilarity = sum
                best = cluster
            }
        }
        return (best, bestSimilarity)
    }

    /// k-means++: the first seed uniformly, then proportional to (1 − similarity to the nearest seed).
    private func seedCentroids(k: Int, among members: [Int], random: inout SplitMix64) -> [Float] {
        var centroids: [Float] = []
        var nearest = Array(repeating: Float(-2), count: members.count)
        var chosen = members[random.nextIndex(below: members.count)]
        for seedIndex in 0..<k {
            centroids.append(contentsOf: rows[(chosen * dimensions)..<((chosen + 1) * dimensions)])
            if seedIndex == k - 1 { break }
            let centroid = centroids[(seedIndex * dimensions)...]
            var total = 0.0
            for (position, member) in members.enumerated() {
                let similarity = DenseVector.dot(rows[(member * dimensions)..<((member + 1) * dimensions)], centroid)
                nearest[position] = max(nearest[position], similarity)
                total += Double(max(0, 1 - nearest[position]))
            }
            guard total > 0 else {
                chosen = members[random.nextIndex(below: members.count)]
                continue
            }
            var target = random.nextUnit() * total
            chosen = members[members.count - 1]
            for (position, member) in members.enumerated() {
                target -= Double(max(0, 1 - nearest[position]))
                if target <= 0 {
                    chosen = member
                    break
                }
            }
        }
        return centroids
    }

    /// Lloyd iterations over `members` (other rows get labels only at the end).
    private func lloyd(centroids start: [Float], k: Int, members: [Int], iterations: Int) -> Clustering {
        var centroids = start
        var labels = Array(repeating: -1, count: count)
        var objective = 0.0
        for _ in 0..<iterations {
            var changed = false
            objective = 0
            var sums = Array(repeating: Float(0), count: k * dimensions)
            rows.withUnsafeBufferPointer { data in
                centroids.withUnsafeBufferPointer { centres in
                    for member in members {
                        let (bestCluster, similarity) = Self.nearest(row: member, data: data, centroids: centres, k: k, dimensions: dimensions)
                        objective += Double(similarity)
                        if labels[member] != bestCluster {
                            labels[member] = bestCluster
                            changed = true
                        }
                        let offset = member * dimensions
                        let target = bestCluster * dimensions
                        for dimension in 0..<dimensions { sums[target + dimension] += data[offset + dimension] }
                    }
                }
            }
            for cluster in 0..<k {
                var centroid = Array(sums[(cluster * dimensions)..<((cluster + 1) * dimensions)])
                DenseVector.normalize(&centroid)
                if centroid.contains(where: { $0 != 0 }) {
                    centroids.replaceSubrange((cluster * dimensions)..<((cluster + 1) * dimensions), with: centroid)
                }
            }
            if !changed { break }
        }
        if members.count != count {
            for index in 0..<count where labels[index] < 0 {
                let similarities = similarities(of: index, centroids: centroids, k: k)
                labels[index] = similarities.indices.max { similarities[$0] < similarities[$1] || (similarities[$0] == similarities[$1] && $0 > $1) } ?? 0
            }
        }
        return Clustering(labels: labels, centroids: centroids, objective: objective)
    }

    /// Gives every empty cluster the row that fits its own cluster worst (from clusters with more
    /// than one row), so that exactly k themes come out.
    func fillEmptyClusters(_ clustering: inout Clustering, k: Int) {
        guard count >= k else { return }
        for cluster in 0..<k {
            var sizes = Array(repeating: 0, count: k)
            for label in clustering.labels { sizes[label] += 1 }
            guard sizes[cluster] == 0 else { continue }
            var worst = -1
            var worstSimilarity = Float.infinity
            for index in 0..<count where sizes[clustering.labels[index]] > 1 {
                let label = clustering.labels[index]
                let similarity = DenseVector.dot(rows[(index * dimensions)..<((index + 1) * dimensions)],
                                                 clustering.centroids[(label * dimensions)..<((label + 1) * dimensions)])
                if similarity < worstSimilarity {
                    worstSimilarity = similarity
                    worst = index
                }
            }
            guard worst >= 0 else { continue }
            clustering.labels[worst] = cluster
            clustering.centroids.replaceSubrange((cluster * dimensions)..<((cluster + 1) * dimensions),
                                                 with: rows[(worst * dimensions)..<((worst + 1) * dimensions)])
        }
    }
}
