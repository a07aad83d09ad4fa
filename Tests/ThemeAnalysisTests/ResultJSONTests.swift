import Foundation
import XCTest
@testable import ThemeAnalysis

final class ResultJSONTests: XCTestCase {
    /// The hand-written JSON must be byte for byte what the encoder writes, for awkward content too.
    func testPrettyJSONEqualsTheEncoder() throws {
        let result = ThemeAnalysisResult(
            themes: [
                Theme(key: "theme-1", label: "ældre \"pleje\" / omsorg", terms: ["ældre", "back\\slash"], size: 3, quotes: ["a", "b"], kind: .discovered),
                Theme(key: "other", label: "", terms: [], size: 0, quotes: [], kind: .other),
            ],
            assignments: [
                ThemeAssignment(id: "a", themes: ["theme-1", "other"], scores: [0.1234, 0, 1, 0.0001, -0.0, 0.5], terms: ["tab\there", "ny\nlinje\r", "\u{1}\u{8}\u{c}\u{1f}\u{7f}", "\u{2028}😀"]),
                ThemeAssignment(id: "42", themes: [], scores: [], terms: []),
            ]
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(result), as: UTF8.self)
        XCTAssertEqual(result.prettyJSON(), expected)
        XCTAssertEqual(ThemeAnalysisResult(themes: [], assignments: []).prettyJSON(),
                       String(decoding: try encoder.encode(ThemeAnalysisResult(themes: [], assignments: [])), as: UTF8.self))
    }

    /// A real analysis round-trips through the written JSON.
    func testPrettyJSONDecodesToTheSameResult() throws {
        let answers = ["Flere bænke i parken", "Bænke og stier i parken", "Bedre busser om aftenen", "Busser til skolen"]
            .enumerated().map { AnswerText(id: "id-\($0.offset)", text: $0.element) }
        let result = ThemeAnalyzer(options: ThemeAnalysisOptions(themeCount: 2, language: .danish)).discover(answers)
        let decoded = try JSONDecoder().decode(ThemeAnalysisResult.self, from: Data(result.prettyJSON().utf8))
        XCTAssertEqual(decoded, result)
    }
}
