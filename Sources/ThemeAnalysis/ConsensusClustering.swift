/// Consensus of several partitions of the same answers (evidence accumulation, Fred & Jain 2005):
/// two answers belong together when many partitions put them together. The consensus is found by
/// spherical k-means on each answer's membership vector (its cluster in every partition, one-hot,
/// concatenated; Topchy, Jain & Punch 2005), whose dot products are exactly the co-association
/// counts, without ever forming the n × n matrix.
struct ConsensusClustering {
    /// Partitions of the same `count` answers, each a label per answer in 0..<k.
    let partitions: [[Int]]
    /// Number of answers.
    let count: Int
    /// Largest label + 1 over all partitions.
    let k: Int

    /// Groups the answers into `k` clusters agreeing best with the partitions; `restarts` seeds,
    /// the highest total similarity wins.
    func cluster(restarts: Int = 10, iterations: Int = 50, random: inout SplitMix64) -> [Int] {
        guard count > 0, !partitions.isEmpty else { return Array(repeating: 0, count: count) }
        // Seeds are drawn in order from the one generator; the restarts then run side by side and
        // are compared in order, so the winner does not depend on which finishes first.
        let seeds = (0..<max(restarts, 1)).map { _ in seed(random: &random) }
        let columns = membershipColumns()
        let results = ParallelRuns.map(count: seeds.count) { restart in
            lloyd(seeds: seeds[restart], columns: columns, iterations: iterations)
        }
        var best = results[0]
        for result in results.dropFirst() where result.objective > best.objective + 1e-9 { best = result }
        return best.labels
    }

    /// For each answer, the position of its label in each partition's block of a membership
    /// vector (`partition × k + label`), answer by answer: the non-zero entries of its vector.
    private func membershipColumns() -> [Int32] {
        var columns = Array(repeating: Int32(0), count: count * partitions.count)
        for (partition, labels) in partitions.enumerated() {
            for answer in 0..<count { columns[answer * partitions.count + partition] = Int32(partition * k + labels[answer]) }
        }
        return columns
    }

    /// Fraction of partitions in which answers `a` and `b` share a cluster.
    private func agreement(_ a: Int, _ b: Int) -> Double {
        var same = 0
        for labels in partitions where labels[a] == labels[b] { same += 1 }
        return Double(same) / Double(partitions.count)
    }

    /// k-means++ seeding with 1 − agreement as the distance; returns the seed answers.
    private func seed(random: inout SplitMix64) -> [Int] {
        var seeds = [random.nextIndex(below: count)]
        var nearest = Array(repeating: 1.0, count: count)
        while seeds.count < min(k, count) {
            var total = 0.0
            for index in 0..<count {
                nearest[index] = min(nearest[index], 1 - agreement(index, seeds[seeds.count - 1]))
                total += nearest[index]
            }
            guard total > 0 else { break }
            var target = random.nextUnit() * total
            var chosen = count - 1
            for index in 0..<count {
                target -= nearest[index]
                if target <= 0 {
                    chosen = index
                    break
                }
            }
            seeds.append(chosen)
        }
        return seeds
    }

    /// Lloyd iterations on membership vectors; a centroid is the normalised count of its members'
    /// labels in each partition, so an answer's similarity is a sum of one entry per partition.
    private func lloyd(seeds: [Int], columns: [Int32], iterations: Int) -> (labels: [Int], objective: Double) {
        let clusterCount = seeds.count
        let partitionCount = partitions.count
        let width = partitionCount * k
        var centroids = Array(repeating: 0.0, count: clusterCount * width)
        for (cluster, answer) in seeds.enumerated() {
            for partition in 0..<partitionCount { centroids[cluster * width + Int(columns[answer * partitionCount + partition])] = 1 }
        }
        Self.normalize(&centroids, rows: clusterCount, width: width)
        var labels = Array(repeating: -1, count: count)
        var objective = 0.0
        for _ in 0..<iterations {
            var changed = false
            objective = 0
            for answer in 0..<count {
                var bestCluster = 0
                var bestSimilarity = -Double.infinity
                let answerColumns = answer * partitionCount
                for cluster in 0..<clusterCount {
                    var similarity = 0.0
                    let offset = cluster * width
                    for partition in 0..<partitionCount {
                        similarity += centroids[offset + Int(columns[answerColumns + partition])]
                    }
                    if similarity > bestSimilarity + 1e-12 {
                        bestSimilarity = similarity
                        bestCluster = cluster
                    }
                }
                objective += bestSimilarity
                if labels[answer] != bestCluster {
                    labels[answer] = bestCluster
                    changed = true
                }
            }
            if !changed { break }
            var sums = Array(repeating: 0.0, count: clusterCount * width)
            for answer in 0..<count {
                for partition in 0..<partitionCount {
                    sums[labels[answer] * width + Int(columns[answer * partitionCount + partition])] += 1
                }
            }
            Self.normalize(&sums, rows: clusterCount, width: width)
            for cluster in 0..<clusterCount where sums[(cluster * width)..<((cluster + 1) * width)].contains(where: { $0 != 0 }) {
                centroids.replaceSubrange((cluster * width)..<((cluster + 1) * width), with: sums[(cluster * width)..<((cluster + 1) * width)])
            }
        }
        return (labels, objective)
    }

    /// Scales each of `rows` rows of `width` to unit length (zero rows stay zero).
    private static func normalize(_ matrix: inout [Double], rows: Int, width: Int) {
        for row in 0..<rows {
            var sum = 0.0
            for index in (row * width)..<((row + 1) * width) { sum += matrix[index] * matrix[index] }
            guard sum > 0 else { continue }
            let scale = 1 / sum.squareRoot()
            for index in (row * width)..<((row + 1) * width) { matrix[index] *= scale }
        }
    }
}
