import Forms
import Foundation
import TestSupport
import XCTest

/// The `analyze` command's output file, as its contract describes it.
private struct AnalysisFile: Decodable {
    struct Theme: Decodable {
        let key: String
        let kind: String
        let label: String
        let terms: [String]
        let size: Int
        let quotes: [String]
    }

    struct Assignment: Decodable {
        let id: String
        let themes: [String]
        let scores: [Double]
        let terms: [String]
    }

    let themes: [Theme]
    let assignments: [Assignment]
    /// The views the analysis used, words first (`lexical`, then a model's name).
    let views: [String]?
}

final class AnalyzeCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private static let answers = [
        "Flere bænke til de ældre i parken", "De ældre på plejehjemmet savner besøg",
        "Ældre borgere har brug for hjælp", "Besøgsvenner til ensomme ældre",
        "Fodboldklubben mangler trænere", "Flere frivillige trænere til fodbold",
        "Idrætsforeningen har brug for nye baner", "Håndboldklubben mangler en hal",
        "Busserne kører for sjældent", "Flere busser og bedre cykelstier",
        "Cykelstien langs vejen er farlig", "Bussen til byen kører for sjældent",
    ]

    private func writeInput() throws -> URL {
        let lines = Self.answers.enumerated().map { index, text in
            let line: JSONValue = ["id": .string("a\(index + 1)"), "text": .string(text), "table": 3]
            return String(decoding: line.bytes, as: UTF8.self)
        }
        let url = directory.appendingPathComponent("answers.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func readResult(_ url: URL) throws -> AnalysisFile {
        try JSONDocument.decode(AnalysisFile.self, from: Data(contentsOf: url), source: url.lastPathComponent)
    }

    func testDiscoveryWithKFollowsTheContract() throws {
        let input = try writeInput()
        let output = directory.appendingPathComponent("out.json")
        let run = try CommandRunner().run(["analyze", "--input", input.path, "--k", "3", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        let result = try readResult(output)
        XCTAssertEqual(result.themes.count, 3)
        let keys = Set(result.themes.map(\.key))
        XCTAssertEqual(keys.count, 3, "theme keys are unique")
        for theme in result.themes {
            XCTAssertFalse(theme.label.isEmpty, theme.key)
            XCTAssertFalse(theme.terms.isEmpty, theme.key)
            XCTAssertGreaterThan(theme.size, 0, theme.key)
            XCTAssertFalse(theme.quotes.isEmpty, theme.key)
        }
        XCTAssertEqual(result.themes.map(\.size).reduce(0, +), Self.answers.count, "each answer counts in one theme")
        XCTAssertEqual(result.assignments.map(\.id), (1...Self.answers.count).map { "a\($0)" })
        for assignment in result.assignments {
            let first = try XCTUnwrap(assignment.themes.first, assignment.id)
            XCTAssertTrue(keys.contains(first), "\(assignment.themes)")
            XCTAssertEqual(assignment.scores.count, assignment.themes.count)
        }
    }

    func testSameInputGivesIdenticalBytes() throws {
        let input = try writeInput()
        let first = directory.appendingPathComponent("first.json")
        let second = directory.appendingPathComponent("second.json")
        let runner = try CommandRunner()
        XCTAssertEqual(try runner.run(["analyze", "--input", input.path, "--output", first.path]).status, 0)
        XCTAssertEqual(try runner.run(["analyze", "--input", input.path, "--output", second.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
    }

    func testGuidedThemesGiveThemeKeysEmergingThemesOrOther() throws {
        let input = try writeInput()
        let themesFile = directory.appendingPathComponent("themes.json")
        try """
        {"aeldre": "Det gode ældreliv",
         "idraet": {"name": "Idræt", "description": "Sport og klubber", "keywords": ["fodbold"]}}
        """.write(to: themesFile, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.json")
        let run = try CommandRunner().run(["analyze", "--input", input.path, "--themes", themesFile.path,
                                           "--language", "da", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        let result = try readResult(output)
        let emerging = Set(result.themes.filter { $0.kind == "emerging" }.map(\.key))
        let firsts = result.assignments.compactMap(\.themes.first)
        XCTAssertEqual(firsts.count, Self.answers.count)
        XCTAssertTrue(Set(firsts).isSubset(of: emerging.union(["aeldre", "idraet", "other"])), "\(firsts)")
        XCTAssertEqual(result.views?.first, "lexical")
        XCTAssertEqual(firsts[1], "aeldre")
        XCTAssertEqual(firsts[5], "idraet")
    }

    func testBadInputLineIsReportedWithItsLineNumber() throws {
        let input = directory.appendingPathComponent("bad.jsonl")
        try "{\"id\": \"a1\", \"text\": \"fint\"}\n{\"id\": \"a2\"}\n".write(to: input, atomically: true, encoding: .utf8)
        let run = try CommandRunner().run(["analyze", "--input", input.path, "--output", directory.appendingPathComponent("o.json").path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.standardError.contains("bad.jsonl:2"), run.standardError)
        XCTAssertTrue(run.standardError.contains("text"), run.standardError)
    }

    func testInvalidLanguageIsRejected() throws {
        let input = try writeInput()
        let run = try CommandRunner().run(["analyze", "--input", input.path, "--language", "fr", "--output", "/dev/null"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.standardError.contains("--language"), run.standardError)
    }
}
