import XCTest
@testable import Forms

/// Every reason a citizen can get is listed, and each reads differently in Danish and English.
final class AnswerReasonTests: XCTestCase {
    func testTheSamplesCoverEveryReason() {
        XCTAssertEqual(Set(AnswerReason.samples.map(\.kind)), Set(AnswerReason.Kind.allCases))
        let shapes = AnswerReason.samples.compactMap { reason -> AnswerReason.AnswerShape? in
            if case .unreadable(let shape) = reason { return shape }
            return nil
        }
        XCTAssertEqual(Set(shapes), Set(AnswerReason.AnswerShape.allCases))
    }

    func testEveryReasonHasDistinctDanishAndEnglish() {
        for reason in AnswerReason.samples {
            let danish = reason.text.da, english = reason.text.en
            XCTAssertFalse(danish.isEmpty, "\(reason)")
            XCTAssertFalse(english.isEmpty, "\(reason)")
            XCTAssertNotEqual(danish, english, "\(reason)")
            XCTAssertTrue(danish.hasSuffix("."), "a full sentence: \(danish)")
            XCTAssertTrue(english.hasSuffix("."), "a full sentence: \(english)")
        }
        let danishTexts = AnswerReason.samples.map(\.text.da)
        XCTAssertEqual(Set(danishTexts).count, danishTexts.count, "no two reasons read the same")
    }

    func testNumbersReadAsEachLanguageWritesThem() {
        XCTAssertEqual(AnswerReason.aboveMaximum(2.5).text.da, "Tallet må højst være 2,5.")
        XCTAssertEqual(AnswerReason.aboveMaximum(2.5).text.en, "The number must be at most 2.5.")
        XCTAssertEqual(AnswerReason.outsideScale(minimum: 1, maximum: 5, allowsDontKnow: true).text.da,
                       "Vælg et tal fra 1 til 5 eller »Ved ikke«.")
    }

    func testAProblemNamesItsFieldAndReadsInTheAskedLanguage() {
        let problem = AnswerProblem(field: "age", reason: .notAnOption("x"))
        XCTAssertEqual(problem.reason(in: .da), "»x« er ikke en af svarmulighederne. Vælg en af de viste muligheder.")
        XCTAssertEqual(problem.description, "age: “x” is not one of the choices. Pick one of the choices shown.")
    }

    func testTheTabletSaysRequiredInTheServersWords() {
        XCTAssertEqual(ClientInterfaceText.entries["requiredError"], AnswerReason.required.text)
    }
}
