import Foundation
import XCTest

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
            let object: [String: Any] = ["id": "a\(index + 1)", "text": text, "table": 3]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        let url = directory.appendingPathComponent("answers.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func readResult(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func testDiscoveryWithKFollowsTheContract() throws {
        let input = try writeInput()
        let output = directory.appendingPathComponent("out.json")
        let run = try CommandRunner().run(["analyze", "--input", input.path, "--k", "3", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        let result = try readResult(output)
        let themes = try XCTUnwrap(result["themes"] as? [[String: Any]])
        XCTAssertEqual(themes.count, 3)
        let keys = Set(themes.compactMap { $0["key"] as? String })
        for theme in themes {
            XCTAssertNotNil(theme["label"] as? String)
            XCTAssertNotNil(theme["terms"] as? [String])
            XCTAssertNotNil(theme["size"] as? Int)
            XCTAssertNotNil(theme["quotes"] as? [String])
        }
        let assignments = try XCTUnwrap(result["assignments"] as? [[String: Any]])
        XCTAssertEqual(assignments.compactMap { $0["id"] as? String }, (1...Self.answers.count).map { "a\($0)" })
        for assignment in assignments {
            let assigned = try XCTUnwrap(assignment["themes"] as? [String])
            XCTAssertTrue(keys.contains(assigned[0]), "\(assigned)")
            XCTAssertEqual((assignment["scores"] as? [Double])?.count, assigned.count)
            XCTAssertNotNil(assignment["terms"] as? [String])
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
        let assignments = try XCTUnwrap(result["assignments"] as? [[String: Any]])
        let themes = try XCTUnwrap(result["themes"] as? [[String: Any]])
        let emerging = Set(themes.filter { $0["kind"] as? String == "emerging" }.compactMap { $0["key"] as? String })
        let firsts = assignments.compactMap { ($0["themes"] as? [String])?.first }
        XCTAssertEqual(firsts.count, Self.answers.count)
        XCTAssertTrue(Set(firsts).isSubset(of: emerging.union(["aeldre", "idraet", "other"])), "\(firsts)")
        XCTAssertEqual((result["views"] as? [String])?.first, "lexical")
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
