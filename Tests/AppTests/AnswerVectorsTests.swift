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
