import Foundation

/// Dirichlet multinomial mixture for short texts, fitted by collapsed Gibbs sampling (GSDMM,
/// Yin & Wang 2014): each answer belongs to exactly one theme, which suits answers too short to
/// mix several topics, and themes are compared by their word counts rather than by centroids.
///
/// Word occurrences may carry shares (a compound and its m terms each count 1/m of a word). Counts
/// are kept in whole units (a word is `unitsPerWord` units, the least common multiple of the m's),
/// so every gamma function the sampler needs is a lookup in a table computed once per input.
struct DirichletMultinomialMixture {
    /// Prior weight of a theme's size (Yin & Wang's α): small values let large themes attract more.
    var alpha = 0.1
    /// Prior weight of each word in a theme (β): small values make themes share few words.
    var beta = 0.3
    /// Sweeps over all answers.
    var iterations = 30

    /// A document as distinct terms with their counts in units.
    struct Bag {
        /// Term ids, ascending.
        var terms: [Int]
        /// Units of each term.
        var counts: [Int]
        /// Sum of the counts.
        var length: Int
    }

    /// Documents ready for sampling: bags in units and the log-gamma tables of this mixture's priors.
    /// Built once and shared by all runs on the same answers.
    struct Prepared: Sendable {
        fileprivate let bags: [Bag]
        fileprivate let termCount: Int
        /// ln Γ(β + c / units) for every count c one term can reach.
        fileprivate let termLogGamma: [Double]
        /// ln Γ(Vβ + c / units) for every count c one theme can reach.
        fileprivate let themeLogGamma: [Double]
        /// ln(s + α) for every theme size s.
        fileprivate let logSizes: [Double]
    }

    /// Bags of `documents` (term ids with repeats), each occurrence weighted by its share 1/m of a
    /// word (`weights`), in units of 1/`unitsPerWord` of a word.
    static func bags(documents: [[Int32]], weights: [[Double]]) -> (bags: [Bag], unitsPerWord: Int) {
        var unitsPerWord = 1
        for share in Set(weights.joined()) where share > 0 {
            unitsPerWord = leastCommonMultiple(unitsPerWord, Int((1 / share).rounded()))
        }
        let bags = zip(documents, weights).map { terms, shares in
            var counts: [Int32: Int] = [:]
            for (term, share) in zip(terms, shares) {
                counts[term, default: 0] += Int((share * Double(unitsPerWord)).rounded())
            }
            let sorted = counts.keys.sorted()
            let values = sorted.map { counts[$0]! }
            return Bag(terms: sorted.map(Int.init), counts: values, length: values.reduce(0, +))
        }
        return (bags, unitsPerWord)
    }

    /// The documents with the tables the sampler reads.
    func prepare(documents: [[Int32]], weights: [[Double]], termCount: Int) -> Prepared {
        let (bags, unitsPerWord) = Self.bags(documents: documents, weights: weights)
        var termTotals = [Int: Int]()
        for bag in bags {
            for (term, count) in zip(bag.terms, bag.counts) { termTotals[term, default: 0] += count }
        }
        let priorMass = Double(termTotals.count) * beta
        let units = Double(unitsPerWord)
        let largestTermTotal = termTotals.values.max() ?? 0
        let allUnits = bags.reduce(0) { $0 + $1.length }
        return Prepared(
            bags: bags,
            termCount: termCount,
            termLogGamma: (0...largestTermTotal).map { lgamma(beta + Double($0) / units) },
            themeLogGamma: (0...allUnits).map { lgamma(priorMass + Double($0) / units) },
            logSizes: (0...bags.count).map { log(Double($0) + alpha) }
        )
    }

    /// Clusters the prepared documents into at most `k` groups from a uniformly random start; some
    /// groups may end empty.
    func cluster(_ prepared: Prepared, k: Int, random: inout SplitMix64) -> [Int] {
        let bags = prepared.bags
        var labels = bags.indices.map { _ in random.nextIndex(below: k) }
        // The sweep's counts live in plain buffers: arrays captured by a nested function would be
        // checked for exclusive access and uniqueness on every update of the hot loop.
        let themeSizes = UnsafeMutableBufferPointer<Int>.allocate(capacity: k)
        let themeUnits = UnsafeMutableBufferPointer<Int>.allocate(capacity: k)
        // Term-major (a term's counts in all themes side by side): one answer's terms touch k
        // neighbouring counts each instead of k scattered ones.
        let termUnits = UnsafeMutableBufferPointer<Int>.allocate(capacity: prepared.termCount * k)
        let weights = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
        defer {
            themeSizes.deallocate()
            themeUnits.deallocate()
            termUnits.deallocate()
            weights.deallocate()
        }
        themeSizes.initialize(repeating: 0)
        themeUnits.initialize(repeating: 0)
        termUnits.initialize(repeating: 0)
        weights.initialize(repeating: 0)
        func move(_ bag: Bag, to theme: Int, by sign: Int) {
            themeSizes[theme] += sign
            themeUnits[theme] += sign * bag.length
            for position in bag.terms.indices { termUnits[bag.terms[position] * k + theme] += sign * bag.counts[position] }
        }
        for document in bags.indices { move(bags[document], to: labels[document], by: 1) }
        prepared.termLogGamma.withUnsafeBufferPointer { termLogGamma in
            prepared.themeLogGamma.withUnsafeBufferPointer { themeLogGamma in
                for _ in 0..<iterations {
                    var changed = 0
                    for document in bags.indices {
                        let bag = bags[document]
                        move(bag, to: labels[document], by: -1)
                        // ln p(theme | rest) up to a constant: the size prior, each term's rising
                        // factorial Γ(n + c) / Γ(n), and the theme length's one in the denominator.
                        for theme in 0..<k { weights[theme] = prepared.logSizes[themeSizes[theme]] }
                        for position in bag.terms.indices {
                            let offset = bag.terms[position] * k
                            let count = bag.counts[position]
                            for theme in 0..<k {
                                let current = termUnits[offset + theme]
                                weights[theme] += termLogGamma[current + count] - termLogGamma[current]
                            }
                        }
                        // An empty bag changes nothing (and Γ(0) would make ∞ − ∞ of it).
                        if bag.length > 0 {
                            for theme in 0..<k {
                                let length = themeUnits[theme]
                                weights[theme] -= themeLogGamma[length + bag.length] - themeLogGamma[length]
                            }
                        }
                        let chosen = Self.sample(logWeights: weights, random: &random)
                        if chosen != labels[document] { changed += 1 }
                        labels[document] = chosen
                        move(bag, to: chosen, by: 1)
                    }
                    if changed == 0 { break }
                }
            }
        }
        return labels
    }

    /// Draws an index with probability proportional to exp(logWeights); overwrites the weights.
    private static func sample(logWeights weights: UnsafeMutableBufferPointer<Double>, random: inout SplitMix64) -> Int {
        let top = weights.max() ?? 0
        var total = 0.0
        for index in weights.indices {
            weights[index] = exp(weights[index] - top)
            total += weights[index]
        }
        var target = random.nextUnit() * total
        for index in weights.indices {
            target -= weights[index]
            if target <= 0 { return index }
        }
        return weights.count - 1
    }

    private static func leastCommonMultiple(_ first: Int, _ second: Int) -> Int {
        var (divisor, remainder) = (first, second)
        while remainder != 0 { (divisor, remainder) = (remainder, divisor % remainder) }
        return first / divisor * second
    }
}
