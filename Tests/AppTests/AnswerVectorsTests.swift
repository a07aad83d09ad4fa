@testable import App
import Foundation
import TestSupport
import XCTest

/// The background queue of new answers' texts: bounded, and one model call per distinct text.
final class AnswerVectorsTests: XCTestCase {
    func testAFloodOfAnswersWaitsNoFurtherThanTheLimitAndEachTextIsReadOnce() throws {
        let model = CountingModel()
        let gate = DispatchSemaphore(value: 0)
        model.gate = gate
        let running = try RunningApplication { $0.semanticModel = .given(model) }
        defer { running.shutDown() }
        let vectors = running.application.analysis.vectors

        vectors.notice(["Bussen kører for sjældent"])  // the background queue takes it and is held in the model
        while model.callCount == 0 { usleep(1_000) }
        let flood = (0..<(AnswerVectors.waitingLimit + 500)).map { "Svar nummer \($0) om busser" }
        vectors.notice(flood)
        vectors.notice(["Svar nummer 7 om busser", "Svar nummer 7 om busser"])  // already waiting: read once
        model.gate = nil
        gate.signal()
        vectors.waitUntilIdle()

        XCTAssertEqual(model.passagesRead.count, 1 + AnswerVectors.waitingLimit,
                       "the first text, then the texts up to the limit; the rest are left to the next run")
        XCTAssertEqual(Set(model.passagesRead).count, model.passagesRead.count, "no text read twice")
        XCTAssertEqual(Array(model.passagesRead.dropFirst().prefix(2)), ["Svar nummer 0 om busser", "Svar nummer 1 om busser"],
                       "the oldest waiting texts are read first")
    }
}

extension AnswerVectorsTests {
    func testStoppingLeavesTheRestOfABacklogAfterTheBatchInHand() throws {
        let model = CountingModel()
        let gate = DispatchSemaphore(value: 0)
        model.gate = gate
        let running = try RunningApplication { $0.semanticModel = .given(model) }
        defer { model.gate = nil; gate.signal(); running.shutDown() }
        let vectors = running.application.analysis.vectors

        vectors.notice(["Bussen kører for sjældent"])
        while model.callCount == 0 { usleep(1_000) }
        vectors.notice((0..<5_000).map { "Svar nummer \($0) om busser" })
        gate.signal()  // the first call ends; the backlog's first batch starts and is held
        while model.callCount < 2 { usleep(1_000) }
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { vectors.stop(); stopped.signal() }
        usleep(500_000)  // lets stop() mark the service as stopping while the batch is held
        model.gate = nil
        gate.signal()
        XCTAssertEqual(stopped.wait(timeout: .now() + 30), .success, "stop returns after the batch in hand")
        XCTAssertEqual(model.passagesRead.count, 1 + AnswerVectors.batchSize, "no batch after the one in hand")
        vectors.notice(["Et nyt svar efter stop"])
        vectors.waitUntilIdle()
        XCTAssertFalse(model.passagesRead.contains("Et nyt svar efter stop"), "nothing is read once stopping")
    }
}
