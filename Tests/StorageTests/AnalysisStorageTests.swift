import Foundation
import GRDB
import XCTest
@testable import Storage

/// Analysis runs, theme decisions and retention purges.
final class AnalysisStorageTests: XCTestCase {
    func testARunGoesFromQueuedToDoneWithItsResult() throws {
        let store = try makeStore()
        let run = try store.createAnalysisRun(formID: "f", sessionCodes: ["A", "B"], questionIDs: ["q"], createdBy: "a@k.dk", at: date(0))
        XCTAssertEqual(run.status, .queued)
        try store.updateAnalysisRun(id: run.id, status: .running, progress: 0.5, message: "Analyserer", at: date(1))
        XCTAssertNil(try store.analysisRun(id: run.id)?.finishedAt)
        try store.updateAnalysisRun(id: run.id, status: .done, progress: 1, message: nil, result: #"{"themes":[]}"#, at: date(2))
        let done = try XCTUnwrap(try store.analysisRun(id: run.id))
        XCTAssertEqual(done.status, .done)
        XCTAssertEqual(done.sessionCodes, ["A", "B"])
        XCTAssertEqual(done.result, #"{"themes":[]}"#)
        XCTAssertEqual(done.finishedAt, date(2))
        XCTAssertEqual(try store.analysisRuns(formID: "f").map(\.id), [run.id])
        XCTAssertEqual(try store.analysisRuns(formID: "other").count, 0)
    }

    func testRunsInterruptedByARestartAreMarkedFailed() throws {
        let store = try makeStore()
        let run = try store.createAnalysisRun(formID: "f", sessionCodes: [], questionIDs: [], createdBy: "a")
        try store.failInterruptedAnalysisRuns()
        XCTAssertEqual(try store.analysisRun(id: run.id)?.status, .failed)
    }

    func testDecisionsAreKeptInOrderAndCanBeWithdrawn() throws {
        let store = try makeStore()
        let first = try store.addThemeDecision(formID: "f", decision: #"{"kind":"offTopic","answer":"x"}"#, decidedBy: "a")
        _ = try store.addThemeDecision(formID: "f", decision: #"{"kind":"offTopic","answer":"y"}"#, decidedBy: "a")
        _ = try store.addThemeDecision(formID: "g", decision: "{}", decidedBy: "a")
        XCTAssertEqual(try store.themeDecisions(formID: "f").count, 2)
        XCTAssertEqual(try store.withdrawThemeDecision(id: first.id), "f")
        XCTAssertNil(try store.withdrawThemeDecision(id: first.id), "already withdrawn")
        XCTAssertEqual(try store.themeDecisions(formID: "f").map(\.decision), [#"{"kind":"offTopic","answer":"y"}"#])
    }

    func testPurgingRemovesOldResponsesWithTheirAnswersAndContactsAndRecordsIt() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        for (index, seconds) in [0.0, 10, 20].enumerated() {
            _ = try await store.submit(NewSubmission(
                submissionID: "s-\(index)", sessionID: session.id, answers: ["q": #""svar""#], receivedAt: date(seconds),
                clientSubmittedAt: nil, isLate: false, tableLabel: nil,
                contact: ContactDetails(name: "N", email: "n@k.dk", consentText: "ja")))
        }
        XCTAssertEqual(try store.purgeResponses(receivedBefore: date(15), actor: "cli", at: date(100)), 2)
        XCTAssertEqual(try store.responses(sessionID: session.id).map(\.submissionID), ["s-2"])
        let leftovers = try await store.pool.read { database in
            (try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM answer")!, try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM contact")!)
        }
        XCTAssertEqual(leftovers.0, 1)
        XCTAssertEqual(leftovers.1, 1)
        let events = try store.retentionEvents()
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events.first?.responsesDeleted, 2)
        XCTAssertEqual(events.first?.purgedBefore, date(15))
    }
}
