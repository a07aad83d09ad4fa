import XCTest
@testable import ThemeAnalysis

final class EnsembleClusteringTests: XCTestCase {
    /// Two groups of answers with disjoint words: the mixture puts each group together.
    func testDirichletMixtureSeparatesDisjointVocabularies() {
        let documents: [[Int32]] = (0..<12).map { index in index < 6 ? [0, 1, 2] : [3, 4, 5] }
        let mixture = DirichletMultinomialMixture()
        let prepared = mixture.prepare(documents: documents, weights: documents.map { $0.map { _ in 1 } }, termCount: 6)
        var random = SplitMix64(seed: 3)
        let labels = mixture.cluster(prepared, k: 2, random: &random)
        XCTAssertEqual(Set(labels[0..<6]).count, 1)
        XCTAssertEqual(Set(labels[6..<12]).count, 1)
        XCTAssertNotEqual(labels[0], labels[6])
    }

    /// Shares add up per term in whole units (here a word is 2 units), and a bag's length is their sum.
    func testBagsAddOccurrenceWeights() {
        let (bags, unitsPerWord) = DirichletMultinomialMixture.bags(documents: [[4, 2, 4]], weights: [[0.5, 1, 0.5]])
        XCTAssertEqual(unitsPerWord, 2)
        XCTAssertEqual(bags[0].terms, [2, 4])
        XCTAssertEqual(bags[0].counts, [2, 2])
        XCTAssertEqual(bags[0].length, 4)
    }

    /// Shares of a third and a quarter of a word need twelve units per word to stay whole.
    func testUnitsCoverEveryShare() {
        let (bags, unitsPerWord) = DirichletMultinomialMixture.bags(documents: [[1, 1, 1], [1, 2, 2, 2, 2]], weights: [[1.0 / 3, 1.0 / 3, 1.0 / 3], [1, 0.25, 0.25, 0.25, 0.25]])
        XCTAssertEqual(unitsPerWord, 12)
        XCTAssertEqual(bags[0].counts, [12])
        XCTAssertEqual(bags[1].counts, [12, 12])
    }

    /// Partitions that disagree only in label names and in one noisy answer give the shared grouping.
    func testConsensusRecoversTheAgreedPartition() {
        let truth = [0, 0, 0, 1, 1, 1, 2, 2, 2]
        var partitions = [truth, truth.map { (2 - $0) }, truth.map { ($0 + 1) % 3 }]
        var noisy = truth
        noisy[0] = 1
        partitions.append(noisy)
        var random = SplitMix64(seed: 1)
        let labels = ConsensusClustering(partitions: partitions, count: truth.count, k: 3).cluster(random: &random)
        XCTAssertEqual(ThemeAnalyzerTestsSupport.groups(labels), ThemeAnalyzerTestsSupport.groups(truth))
    }

    /// A compound and its parts together weigh one word in the mixture's counts.
    func testCompoundAndPartsShareOneOccurrence() {
        let options = ThemeAnalysisOptions(language: .danish, lexicon: Lexicon(lines: "forening\nliv\nlivet\n"))
        let corpus = AnswerCorpus(texts: ["foreningslivet", "forening"], options: options)
        XCTAssertGreaterThan(corpus.documents[0].count, 1)
        XCTAssertEqual(corpus.occurrenceWeights[0].reduce(0, +), 1, accuracy: 1e-9)
        XCTAssertEqual(corpus.occurrenceWeights[1], [1])
    }
}

/// Helpers shared by the clustering tests.
enum ThemeAnalyzerTestsSupport {
    /// The partition as a set of member sets, independent of label names.
    static func groups(_ labels: [Int]) -> Set<Set<Int>> {
        var members: [Int: Set<Int>] = [:]
        for (index, label) in labels.enumerated() { members[label, default: []].insert(index) }
        return Set(members.values)
    }
}
