import Exports
import Forms
import Foundation
import XCTest

/// The bundle entry point to `Forms`' summaries: every response counted, every question in form order.
final class QuestionSummaryTests: XCTestCase {
    func summary(_ id: String) throws -> QuestionSummary {
        try XCTUnwrap(QuestionSummary.summaries(for: try ExportFixtures.bundle()).first { $0.question == id })
    }

    func testEveryAnswerableQuestionInFormOrder() throws {
        let ids = QuestionSummary.summaries(for: try ExportFixtures.bundle()).map(\.question)
        XCTAssertEqual(ids, try ExportFixtures.form().answerableQuestions.map(\.id))
    }

    func testCountsComeFromEveryResponse() throws {
        XCTAssertEqual(try summary("activities").options?.map(\.count), [2, 1, 1])
        XCTAssertEqual(try summary("activities").other, 1)
        let satisfaction = try summary("satisfaction")
        XCTAssertEqual(satisfaction.mean ?? 0, 11.0 / 3.0, accuracy: 1e-3)
        XCTAssertEqual(satisfaction.distribution?.map(\.count), [0, 1, 0, 1, 1])
        XCTAssertEqual(satisfaction.dontKnow, 1)
        XCTAssertEqual(try summary("priorities").items?.compactMap(\.meanRank), [1.5, 2.0, 2.5])
        XCTAssertEqual(try summary("budget").items?.compactMap(\.totalPoints), [6, 14])
        XCTAssertEqual(try summary("age-group").answered, 4)
    }
}
