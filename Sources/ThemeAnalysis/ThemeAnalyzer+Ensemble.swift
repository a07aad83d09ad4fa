/// Discovery by an ensemble of two views of the answers, reconciled by consensus.
extension ThemeAnalyzer {
    /// Partitions per view: spherical k-means runs in the latent space and GSDMM runs on the words.
    static let ensembleRunsPerView = 10
    /// Answers the ensemble is fitted on; the rest join the nearest consensus theme.
    static let ensembleSampleLimit = 2_000

    /// Exactly `k` clusters (labels per position of `answers`): 10 single-seed spherical k-means
    /// partitions of the latent embedding (which sees co-occurring words) and 10 Dirichlet
    /// multinomial mixture partitions of the words themselves (made for short texts), combined by
    /// consensus. Neither view alone is stable on a few dozen short answers; together they agree
    /// on what both see.
    ///
    /// With a semantic view (`semanticMeans`: rows joining the centered semantic vectors and the
    /// latent rows), 10 spherical k-means runs on those rows join as a third view.
    func ensembleLabels(corpus: AnswerCorpus, answers: [Int], kMeans: SphericalKMeans, semanticMeans: SphericalKMeans? = nil,
                        k: Int, random: inout SplitMix64) -> [Int] {
        let sample = random.sampleIndices(count: Self.ensembleSampleLimit, from: answers.count)
        let dimensions = kMeans.dimensions
        let sampleRows = sample.flatMap { kMeans.rows[($0 * dimensions)..<(($0 + 1) * dimensions)] }
        let sampleMeans = SphericalKMeans(rows: sampleRows, count: sample.count, dimensions: dimensions)
        let sampleSemantic = semanticMeans.map { means in
            SphericalKMeans(rows: sample.flatMap { means.rows[($0 * means.dimensions)..<(($0 + 1) * means.dimensions)] },
                            count: sample.count, dimensions: means.dimensions)
        }
        // Terms in one answer only cannot group answers; the rest keep their occurrence weights.
        let shared = sample.map { position -> (terms: [Int32], weights: [Double]) in
            let document = corpus.documents[answers[position]]
            let kept = document.indices.filter { corpus.documentFrequency[Int(document[$0])] >= 2 }
            return (kept.map { document[$0] }, kept.map { corpus.occurrenceWeights[answers[position]][$0] })
        }
        let mixture = DirichletMultinomialMixture()
        let words = mixture.prepare(documents: shared.map(\.terms), weights: shared.map(\.weights), termCount: corpus.termCount)
        // Each run has its own generator, seeded in order, so the runs can share the cores and the
        // result is still the same for the same input.
        let seeds = (0..<(2 * Self.ensembleRunsPerView)).map { _ in random.next() }
        // Drawn after the word views' seeds, so the word-only ensemble is unchanged by the option.
        let semanticSeeds = sampleSemantic == nil ? [] : (0..<Self.ensembleRunsPerView).map { _ in random.next() }
        let partitions = ParallelRuns.map(count: seeds.count + semanticSeeds.count) { run in
            if run >= seeds.count, let sampleSemantic {
                var runRandom = SplitMix64(seed: semanticSeeds[run - seeds.count])
                return sampleSemantic.cluster(k: k, restarts: 1, random: &runRandom).labels
            }
            var runRandom = SplitMix64(seed: seeds[run])
            return run < Self.ensembleRunsPerView
                ? sampleMeans.cluster(k: k, restarts: 1, random: &runRandom).labels
                : mixture.cluster(words, k: k, random: &runRandom)
        }
        let consensus = ConsensusClustering(partitions: partitions, count: sample.count, k: k).cluster(random: &random)
        var labels = consensus
        if sample.count < answers.count {
            let centroids = sampleMeans.centroids(of: consensus, k: k)
            labels = (0..<answers.count).map { kMeans.nearestCluster(of: $0, centroids: centroids, k: k) }
        }
        var clustering = SphericalKMeans.Clustering(labels: labels, centroids: kMeans.centroids(of: labels, k: k), objective: 0)
        kMeans.fillEmptyClusters(&clustering, k: k)
        return clustering.labels
    }
}
