import Foundation
import GRDB
import XCTest
@testable import Storage

/// Online backups: a snapshot taken while answers are being written, restored into a new folder.
final class BackupTests: XCTestCase {
    func testABackupTakenUnderLoadRestoresEveryAnswerAcknowledgedBeforeItBegan() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let ledger = SubmissionLedger()
        let backupPath = try makeTemporaryDirectory() + "/snapshot.sqlite"

        let submitters = (0..<8).map { worker in
            Task {
                var sequence = 0
                while !ledger.isStopped {
                    let id = "w\(worker)-\(sequence)"
                    sequence += 1
                    ledger.recordSent(id)
                    let outcome = try await store.submit(NewSubmission(
                        submissionID: id, sessionID: session.id, answers: ["q": #""svar \#(id)""#]))
                    XCTAssertEqual(outcome, .stored)
                    ledger.recordAcknowledged(id)
                }
            }
        }
        try await ledger.waitUntil { $0.acknowledged.count >= 300 }
        let acknowledgedBeforeBackup = ledger.snapshot().acknowledged
        let summary = try store.backup(toPath: backupPath)
        // Writes go on after the backup; they must not disturb the copy already made.
        let countAfterBackup = ledger.snapshot().acknowledged.count
        try await ledger.waitUntil { $0.acknowledged.count >= countAfterBackup + 100 }
        ledger.stop()
        for submitter in submitters {
            try await submitter.value
        }
        let sent = ledger.snapshot().sent

        XCTAssertEqual(summary.integrityCheck, "ok")
        XCTAssertEqual(summary.sessionCount, 1)
        let backupFolder = URL(fileURLWithPath: backupPath).deletingLastPathComponent().path
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: backupFolder), ["snapshot.sqlite"],
                       "one self-contained file: no -wal, -shm or partial file beside it")
        let header = try XCTUnwrap(FileHandle(forReadingAtPath: backupPath)).readData(ofLength: 20)
        XCTAssertEqual(Array(header.suffix(2)), [1, 1], "a rollback-journal database, not WAL")
        XCTAssertGreaterThanOrEqual(summary.responseCount, acknowledgedBeforeBackup.count)

        let restoredFolder = try makeTemporaryDirectory() + "/restored"
        let restoreSummary = try Store.restore(
            fromBackup: backupPath, into: StorageConfiguration(dataDirectory: restoredFolder))
        XCTAssertEqual(restoreSummary.responseCount, summary.responseCount)
        let restored = try makeStore(in: restoredFolder)
        let restoredSession = try XCTUnwrap(try restored.session(code: session.code))
        let restoredIDs = try restored.responses(sessionID: restoredSession.id).map(\.submissionID)

        XCTAssertEqual(restoredIDs.count, Set(restoredIDs).count, "no answer is doubled")
        XCTAssertTrue(acknowledgedBeforeBackup.isSubset(of: Set(restoredIDs)),
                      "missing: \(acknowledgedBeforeBackup.subtracting(restoredIDs).sorted().prefix(5))")
        XCTAssertTrue(Set(restoredIDs).isSubset(of: sent), "nothing appears that was never sent")
        XCTAssertLessThan(restoredIDs.count, try store.responseCount(sessionID: session.id),
                          "the copy is a snapshot, not the live file")
        XCTAssertEqual(try restored.valueOnWriter("PRAGMA integrity_check", as: String.self), "ok")
    }

    func testBackupAndRestoreNeverOverwrite() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        _ = try await store.submit(NewSubmission(submissionID: "one", sessionID: session.id, answers: ["q": "1"]))
        let folder = try makeTemporaryDirectory()
        let backupPath = folder + "/existing.sqlite"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: backupPath))

        XCTAssertThrowsError(try store.backup(toPath: backupPath)) { error in
            XCTAssertEqual(error as? BackupError, .destinationExists(path: backupPath))
        }
        XCTAssertEqual(try String(contentsOfFile: backupPath, encoding: .utf8), "keep me")

        let unreachable = folder + "/no-such-folder/backup.sqlite"
        XCTAssertThrowsError(try store.backup(toPath: unreachable)) { error in
            guard case .fileOperationFailed(unreachable, _) = error as? BackupError else {
                return XCTFail("expected .fileOperationFailed, got \(error)")
            }
        }

        let goodBackup = folder + "/good.sqlite"
        _ = try store.backup(toPath: goodBackup)
        XCTAssertThrowsError(try Store.restore(fromBackup: goodBackup, into: store.configuration)) { error in
            XCTAssertEqual(error as? BackupError, .destinationExists(path: store.databasePath))
        }
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 1, "the live database is untouched")
    }

    func testRestoringADamagedFileFailsAndLeavesNoDatabase() throws {
        let folder = try makeTemporaryDirectory()
        let damaged = folder + "/damaged.sqlite"
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: damaged))
        let target = StorageConfiguration(dataDirectory: folder + "/new")

        XCTAssertThrowsError(try Store.restore(fromBackup: damaged, into: target)) { error in
            guard case .damaged = error as? BackupError else {
                return XCTFail("expected .damaged, got \(error)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.dataDirectory), [], "no partial file left")
    }
}

/// Which submission ids were sent and acknowledged, shared by the submitting tasks.
///
/// `@unchecked Sendable`: `sent`, `acknowledged` and `stopped` are touched only under `lock`.
private final class SubmissionLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var sent: Set<String> = []
    private var acknowledged: Set<String> = []
    private var stopped = false

    var isStopped: Bool { lock.withLock { stopped } }

    func stop() { lock.withLock { stopped = true } }

    func recordSent(_ id: String) { _ = lock.withLock { sent.insert(id) } }

    func recordAcknowledged(_ id: String) { _ = lock.withLock { acknowledged.insert(id) } }

    func snapshot() -> (sent: Set<String>, acknowledged: Set<String>) {
        lock.withLock { (sent, acknowledged) }
    }

    /// Polls until `condition` holds; fails after 60 s so a stuck writer cannot hang the suite.
    func waitUntil(_ condition: ((sent: Set<String>, acknowledged: Set<String>)) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(60)
        while !condition(snapshot()) {
            guard Date() < deadline else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "submissions stalled"])
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
