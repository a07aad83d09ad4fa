import Foundation
import XCTest
@testable import ThemeAnalysis

/// Guided themes with emerging themes beside them.
final class EmergingThemesTests: XCTestCase {
    static let themes = [
        GuidedTheme(key: "aeldre", name: "Det gode ældreliv", description: "Pleje, plejehjem, hjemmehjælp og aktiviteter for ældre."),
        GuidedTheme(key: "boern", name: "Børn og unge", description: "Skole, daginstitutioner og fritid for børn og unge."),
    ]

    /// Answers to the elderly question and to the children question; five of each are about buses.
    static let answers: [AnswerText] = {
        let elderly = [
            "Plejehjemmet mangler personale om aftenen.",
            "Hjemmehjælpen kommer for sent og har for travlt.",
            "De ældre på plejehjemmet savner aktiviteter.",
            "Flere aktiviteter for ældre i dagcentret.",
            "Hjemmehjælpen skifter hele tiden personale.",
            "Plejehjemmet har dejlige aktiviteter for beboerne.",
            "De ældre skal have bedre pleje på plejehjemmet.",
            "Dagcentret giver ældre aktiviteter og samvær.",
        ]
        let elderlyBuses = [
            "Bussen til byen kører kun to gange om dagen, så jeg kommer ikke til lægen.",
            "Der går ingen bus efter klokken 18, og uden bil er man fanget.",
            "Busforbindelsen til Sæby er for dårlig, bussen kører for sjældent.",
            "Busserne kører for sjældent, og køreplanen passer ikke med lægen.",
            "Flere busser og en bedre køreplan, bussen er vores eneste forbindelse.",
        ]
        let children = [
            "Skolen mangler lærere og der er for mange vikarer.",
            "Daginstitutionen har for få pædagoger til børnene.",
            "Børnene skal have mere fritid og mindre skærm i skolen.",
            "Skolen skal have bedre legepladser til børnene.",
            "Der er for mange børn i hver daginstitution.",
            "Lærerne på skolen gør det godt med børnene.",
            "Pædagogerne i daginstitutionen er søde ved børnene.",
            "Fritidsklubben er vigtig for de unge efter skolen.",
        ]
        let childrenBuses = [
            "Skolebussen kører for tidligt om morgenen, bussen går allerede kl 6.50.",
            "Der går ingen bus hjem fra træning om aftenen, så forældrene må køre.",
            "Bussen til gymnasiet kører for sjældent, og køreplanen passer ikke.",
            "Busforbindelsen fra landsbyen er for dårlig, de unge kan ikke komme nogen steder.",
            "Flere busser om aftenen, bussen er den eneste forbindelse for de unge.",
        ]
        var result: [AnswerText] = []
        for (index, text) in (elderly + elderlyBuses).enumerated() {
            result.append(AnswerText(id: "e\(index + 1)", text: text, purpose: index % 3 == 0 ? .works : .change, questionTheme: "aeldre"))
        }
        for (index, text) in (children + childrenBuses).enumerated() {
            result.append(AnswerText(id: "c\(index + 1)", text: text, purpose: index % 3 == 0 ? .works : .change, questionTheme: "boern"))
        }
        return result
    }()

    static let busIDs: Set<String> = ["e9", "e10", "e11", "e12", "e13", "c9", "c10", "c11", "c12", "c13"]

    /// The buses of both questions make one emerging theme (not one per question, and not hidden in
    /// the questions' themes), and the answers about each question's subject keep that theme first.
    func testACrossCuttingSubjectInAnswersToTwoQuestionsBecomesOneEmergingTheme() throws {
        let result = ThemeAnalyzer().assign(Self.answers, to: Self.themes)
        let emerging = result.themes.filter { $0.kind == .emerging }
        let carriers = Dictionary(uniqueKeysWithValues: emerging.map { theme in
            (theme.key, Set(result.assignments.filter { $0.themes.contains(theme.key) }.map(\.id)))
        })
        let busTheme = try XCTUnwrap(carriers.max { $0.value.intersection(Self.busIDs).count < $1.value.intersection(Self.busIDs).count },
                                     "no emerging theme: \(result.themes.map(\.label))")
        XCTAssertGreaterThanOrEqual(busTheme.value.intersection(Self.busIDs).count, 9, "\(busTheme)")
        XCTAssertTrue(busTheme.value.contains { $0.hasPrefix("e") } && busTheme.value.contains { $0.hasPrefix("c") },
                      "answers to both questions are in it")
        XCTAssertLessThanOrEqual(busTheme.value.subtracting(Self.busIDs).count, 1, "\(busTheme)")
        for (key, members) in carriers where key != busTheme.key {
            XCTAssertLessThanOrEqual(members.intersection(Self.busIDs).count, 1, "the buses are one theme, not \(key) too")
        }
        for assignment in result.assignments where !Self.busIDs.contains(assignment.id) {
            XCTAssertEqual(assignment.themes.first, assignment.id.hasPrefix("e") ? "aeldre" : "boern", assignment.id)
        }
        let label = try XCTUnwrap(result.themes.first { $0.key == busTheme.key }?.label)
        XCTAssertTrue(label.contains("bus"), label)
    }

    /// Without a subject the guided themes do not name, there are no emerging themes.
    func testNoEmergingThemesWhenEveryAnswerFitsAGuidedTheme() {
        let answers = Self.answers.filter { !Self.busIDs.contains($0.id) }
        let result = ThemeAnalyzer().assign(answers, to: Self.themes)
        XCTAssertEqual(result.themes.filter { $0.kind == .emerging }.map(\.label), [])
    }

    /// Each theme is split by the answers' purpose: counts of the answers carrying it, quotes of that purpose.
    func testWorksAndChangesSplitCounts() throws {
        let result = ThemeAnalyzer().assign(Self.answers, to: Self.themes)
        let purposes = Dictionary(uniqueKeysWithValues: Self.answers.map { ($0.id, $0.purpose) })
        var seen = 0
        for theme in result.themes where theme.kind != .other {
            let carriers = result.assignments.filter { $0.themes.contains(theme.key) }
            for purpose in AnswerPurpose.allCases {
                let expected = carriers.filter { purposes[$0.id] == purpose }.count
                let group = theme.purposes.first { $0.purpose == purpose }
                XCTAssertEqual(group?.size ?? 0, expected, "\(theme.key) \(purpose)")
                for quote in group?.quotes ?? [] { XCTAssertEqual(purposes[quote], purpose) }
                if expected > 0 { XCTAssertFalse(group?.quotes.isEmpty ?? true) }
                seen += expected
            }
        }
        XCTAssertGreaterThan(seen, Self.answers.count / 2)
        XCTAssertEqual(try XCTUnwrap(result.themes.first { $0.key == "aeldre" }).purposes.map(\.purpose), [.works, .change])
        // The split follows an analyst's move.
        let moved = try XCTUnwrap(result.assignments.first { $0.themes.first == "aeldre" && $0.purpose == .works })
        let after = result.applying([.move(answerID: moved.id, to: ThemeReference(key: "boern"))]).result
        let before = try XCTUnwrap(result.themes.first { $0.key == "aeldre" }?.purposes.first { $0.purpose == .works }?.size)
        XCTAssertEqual(after.themes.first { $0.key == "aeldre" }?.purposes.first { $0.purpose == .works }?.size ?? 0, before - 1)
        XCTAssertFalse(after.themes.first { $0.key == "aeldre" }?.purposes.flatMap(\.quotes).contains(moved.id) ?? true)
    }

    /// The same input gives the same bytes, with and without a semantic view, and the result says
    /// which views it used.
    func testDeterministicWithAndWithoutTheSemanticView() throws {
        let semantic = Self.syntheticVectors(answers: Self.answers, themes: Self.themes)
        for vectors in [nil, semantic] {
            let first = ThemeAnalyzer().assign(Self.answers, to: Self.themes, vectors: vectors).prettyJSON()
            let second = ThemeAnalyzer().assign(Self.answers, to: Self.themes, vectors: vectors).prettyJSON()
            XCTAssertEqual(first, second)
            let discovery = ThemeAnalyzer(options: ThemeAnalysisOptions(themeCount: 3))
            XCTAssertEqual(discovery.discover(Self.answers, vectors: vectors).prettyJSON(), discovery.discover(Self.answers, vectors: vectors).prettyJSON())
        }
        XCTAssertEqual(ThemeAnalyzer().assign(Self.answers, to: Self.themes).views, ["lexical"])
        XCTAssertEqual(ThemeAnalyzer().assign(Self.answers, to: Self.themes, vectors: semantic).views, ["lexical", "test-vectors"])
        // Vectors that do not fit the input are not used.
        let wrong = SemanticVectors(name: "wrong", dimensions: 4, answerRows: [1, 0, 0, 0])
        XCTAssertEqual(ThemeAnalyzer().assign(Self.answers, to: Self.themes, vectors: wrong).views, ["lexical"])
    }

    /// Vectors that put answers with a shared word close together: one dimension per word of a
    /// small list, so the test does not need a model.
    static func syntheticVectors(answers: [AnswerText], themes: [GuidedTheme]) -> SemanticVectors {
        let words = ["bus", "skole", "ældre", "pleje", "børn", "aktivitet", "køreplan", "forbindelse"]
        func row(_ text: String) -> [Float] {
            let folded = TextNormalizer.fold(text)
            return words.map { folded.contains($0) ? 1 : 0.1 }
        }
        return SemanticVectors(name: "test-vectors", dimensions: words.count,
                               answerRows: answers.flatMap { row($0.text) },
                               themeRows: themes.flatMap { row($0.name + " " + $0.description) })
    }
}
