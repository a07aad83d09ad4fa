/// Discovery: latent semantic embedding, the ensemble of k-means and GSDMM, and the automatic choice of k.
extension ThemeAnalyzer {
    /// Groups `answers` (indices into `vectors`) into clusters of answer indices, largest first
    /// (ties: the cluster holding the earliest answer first).
    /// With a semantic view (rows for every answer of the corpus), its runs join the ensemble.
    func discoverClusters(corpus: AnswerCorpus, vectors: [SparseVector], answers: [Int], fixedCount: Int?,
                          semantic: SemanticVectors? = nil, random: inout SplitMix64) -> [[Int]] {
        guard !answers.isEmpty else { return [] }
        // Words used once cannot make two answers alike; dropping them sharpens short vectors.
        let subset = answers.map { corpus.weightedVector(of: $0, minimumDocumentFrequency: 2) }
        let embedding = LatentSemanticEmbedding(
            vectors: subset, termCount: corpus.termCount,
            dimensions: Self.embeddingDimensions(answerCount: answers.count), random: &random
        )
        var rows: [Float] = []
        rows.reserveCapacity(answers.count * embedding.dimensions)
        for vector in subset { rows.append(contentsOf: embedding.embed(vector)) }
        let kMeans = SphericalKMeans(rows: rows, count: answers.count, dimensions: embedding.dimensions)
        let k: Int
        if let fixedCount {
            k = max(1, min(fixedCount, answers.count))
        } else {
            k = chooseThemeCount(kMeans, random: &random)
        }
        var labels = Array(repeating: 0, count: answers.count)
        if k > 1 && embedding.dimensions > 0 {
            var semanticMeans: SphericalKMeans?
            if let semantic {
                let joined = semantic.joinedRows(with: rows, otherDimensions: embedding.dimensions, answers: answers)
                semanticMeans = SphericalKMeans(rows: joined.rows, count: answers.count, dimensions: joined.dimensions)
            }
            labels = ensembleLabels(corpus: corpus, answers: answers, kMeans: kMeans, semanticMeans: semanticMeans, k: k, random: &random)
        }
        var clusters = Array(repeating: [Int](), count: k)
        for (position, label) in labels.enumerated() { clusters[label].append(answers[position]) }
        return Self.sortedBySize(clusters)
    }

    /// Dimensions of the embedding: n / 8 between 8 and 50 (enough to separate themes in large
    /// inputs, few enough to generalise over sparse short texts in small ones).
    static func embeddingDimensions(answerCount: Int) -> Int {
        max(min(8, answerCount - 1), min(50, answerCount / 8), 1)
    }

    /// The automatic number of themes: the k in 2…kmax with the highest mean silhouette (cosine
    /// distance, on a sample of at most 1,000 answers), where kmax = min(maximumThemeCount, n / 5);
    /// fewer than 10 answers make one theme. Ties go to the smaller k.
    func chooseThemeCount(_ kMeans: SphericalKMeans, random: inout SplitMix64) -> Int {
        let upper = min(options.maximumThemeCount, kMeans.count / 5)
        guard upper >= 2, kMeans.dimensions > 0 else { return 1 }
        let sample = random.sampleIndices(count: 1_000, from: kMeans.count)
        let sampleRows = sample.flatMap { kMeans.rows[($0 * kMeans.dimensions)..<(($0 + 1) * kMeans.dimensions)] }
        let sampleMeans = SphericalKMeans(rows: sampleRows, count: sample.count, dimensions: kMeans.dimensions)
        var bestK = 2
        var bestScore = -Double.infinity
        for k in 2...upper {
            let labels = sampleMeans.cluster(k: k, restarts: 4, random: &random).labels
            let score = Self.silhouette(sampleMeans, labels: labels, k: k)
            if score > bestScore + 1e-9 {
                bestScore = score
                bestK = k
            }
        }
        return bestK
    }

    /// Mean silhouette with cosine distance; rows in singleton clusters score 0.
    static func silhouette(_ kMeans: SphericalKMeans, labels: [Int], k: Int) -> Double {
        let count = kMeans.count
        let dimensions = kMeans.dimensions
        var sizes = Array(repeating: 0, count: k)
        for label in labels { sizes[label] += 1 }
        var total = 0.0
        for index in 0..<count {
            var distanceSums = Array(repeating: 0.0, count: k)
            let row = kMeans.rows[(index * dimensions)..<((index + 1) * dimensions)]
            for other in 0..<count where other != index {
                let similarity = DenseVector.dot(row, kMeans.rows[(other * dimensions)..<((other + 1) * dimensions)])
                distanceSums[labels[other]] += Double(1 - similarity)
            }
            let own = labels[index]
            guard sizes[own] > 1 else { continue }
            let cohesion = distanceSums[own] / Double(sizes[own] - 1)
            var separation = Double.infinity
            for cluster in 0..<k where cluster != own && sizes[cluster] > 0 {
                separation = min(separation, distanceSums[cluster] / Double(sizes[cluster]))
            }
            guard separation.isFinite else { continue }
            let larger = max(cohesion, separation)
            if larger > 0 { total += (separation - cohesion) / larger }
        }
        return total / Double(max(count, 1))
    }

    /// Non-empty clusters ordered by size, then by their earliest answer.
    static func sortedBySize(_ clusters: [[Int]]) -> [[Int]] {
        clusters.filter { !$0.isEmpty }.map { $0.sorted() }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0]
        }
    }
}
