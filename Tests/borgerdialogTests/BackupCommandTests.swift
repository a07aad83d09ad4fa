import Forms
import Foundation
import TestSupport
import XCTest

/// `borgerdialog backup` and `backup restore` on the real binary, with `serve` running on the same data folder.
final class BackupCommandTests: XCTestCase {
    var workDirectory: URL!

    override func setUp() {
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-backup-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: workDirectory)
    }

    func testBackupWhileServingThenRestoreIntoANewFolderKeepsEveryAnswer() throws {
        let runner = try CommandRunner()
        let data = workDirectory.appendingPathComponent("data").path
        let code = try runner.run(["sessions", "create", "--data", data, "--forms", ServeProcess.formsPath,
                                   "--form", "quick-poll", "--title", "Borgermøde"])
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServeProcess(runner: runner, dataPath: data)
        defer { server.terminate() }

        let acknowledged = (0..<5).map { "backup-cli-\($0)-\(UUID().uuidString)" }
        for id in acknowledged {
            let answer = try server.submit(code: code, ["submissionId": .string(id), "answers": ["meeting-rating": 4]])
            XCTAssertEqual(answer.status, 201, answer.text)
        }

        let backupFile = workDirectory.appendingPathComponent("nightly.sqlite").path
        let backup = try runner.run(["backup", "--data", data, "--output", backupFile])
        XCTAssertEqual(backup.status, 0, backup.standardError)
        XCTAssertTrue(backup.standardOutput.contains("Backed up 5 response(s) in 1 session(s)"), backup.standardOutput)
        XCTAssertTrue(server.process.isRunning, "the backup does not stop the server")

        let again = try runner.run(["backup", "--data", data, "--output", backupFile])
        XCTAssertNotEqual(again.status, 0, "an existing backup is never overwritten")
        XCTAssertTrue(again.standardError.contains("already exists"), again.standardError)

        let restoredData = workDirectory.appendingPathComponent("restored").path
        let restore = try runner.run(["backup", "restore", "--input", backupFile, "--data", restoredData])
        XCTAssertEqual(restore.status, 0, restore.standardError)
        XCTAssertTrue(restore.standardOutput.contains("integrity ok"), restore.standardOutput)
        let overwrite = try runner.run(["backup", "restore", "--input", backupFile, "--data", data])
        XCTAssertNotEqual(overwrite.status, 0, "restoring over a live database is refused")

        let export = try runner.run(["export", "--data", restoredData, "--session", code, "--format", "json"])
        XCTAssertEqual(export.status, 0, export.standardError)
        let responses = try export.decode(API.Export.self).responses
        XCTAssertEqual(responses.map(\.submissionId).sorted(), acknowledged.sorted(), "each acknowledged answer once")
    }

    func testBackupOfAFolderWithoutADatabaseFailsAndCreatesNothing() throws {
        let data = workDirectory.appendingPathComponent("empty").path
        let output = try CommandRunner().run(["backup", "--data", data, "--output", workDirectory.appendingPathComponent("x.sqlite").path])
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.standardError.contains("no database"), output.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data))
    }
}
