import Foundation
import XCTest
@testable import ThemeAnalysis

final class ThemeAnalyzerTests: XCTestCase {
    /// Three clear topics in short Danish answers, plus one off-topic answer.
    static let answers: [AnswerText] = [
        "Flere bænke og toiletter til de ældre i parken",
        "De ældre på plejehjemmet savner besøg og nærvær",
        "Ældre borgere har brug for hjælp til at komme ud",
        "Besøgsvenner til ensomme ældre på plejehjem",
        "Plejehjemmet skal have flere hænder til de ældre",
        "Fodboldklubben mangler trænere og baner",
        "Flere frivillige trænere til fodbold og håndbold",
        "Idrætsforeningen har brug for nye baner",
        "Håndboldklubben mangler en ny hal og trænere",
        "Fodboldbanerne er i dårlig stand",
        "Busserne kører for sjældent om aftenen",
        "Flere busser og bedre cykelstier til skolen",
        "Cykelstien langs vejen er farlig for børn",
        "Bussen til byen kører for sjældent",
        "Bedre cykelstier og flere busafgange",
        "Kvantemekanik og sorte huller fascinerer",
    ].enumerated().map { AnswerText(id: "a\($0.offset + 1)", text: $0.element) }

    static let guidedThemes = [
        GuidedTheme(key: "aeldre", name: "Det gode ældreliv", keywords: ["plejehjem"]),
        GuidedTheme(key: "idraet", name: "Idræt og foreningsliv", description: "Sport, klubber og trænere"),
        GuidedTheme(key: "transport", name: "Transport", keywords: ["bus", "cykelsti"]),
    ]

    private func encoded(_ result: ThemeAnalysisResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(result)
    }

    func testDiscoveryIsByteIdenticalAcrossRuns() throws {
        let analyzer = ThemeAnalyzer(options: ThemeAnalysisOptions(themeCount: 3))
        let first = try encoded(analyzer.discover(Self.answers))
        let second = try encoded(analyzer.discover(Self.answers))
        XCTAssertEqual(first, second)
        let automatic = ThemeAnalyzer()
        XCTAssertEqual(try encoded(automatic.discover(Self.answers)), try encoded(automatic.discover(Self.answers)))
    }

    func testDiscoveryWithFixedCountMakesExactlyThatManyThemes() {
        let result = ThemeAnalyzer(options: ThemeAnalysisOptions(themeCount: 3)).discover(Self.answers)
        let keys = Set(result.themes.map(\.key))
        XCTAssertEqual(keys.count, 3)
        XCTAssertEqual(result.assignments.map(\.id), Self.answers.map(\.id))
        for assignment in result.assignments {
            XCTAssertTrue(keys.contains(assignment.themes[0]), "\(assignment)")
            XCTAssertEqual(assignment.themes.count, assignment.scores.count)
        }
        XCTAssertEqual(result.themes.map(\.size).reduce(0, +), Self.answers.count)
    }

    func testDiscoveryGroupsClearTopicsTogether() {
        // Sixteen answers without a lexicon are a hard case: whether one answer tips over depends
        // on the seed for every method we tried (k-means alone and the ensemble alike), so this
        // asserts what holds for most seeds, not for one lucky seed.
        var together = 0
        for seed in UInt64(0)..<10 {
            let result = ThemeAnalyzer(options: ThemeAnalysisOptions(themeCount: 3, seed: seed)).discover(Self.answers)
            let primary = Dictionary(uniqueKeysWithValues: result.assignments.map { ($0.id, $0.themes[0]) })
            if Set(["a1", "a2", "a3", "a4", "a5"].map { primary[$0]! }).count == 1,
               Set(["a11", "a12", "a13", "a14", "a15"].map { primary[$0]! }).count == 1,
               primary["a2"] != primary["a12"] {
                together += 1
            }
            for theme in result.themes {
                XCTAssertFalse(theme.terms.isEmpty)
                XCTAssertTrue((1...5).contains(theme.quotes.count), "\(theme)")
            }
        }
        XCTAssertGreaterThanOrEqual(together, 7, "clear topics grouped together for only \(together) of 10 seeds")
    }

    func testGuidedAssignmentExplainsWithTerms() throws {
        let result = ThemeAnalyzer().assign(Self.answers, to: Self.guidedThemes)
        let byId = Dictionary(uniqueKeysWithValues: result.assignments.map { ($0.id, $0) })
        XCTAssertEqual(byId["a2"]?.themes.first, "aeldre")
        XCTAssertEqual(byId["a7"]?.themes.first, "idraet")
        XCTAssertEqual(byId["a14"]?.themes.first, "transport")
        let elderly = try XCTUnwrap(byId["a2"])
        XCTAssertTrue(elderly.terms.contains("ældre") || elderly.terms.contains("plejehjemmet"), "\(elderly.terms)")
        XCTAssertGreaterThan(elderly.scores[0], 0)
        XCTAssertEqual(result.themes.prefix(3).map(\.key), ["aeldre", "idraet", "transport"])
        XCTAssertEqual(result.themes[0].label, "Det gode ældreliv")
    }

    func testOffTopicAnswerGoesToOther() throws {
        let result = ThemeAnalyzer().assign(Self.answers, to: Self.guidedThemes)
        let offTopic = try XCTUnwrap(result.assignments.first { $0.id == "a16" })
        XCTAssertEqual(offTopic.themes.first, ThemeAnalysisResult.otherKey)
        XCTAssertEqual(result.themes.last?.key, ThemeAnalysisResult.otherKey)
        let validKeys = Set(Self.guidedThemes.map(\.key) + [ThemeAnalysisResult.otherKey])
        for assignment in result.assignments { XCTAssertTrue(validKeys.contains(assignment.themes[0])) }
    }

    func testAnswersWithoutWordsInDiscoveryGoToOther() {
        let answers = Self.answers + [AnswerText(id: "empty", text: "Ja ja, det er det!")]
        let result = ThemeAnalyzer().discover(answers)
        XCTAssertEqual(result.assignments.last?.themes, [ThemeAnalysisResult.otherKey])
    }

    func testEmptyInputGivesEmptyResult() {
        let result = ThemeAnalyzer().discover([])
        XCTAssertTrue(result.themes.isEmpty)
        XCTAssertTrue(result.assignments.isEmpty)
    }
}
