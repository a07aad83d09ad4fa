import Forms
import Foundation
import TestSupport
import XCTest

/// The real binary: `serve` on a real port, the administration commands on its data folder, and a
/// clean SIGTERM.
final class ServeCommandTests: XCTestCase {
    var dataDirectory: URL!

    override func setUp() {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-cli-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    private var formsPath: String { ServeProcess.formsPath }

    func testSessionsCreatePrintsOnlyTheJoinCode() throws {
        let runner = try CommandRunner()
        let output = try runner.run(["sessions", "create", "--data", dataDirectory.path, "--forms", formsPath,
                                     "--form", "quick-poll", "--title", "Borgermøde"])
        XCTAssertEqual(output.status, 0, output.standardError)
        XCTAssertNotNil(output.standardOutput.wholeMatch(of: /[2-9A-HJKMNP-Z]{6}\n/), output.standardOutput)
    }

    func testSessionsCreateWithAnUnknownFormFailsWithAReason() throws {
        let output = try CommandRunner().run(["sessions", "create", "--data", dataDirectory.path, "--forms", formsPath,
                                              "--form", "no-such-form", "--title", "x"])
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.standardError.contains("no-such-form"), output.standardError)
    }

    func testFormsCheckPassesOnTheShippedFormsAndNamesFileAndPathOnABrokenOne() throws {
        let runner = try CommandRunner()
        let good = try runner.run(["forms", "check", formsPath])
        XCTAssertEqual(good.status, 0, good.standardOutput)

        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let broken = #"{"formatVersion": 1, "id": "broken", "title": {"da": "Brudt"}, "themes": [], "questions": [{"id": "a", "type": "slider", "label": {"da": "A", "en": "A"}}]}"#
        try Data(broken.utf8).write(to: dataDirectory.appendingPathComponent("broken.json"))
        let bad = try runner.run(["forms", "check", dataDirectory.path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.standardOutput.contains("broken.json"), bad.standardOutput)
        XCTAssertTrue(bad.standardOutput.contains("$.title"), "the missing English title is named")
        XCTAssertTrue(bad.standardOutput.contains("$.questions[0].type"), "the unknown type is named")
    }

    func testServeTakesAnAnswerExportShowsItAndSIGTERMExitsCleanly() throws {
        let runner = try CommandRunner()
        let code = try runner.run(["sessions", "create", "--data", dataDirectory.path, "--forms", formsPath,
                                   "--form", "quick-poll", "--title", "Borgermøde"])
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServeProcess(runner: runner, dataPath: dataDirectory.path)
        let answer = try server.submit(code: code, [
            "submissionId": "9b2f7c1e-0d4a-4c7b-9e55-1f2a3b4c5d6e",
            "answers": ["meeting-rating": 5, "most-important": "Fællesskab på tværs af generationer"],
        ])
        XCTAssertEqual(answer.status, 201, answer.text)
        XCTAssertEqual(try answer.decode(API.Receipt.self).status, "stored")

        server.terminate()
        XCTAssertEqual(server.process.terminationReason, .exit)
        XCTAssertEqual(server.process.terminationStatus, 0, "SIGTERM shuts down cleanly")

        let export = try runner.run(["export", "--data", dataDirectory.path, "--session", code, "--format", "json"])
        XCTAssertEqual(export.status, 0, export.standardError)
        let document = try export.decode(API.Export.self)
        XCTAssertEqual(document.session.code, code)
        XCTAssertEqual(document.responses.map(\.submissionId), ["9b2f7c1e-0d4a-4c7b-9e55-1f2a3b4c5d6e"])
        XCTAssertFalse(document.responses[0].submittedAt.isEmpty)
        XCTAssertEqual(document.responses[0].answers, ["meeting-rating": 5, "most-important": "Fællesskab på tværs af generationer"])
    }
}

/// `borgerdialog users add`: passwords from standard input, or generated and shown once.
final class UsersCommandTests: XCTestCase {
    func testUsersAddTakesThePasswordFromStandardInputOrGeneratesOne() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-users-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let runner = try CommandRunner()

        let given = try runner.run(["users", "add", "--data", data.path, "--role", "facilitator", "--email", "mette@kommune.dk"],
                                   input: "en-lang-sikker-frase-til-dialogen\n")
        XCTAssertEqual(given.status, 0, given.standardError)
        XCTAssertFalse(given.standardOutput.contains("Password"), "a given password is not echoed")

        let generated = try runner.run(["users", "add", "--data", data.path, "--role", "admin", "--email", "it@kommune.dk"])
        XCTAssertEqual(generated.status, 0, generated.standardError)
        let line = try XCTUnwrap(generated.standardOutput.split(separator: "\n").first { $0.hasPrefix("Password") })
        XCTAssertGreaterThanOrEqual(line.split(separator: " ").last?.count ?? 0, 16)

        let duplicate = try runner.run(["users", "add", "--data", data.path, "--role", "analyst", "--email", "METTE@kommune.dk"])
        XCTAssertNotEqual(duplicate.status, 0)
        XCTAssertTrue(duplicate.standardError.contains("already exists"), duplicate.standardError)
        let weak = try runner.run(["users", "add", "--data", data.path, "--role", "analyst", "--email", "a@kommune.dk"], input: "kort\n")
        XCTAssertNotEqual(weak.status, 0)
        let badRole = try runner.run(["users", "add", "--data", data.path, "--role", "mayor", "--email", "b@kommune.dk"])
        XCTAssertNotEqual(badRole.status, 0)
    }
}

/// Exports in every format and the retention purge, from the command line.
final class ExportAndRetentionCommandTests: XCTestCase {
    func testExportsEveryFormatAndPurgesOldResponses() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let runner = try CommandRunner()
        let forms = ServeProcess.formsPath
        let code = try runner.run(["sessions", "create", "--data", data.path, "--forms", forms, "--form", "quick-poll", "--title", "Møde"])
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)

        let server = try ServeProcess(runner: runner, dataPath: data.path)
        for (index, text) in ["Flere bænke ved stranden", "Ældre og unge sammen om fællesspisning", "Ring på 22 33 44 55"].enumerated() {
            let answer = try server.submit(code: code, [
                "submissionId": .string("export-test-\(index)-0000"), "answers": ["meeting-rating": 4, "most-important": .string(text)],
            ])
            XCTAssertEqual(answer.status, 201, answer.text)
        }
        server.terminate()

        for format in ["csv", "csv-semicolon", "xlsx", "html"] {
            let file = data.appendingPathComponent("export.\(format)")
            let output = try runner.run(["export", "--data", data.path, "--session", code, "--format", format, "--output", file.path])
            XCTAssertEqual(output.status, 0, "\(format): \(output.standardError)")
            let bytes = try Data(contentsOf: file)
            XCTAssertFalse(bytes.isEmpty, format)
            let text = String(decoding: bytes, as: UTF8.self)
            if format == "xlsx" {
                XCTAssertEqual(Array(bytes.prefix(2)), [0x50, 0x4B], "xlsx is a zip container")
            } else {
                XCTAssertTrue(text.contains("Flere bænke ved stranden"), "\(format) carries the Danish text intact")
                XCTAssertFalse(text.contains("22 33 44 55"), "\(format) masks phone numbers")
            }
        }
        let csv = try String(contentsOf: data.appendingPathComponent("export.csv-semicolon"), encoding: .utf8)
        XCTAssertTrue(csv.split(separator: "\r\n").first?.contains(";") ?? false, "the Danish Excel variant uses semicolons")

        let purge = try runner.run(["retention", "purge", "--data", data.path, "--before", "2999-01-01"])
        XCTAssertEqual(purge.status, 0, purge.standardError)
        XCTAssertTrue(purge.standardOutput.contains("Deleted 3 response(s)"), purge.standardOutput)
        let after = try runner.run(["export", "--data", data.path, "--session", code, "--format", "json"])
        XCTAssertEqual(after.status, 0, after.standardError)
        XCTAssertEqual(try after.decode(API.Export.self).responses.count, 0)

        let close = try runner.run(["sessions", "close", "--data", data.path, "--session", code])
        XCTAssertEqual(close.status, 0, close.standardError)
        let again = try runner.run(["sessions", "close", "--data", data.path, "--session", code])
        XCTAssertNotEqual(again.status, 0, "a closed session cannot be closed again")
    }
}
