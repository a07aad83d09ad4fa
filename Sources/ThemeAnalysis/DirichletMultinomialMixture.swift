import Foundation

/// Dirichlet multinomial mixture for short texts, fitted by collapsed Gibbs sampling (GSDMM,
/// Yin & Wang 2014): each answer belongs to exactly one theme, which suits answers too short to
/// mix several topics, and themes are compared by their word counts rather than by centroids.
///
/// Word occurrences may carry weights (a compound and its parts together count as one word);
/// the sampling formula then uses the gamma function for the fractional counts.
struct DirichletMultinomialMixture {
    /// Prior weight of a theme's size (Yin & Wang's α): small values let large themes attract more.
    var alpha = 0.1
    /// Prior weight of each word in a theme (β): small values make themes share few words.
    var beta = 0.3
    /// Sweeps over all answers.
    var iterations = 30

    /// A document as distinct terms with their (weighted) counts.
    struct Bag {
        /// Term ids, ascending.
        var terms: [Int]
        /// Weighted count of each term.
        var counts: [Double]
        /// Sum of the counts.
        var length: Double
    }

    /// Bags of `documents` (term ids with repeats), each occurrence weighted by `weights`.
    static func bags(documents: [[Int32]], weights: [[Double]]) -> [Bag] {
        zip(documents, weights).map { terms, occurrenceWeights in
            var counts: [Int32: Double] = [:]
            for (term, weight) in zip(terms, occurrenceWeights) { counts[term, default: 0] += weight }
            let sorted = counts.keys.sorted()
            let values = sorted.map { counts[$0]! }
            return Bag(terms: sorted.map(Int.init), counts: values, length: values.reduce(0, +))
        }
    }

    /// Clusters the bags (over `termCount` terms) into at most `k` groups from a uniformly random
    /// start; some groups may end empty.
    func cluster(_ bags: [Bag], termCount: Int, k: Int, random: inout SplitMix64) -> [Int] {
        let count = bags.count
        var vocabulary = Set<Int>()
        for bag in bags { vocabulary.formUnion(bag.terms) }
        let priorMass = Double(vocabulary.count) * beta
        var labels = (0..<count).map { _ in random.nextIndex(below: k) }
        var clusterSizes = Array(repeating: 0, count: k)
        var clusterWords = Array(repeating: 0.0, count: k)
        var wordCounts = Array(repeating: 0.0, count: k * termCount)
        // Logarithms the sampler needs, kept up to date as answers move (the sweep's hot loop is
        // then mostly additions).
        var logWordMass = Array(repeating: log(beta), count: k * termCount)
        let emptyClusterLogGamma: Double = lgamma(priorMass)
        var logGammaClusterWords = Array(repeating: emptyClusterLogGamma, count: k)
        var logClusterSizes = Array(repeating: log(alpha), count: k)
        func move(_ document: Int, to cluster: Int, by sign: Double) {
            clusterSizes[cluster] += Int(sign)
            logClusterSizes[cluster] = log(Double(clusterSizes[cluster]) + alpha)
            clusterWords[cluster] += sign * bags[document].length
            logGammaClusterWords[cluster] = lgamma(max(0, clusterWords[cluster]) + priorMass)
            let bag = bags[document]
            for position in bag.terms.indices {
                let index = cluster * termCount + bag.terms[position]
                wordCounts[index] += sign * bag.counts[position]
                logWordMass[index] = log(max(0, wordCounts[index]) + beta)
            }
        }
        for document in 0..<count { move(document, to: labels[document], by: 1) }
        var logWeights = Array(repeating: 0.0, count: k)
        for _ in 0..<iterations {
            var changed = 0
            for document in 0..<count {
                move(document, to: labels[document], by: -1)
                let bag = bags[document]
                for cluster in 0..<k {
                    var value = logClusterSizes[cluster]
                    let offset = cluster * termCount
                    for position in bag.terms.indices {
                        let index = offset + bag.terms[position]
                        let times = bag.counts[position]
                        if times == 1 {
                            value += logWordMass[index]
                        } else {
                            let mass = max(0, wordCounts[index]) + beta
                            value += lgamma(mass + times) - lgamma(mass)
                        }
                    }
                    value -= lgamma(max(0, clusterWords[cluster]) + priorMass + bag.length) - logGammaClusterWords[cluster]
                    logWeights[cluster] = value
                }
                let chosen = Self.sample(logWeights: logWeights, random: &random)
                if chosen != labels[document] { changed += 1 }
                labels[document] = chosen
                move(document, to: chosen, by: 1)
            }
            if changed == 0 { break }
        }
        return labels
    }

    /// Draws an index with probability proportional to exp(logWeights).
    private static func sample(logWeights: [Double], random: inout SplitMix64) -> Int {
        let top = logWeights.max() ?? 0
        var total = 0.0
        for value in logWeights { total += exp(value - top) }
        var target = random.nextUnit() * total
        for (index, value) in logWeights.enumerated() {
            target -= exp(value - top)
            if target <= 0 { return index }
        }
        return logWeights.count - 1
    }
}
