@testable import Forms
import Foundation
import XCTest

final class StringTrimmingTests: XCTestCase {
    func testTrimsTheSameCharactersAsFoundation() {
        let samples = [
            "", " ", "\t\n\r", "ja", "  ældre  ", "\u{00A0}nbsp\u{00A0}", "\u{2028}linje\u{2029}",
            "\u{3000}ideografisk\u{3000}", "a b", "\u{200B}zero-width\u{200B}", "\u{85}next\u{85}", " 👍🏽 ", "\u{FEFF}bom\u{FEFF}", "\u{200D}joiner", "\u{2009}thin\u{202F}", "\u{B}\u{C}",
        ]
        for sample in samples {
            XCTAssertEqual(sample.trimmingWhitespace, sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
        }
    }

    func testBlankTextAnswerIsEmptyAndTextIsStoredTrimmed() {
        XCTAssertTrue(Question.isEmptyAnswer(.string(" \u{00A0}\n\u{200B}")))
        XCTAssertFalse(Question.isEmptyAnswer(.string(" x ")))
    }
}
