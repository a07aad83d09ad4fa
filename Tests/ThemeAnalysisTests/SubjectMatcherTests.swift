import Foundation
import XCTest
@testable import ThemeAnalysis

/// Emerging themes by the subject inventory (`SubjectInventory`, `SubjectMatcher`).
final class SubjectMatcherTests: XCTestCase {
    /// The shipped inventory: unique keys, both languages, texts in the order the vectors follow.
    func testInventoryHasEverySubjectInBothLanguages() throws {
        let subjects = SubjectInventory.subjects
        XCTAssertGreaterThanOrEqual(subjects.count, 20)
        XCTAssertEqual(Set(subjects.map(\.key)).count, subjects.count, "keys are unique")
        XCTAssertEqual(SubjectInventory.texts, subjects.map(\.danish) + subjects.map(\.english))
        XCTAssertTrue(subjects.contains { $0.key == "transport" && $0.danish.hasPrefix("Transport") && $0.english.hasPrefix("Transport") })
        let transport = try XCTUnwrap(subjects.first { $0.key == "transport" })
        XCTAssertEqual(transport.name(in: .danish), "Transport og mobilitet")
        XCTAssertEqual(transport.name(in: .english), "Transport and mobility")
        XCTAssertEqual(SubjectInventory.parse("# comment\n\n a | b c | d \n"), [SubjectInventory.Subject(key: "a", danish: "b c", english: "d")])
    }

    /// Bus answers under both questions speak to transport and lean half to each theme: an
    /// emerging theme. School answers speak to school but all lean to the children's theme: covered.
    /// An answer whose nearest subject is school, but which is nearer transport than any theme,
    /// carries the transport theme too.
    func testUncoveredSubjectsEmergeAndCoveredOnesStayWithTheirTheme() {
        // Dimensions: elderly, children, bus, school.
        let elderly: [Float] = [1, 0, 0, 0], children: [Float] = [0, 1, 0, 0]
        let elderlyBus = Self.unit([0.3, 0, 1, 0]), childrenBus = Self.unit([0, 0.3, 1, 0])
        let school = Self.unit([0, 0.3, 0, 1]), schoolAndBus = Self.unit([0, 0.5, 0.9, 1])
        let rows = [elderly, elderly, elderly, children, children, children,     // 0-5
                    elderlyBus, elderlyBus, elderlyBus, childrenBus, childrenBus, // 6-10
                    school, school, school, schoolAndBus]                         // 11-14
        let subjects: [[Float]] = [[0, 0, 1, 0], [0, 0, 0, 1]]                    // transport, school
        let matcher = SubjectMatcher(answerRows: rows.flatMap { $0 }, dimensions: 4, themeAnchors: [[1, 0, 0, 0], [0, 1, 0, 0]],
                                     subjectAnchors: subjects + subjects, minimumSize: 3)
        let reading = matcher.read()
        XCTAssertEqual(reading.groups, [[6, 7, 8, 9, 10]])
        XCTAssertEqual(reading.groupSubjects, [0])
        XCTAssertEqual(reading.nearestTheme, [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1])
        XCTAssertEqual(reading.alsoSpeaksTo[14], 0, "nearer transport (0.63) than any theme (0.35)")
        XCTAssertEqual(reading.alsoSpeaksTo.enumerated().filter { $0.element != nil }.map(\.offset), [14])
        // With three bus answers leaning to the elderly and none to the children, transport is the
        // elderly theme's (3 of 3 ≥ 0.73).
        let leaning = SubjectMatcher(answerRows: Array(rows.prefix(9)).flatMap { $0 }, dimensions: 4,
                                     themeAnchors: [[1, 0, 0, 0], [0, 1, 0, 0]], subjectAnchors: subjects + subjects, minimumSize: 3)
        XCTAssertEqual(leaning.read().groups, [])
        // Three leaning to the elderly and one stray to the children: still the elderly theme's.
        let stray = SubjectMatcher(answerRows: Array(rows.prefix(10)).flatMap { $0 }, dimensions: 4,
                                   themeAnchors: [[1, 0, 0, 0], [0, 1, 0, 0]], subjectAnchors: subjects + subjects, minimumSize: 3)
        XCTAssertEqual(stray.read().groups, [])
    }

    /// Answers leaning to a theme only as the least far (no nearer to it than the average answer)
    /// do not let it cover their subject, however many lean there.
    func testLeaningWithoutNearnessDoesNotCover() {
        let themes: [[Float]] = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]
        let subjects: [[Float]] = [[0, 0, 0, 1]]
        func reading(_ leaningRow: [Float]) -> [[Int]] {
            let rows = Array(repeating: Self.unit(leaningRow), count: 5) + Array(repeating: Self.unit([-0.3, -0.1, -0.3, 1]), count: 2)
            return SubjectMatcher(answerRows: rows.flatMap { $0 }, dimensions: 4, themeAnchors: themes,
                                  subjectAnchors: subjects + subjects, minimumSize: 3).read().groups
        }
        // Five of seven (0.71, above the 0.64 three themes need) lean to the first theme ...
        XCTAssertEqual(reading([0.3, -0.3, -0.3, 1]), [], "... near it: covered")
        XCTAssertEqual(reading([-0.1, -0.3, -0.3, 1]), [Array(0..<7)], "... only least far from it: an emerging theme")
    }

    /// The question's theme decides a near tie of the nearest theme, and only that.
    func testTheQuestionThemeDecidesANearTieOnly() {
        let tie = Self.unit([1, 1, 0, 0]), clear = Self.unit([1, 0.5, 0, 0])
        let subjects: [[Float]] = [[0, 0, 1, 0], [0, 0, 0, 1]]
        var matcher = SubjectMatcher(answerRows: tie + clear, dimensions: 4, themeAnchors: [[1, 0, 0, 0], [0, 1, 0, 0]],
                                     subjectAnchors: subjects + subjects, minimumSize: 3)
        XCTAssertEqual(matcher.read().nearestTheme, [0, 0])
        matcher.questionThemes = [1, 1]
        XCTAssertEqual(matcher.read().nearestTheme, [1, 0])
    }

    /// Through the analyzer: the emerging theme comes first for its answers, is labelled by their
    /// words, and the same input gives the same bytes.
    func testAnalyzerPutsTheEmergingSubjectFirstAndIsDeterministic() throws {
        let answers = EmergingThemesTests.answers
        let vectors = Self.vectors(answers: answers, themes: EmergingThemesTests.themes)
        XCTAssertTrue(vectors.hasSubjects)
        let result = ThemeAnalyzer().assign(answers, to: EmergingThemesTests.themes, vectors: vectors)
        XCTAssertEqual(result.prettyJSON(), ThemeAnalyzer().assign(answers, to: EmergingThemesTests.themes, vectors: vectors).prettyJSON())
        XCTAssertEqual(result.views, ["lexical", "test-vectors"])
        for theme in result.themes where theme.kind == .emerging {
            let first = result.assignments.filter { $0.themes.first == theme.key }
            XCTAssertEqual(first.count, theme.size)
            XCTAssertGreaterThanOrEqual(first.count, 3)
        }
        // Subject rows that do not fit the inventory are not used for subjects.
        let partial = SemanticVectors(name: "test-vectors", dimensions: vectors.dimensions, answerRows: vectors.answerRows,
                                      themeRows: vectors.themeRows, subjectRows: Array(vectors.subjectRows.prefix(vectors.dimensions)))
        XCTAssertFalse(partial.hasSubjects)
    }

    private static func unit(_ row: [Float]) -> [Float] {
        let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return row.map { $0 / norm }
    }

    /// Vectors with one dimension per word of a small list (answers, themes and the inventory's
    /// texts alike), so the test does not need a model.
    static func vectors(answers: [AnswerText], themes: [GuidedTheme]) -> SemanticVectors {
        let words = ["bus", "skole", "ældre", "pleje", "børn", "aktivitet", "køreplan", "forbindelse", "daginstitution", "hjemme"]
        func row(_ text: String) -> [Float] {
            let folded = TextNormalizer.fold(text)
            return words.map { folded.contains($0) ? 1 : 0.1 }
        }
        return SemanticVectors(name: "test-vectors", dimensions: words.count,
                               answerRows: answers.flatMap { row($0.text) },
                               themeRows: themes.flatMap { row($0.name + " " + $0.description) },
                               subjectRows: SubjectInventory.texts.flatMap(row))
    }
}
