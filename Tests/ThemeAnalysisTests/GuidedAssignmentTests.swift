import Foundation
import XCTest
@testable import ThemeAnalysis

final class GuidedAssignmentTests: XCTestCase {
    /// Two themes with answers that use their words, answers that only use the vocabulary of
    /// those answers, a pair about something else that share words only with each other, and
    /// one answer that shares no word with anything.
    static let answers: [AnswerText] = [
        "De ældre på plejehjemmet savner besøg",
        "Plejehjemmet mangler personale til de ældre",
        "Ensomme ældre har brug for besøgsvenner",
        "Flere aktiviteter for ældre på plejehjem",
        "Besøgsvenner gør en forskel for ensomme",
        "Bussen kører for sjældent om aftenen",
        "Flere busser og bedre cykelstier",
        "Cykelstien til skolen er farlig",
        "Bussen er altid forsinket om morgenen",
        "Togene er altid forsinket om morgenen",
        "Flere afgange med toget til byen",
        "Toget og bussen skal passe sammen",
        "Perronen på stationen trænger til renovering",
        "Stationen og perronen er mørk og utryg",
        "Kvantemekanik og sorte huller fascinerer",
    ].enumerated().map { AnswerText(id: "a\($0.offset + 1)", text: $0.element) }

    static let themes = [
        GuidedTheme(key: "aeldre", name: "Det gode ældreliv", keywords: ["plejehjem"]),
        GuidedTheme(key: "transport", name: "Transport", keywords: ["bus", "cykelsti"]),
    ]

    private func primaryThemes(_ result: ThemeAnalysisResult) -> [String: String] {
        Dictionary(uniqueKeysWithValues: result.assignments.map { ($0.id, $0.themes[0]) })
    }

    func testAnswersReachTheThemeOfTheAnswersTheyShareWordsWith() {
        let primary = primaryThemes(ThemeAnalyzer().assign(Self.answers, to: Self.themes))
        for id in ["a1", "a2", "a3", "a4", "a5"] { XCTAssertEqual(primary[id], "aeldre", id) }
        for id in ["a6", "a7", "a8", "a9", "a10", "a11", "a12"] { XCTAssertEqual(primary[id], "transport", id) }
    }

    func testAnswersFarFromEveryThemeStayInOther() {
        let result = ThemeAnalyzer().assign(Self.answers, to: Self.themes)
        let primary = primaryThemes(result)
        // The station pair is close only to itself: no theme is clearly nearest, so it stays out.
        XCTAssertEqual(primary["a13"], ThemeAnalysisResult.otherKey)
        XCTAssertEqual(primary["a14"], ThemeAnalysisResult.otherKey)
        XCTAssertEqual(primary["a15"], ThemeAnalysisResult.otherKey)
        for assignment in result.assignments where assignment.themes[0] == ThemeAnalysisResult.otherKey {
            XCTAssertEqual(assignment.scores.first, 0)
        }
    }

    func testExplanationTermsAreWordsOfTheAnswer() throws {
        let result = ThemeAnalyzer().assign(Self.answers, to: Self.themes)
        // Terms are shown in their most frequent written form ("bussen" for "busser"), so compare stems.
        let words = Set(Self.answers.flatMap { TextNormalizer.tokens(ofFolded: TextNormalizer.fold($0.text)) })
        let normalizer = TextNormalizer(lexicon: .empty, extraKnownWords: words)
        for (answer, assignment) in zip(Self.answers, result.assignments) where assignment.themes[0] != ThemeAnalysisResult.otherKey {
            XCTAssertFalse(assignment.terms.isEmpty, assignment.id)
            let stems = Set(normalizer.terms(of: answer.text, language: .danish).terms.map(\.stem))
            for term in assignment.terms {
                let stem = try XCTUnwrap(normalizer.terms(ofToken: term, language: .danish).first?.stem)
                XCTAssertTrue(stems.contains(stem), "\(term) not in \(answer.text)")
            }
        }
    }

    func testGuidedAssignmentIsByteIdenticalAcrossRuns() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for seed in UInt64(0)..<3 {
            let analyzer = ThemeAnalyzer(options: ThemeAnalysisOptions(seed: seed))
            XCTAssertEqual(
                try encoder.encode(analyzer.assign(Self.answers, to: Self.themes)),
                try encoder.encode(analyzer.assign(Self.answers, to: Self.themes))
            )
        }
    }

    /// A meeting's worth of answers gets the exact decomposition: the seed changes nothing.
    func testSmallInputsGetTheSameGuidedThemesForEverySeed() {
        // 90 answers mixing three topics' words: more answers than a randomized range has columns.
        let words = [
            ["ældre", "plejehjem", "hjemmehjælp", "ensomhed", "besøg", "pension", "demens", "rollator", "seniorer", "pleje"],
            ["skole", "børn", "lærer", "leg", "forældre", "klasse", "lektier", "frikvarter", "pædagog", "vuggestue"],
            ["bus", "cykelsti", "trafik", "parkering", "vej", "tog", "fortov", "lyskryds", "bilister", "rundkørsel"],
        ]
        let answers = (0..<90).map { index in
            let topic = words[index % 3]
            let other = words[(index / 3) % 3]
            return AnswerText(id: "a\(index)", text: "\(topic[index % 10]) \(topic[(index / 3) % 10]) \(other[(index / 7) % 10])")
        }
        let themes = [GuidedTheme(key: "aeldre", name: "Ældre og pleje"), GuidedTheme(key: "boern", name: "Børn og skole")]
        let reference = ThemeAnalyzer(options: ThemeAnalysisOptions(seed: 0)).assign(answers, to: themes)
        for seed in UInt64(1)..<6 {
            XCTAssertEqual(ThemeAnalyzer(options: ThemeAnalysisOptions(seed: seed)).assign(answers, to: themes).assignments, reference.assignments, "seed \(seed)")
        }
    }

    /// The latent space on its own: an answer that shares no word with either theme's words gets
    /// a latent similarity only towards the theme whose answers use its words.
    func testLatentSimilarityReachesAThemeWithoutSharedWords() throws {
        let texts = [
            "Bussen kører efter køreplanen", "Bussen har for få afgange", "Køreplanen for bussen er dårlig",
            "Flere afgange med bussen", "Bussen og køreplanen passer ikke",
            "Plejehjemmet savner besøg", "Besøg på plejehjemmet hjælper", "Plejehjemmet har brug for besøg",
            "Flere besøg på plejehjemmet", "Plejehjemmet og besøgsvenner",
            "Afgange og køreplan om aftenen",
        ]
        let options = ThemeAnalysisOptions()
        let corpus = AnswerCorpus(texts: texts + ["Transport", "Ældreliv"], options: options, countedDocuments: texts.count)
        let queries = [corpus.vector(ofTerms: corpus.documents[texts.count]), corpus.vector(ofTerms: corpus.documents[texts.count + 1])]
        let vectors = texts.indices.map { corpus.weightedVector(of: $0) }
        var random = SplitMix64(seed: 0)
        let space = GuidedLatentSpace(corpus: corpus, answerCount: texts.count, queries: queries, random: &random)
        let wordsOnly = queries.map { ThemeProfile(termCount: corpus.termCount, members: [], vectors: vectors, anchor: $0) }
        let target = texts.count - 1
        XCTAssertEqual(wordsOnly.map { $0.score(vectors[target]) }, [0, 0])
        XCTAssertTrue(space.isInformative(target))

        var scorer = GuidedScorer(space: space, semanticSpace: nil, profiles: wordsOnly, lexicalWeight: ThemeAnalyzer.guidedLexicalWeight)
        XCTAssertNil(scorer.choice(of: target, vector: vectors[target], minimum: 0.05), "words alone cannot place it")
        scorer.centroids = space.centroids(members: [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]])
        let scores = scorer.scores(of: target, vector: vectors[target])
        XCTAssertGreaterThan(scores[0], scores[1])
        XCTAssertEqual(scorer.choice(of: target, vector: vectors[target], minimum: 0.05), 0)
    }
}
