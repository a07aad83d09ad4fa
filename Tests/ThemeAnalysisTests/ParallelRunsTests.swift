@testable import ThemeAnalysis
import XCTest

final class ParallelRunsTests: XCTestCase {
    func testResultsComeBackInIndexOrderWhateverFinishesFirst() {
        let squares = ParallelRuns.map(count: 64) { index in
            // Early indices work longest, so they tend to finish last.
            var total = 0
            for step in 0..<((64 - index) * 2_000) { total &+= step }
            return (index * index, total >= 0)
        }
        XCTAssertEqual(squares.map(\.0), (0..<64).map { $0 * $0 })
    }
}
