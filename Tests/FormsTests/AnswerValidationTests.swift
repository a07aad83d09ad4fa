import XCTest
@testable import Forms

/// Answer validation against the all-types fixture: each type with good and bad values.
final class AnswerValidationTests: XCTestCase {
    private var form: Form!

    /// The answers every submission needs, so each test looks at one question only.
    private let requiredAnswers: [String: JSONValue] = ["role": "citizen"]

    override func setUpWithError() throws {
        form = try FixtureFiles.allTypesForm()
    }

    /// Validates one answer besides the required ones.
    private func check(_ id: String, _ answer: JSONValue, extra: [String: JSONValue] = [:]) -> AnswerValidation {
        form.validate(answers: requiredAnswers.merging(extra) { $1 }.merging([id: answer]) { $1 })
    }

    private func assertAccepted(_ id: String, _ answer: JSONValue, as expected: JSONValue? = nil,
                                extra: [String: JSONValue] = [:], file: StaticString = #filePath, line: UInt = #line) {
        let result = check(id, answer, extra: extra)
        XCTAssertEqual(result.problems, [], "\(id) = \(answer.jsonText)", file: file, line: line)
        XCTAssertEqual(result.accepted[id], expected ?? answer, "\(id) = \(answer.jsonText)", file: file, line: line)
    }

    private func assertRejected(_ id: String, _ answer: JSONValue, reason: AnswerReason,
                                extra: [String: JSONValue] = [:], file: StaticString = #filePath, line: UInt = #line) {
        let result = check(id, answer, extra: extra)
        XCTAssertEqual(result.problems, [AnswerProblem(field: id, reason: reason)], "\(id) = \(answer.jsonText)",
                       file: file, line: line)
        XCTAssertNil(result.accepted[id], file: file, line: line)
        XCTAssertFalse(result.isValid, file: file, line: line)
    }

    func testText() {
        assertAccepted("comment", "  Mere grønt i byen  ", as: "Mere grønt i byen")
        assertAccepted("comment", .string(String(repeating: "æ", count: 200)))
        assertRejected("comment", .string(String(repeating: "æ", count: 201)),
                       reason: .textTooLong(length: 201, maximum: 200))
        assertRejected("comment", 42, reason: .unreadable(expected: .text))
        XCTAssertNil(check("comment", "   \n ").accepted["comment"], "blank text is no answer")
    }

    func testSingleChoice() {
        assertAccepted("role", "volunteer", extra: ["volunteer-hours": 4])
        assertAccepted("role", ["other": " Pensionist "], as: ["other": "Pensionist"])
        assertRejected("role", "mayor", reason: .notAnOption("mayor"))
        assertRejected("role", ["other": 3], reason: .unreadable(expected: .otherAnswer))
        assertRejected("role", ["selected": ["citizen"]], reason: .unreadable(expected: .otherAnswer))
        assertRejected("role", ["other": ""], reason: .required)
        assertRejected("role", ["other": .string(String(repeating: "x", count: 501))], reason: .otherTextTooLong(length: 501, maximum: 500))
    }

    func testMultipleChoice() {
        assertAccepted("activities", ["social", "sport"], as: ["sport", "social"], extra: ["sport-detail": "Fodbold"])
        assertAccepted("activities", ["selected": ["culture"], "other": " Kor "], as: ["selected": ["culture"], "other": "Kor"])
        assertAccepted("activities", ["selected": [], "other": "Kor"], as: ["selected": [], "other": "Kor"])
        assertAccepted("activities", ["selected": ["culture"], "other": ""], as: ["culture"])
        assertRejected("activities", ["sport", "culture", "social"], reason: .tooManySelected(maximum: 2, selected: 3))
        assertRejected("activities", ["selected": ["sport", "culture"], "other": "Kor"], reason: .tooManySelected(maximum: 2, selected: 3))
        assertRejected("activities", ["sport", "sport"], reason: .selectedTwice("sport"))
        assertRejected("activities", ["chess"], reason: .notAnOption("chess"))
        assertRejected("activities", "sport", reason: .unreadable(expected: .options))
        XCTAssertNil(check("activities", []).accepted["activities"], "an empty selection is no answer")
    }

    func testMinimumSelectionApplies() throws {
        let form = try FormDecoder.decode(jsonText: """
            {"formatVersion": 1, "id": "pick", "title": {"da": "T", "en": "T"}, "themes": [],
             "questions": [{"id": "q", "type": "multiple_choice", "minSelected": 2, "label": {"da": "V", "en": "P"},
               "options": [{"value": "a", "label": {"da": "A", "en": "A"}}, {"value": "b", "label": {"da": "B", "en": "B"}}]}]}
            """, file: "pick.json")
        XCTAssertEqual(form.validate(answers: ["q": ["a"]]).problems, [AnswerProblem(field: "q", reason: .tooFewSelected(minimum: 2, selected: 1))])
        XCTAssertEqual(form.validate(answers: ["q": ["b", "a"]]).accepted, ["q": ["a", "b"]])
    }

    func testScale() {
        assertAccepted("satisfaction", 1)
        assertAccepted("satisfaction", 5.0, as: 5)
        assertAccepted("satisfaction", "dont_know")
        let outside = AnswerReason.outsideScale(minimum: 1, maximum: 5, allowsDontKnow: true)
        assertRejected("satisfaction", 6, reason: outside)
        assertRejected("satisfaction", 2.5, reason: outside)
        assertRejected("satisfaction", "3", reason: outside)
    }

    func testYesNo() {
        assertAccepted("wants-more", true)
        assertAccepted("wants-more", false, extra: ["why-not": "Ingen tid"])
        assertRejected("wants-more", "yes", reason: .unreadable(expected: .yesOrNo))
    }

    func testNumber() {
        let volunteer: [String: JSONValue] = ["role": "volunteer"]
        assertAccepted("volunteer-hours", 0, extra: volunteer)
        assertAccepted("volunteer-hours", 100, extra: volunteer)
        assertRejected("volunteer-hours", 101, reason: .aboveMaximum(100), extra: volunteer)
        assertRejected("volunteer-hours", -1, reason: .belowMinimum(0), extra: volunteer)
        assertRejected("volunteer-hours", 2.5, reason: .notWholeNumber, extra: volunteer)
        assertRejected("volunteer-hours", "4", reason: .unreadable(expected: .number), extra: volunteer)
    }

    func testRanking() {
        assertAccepted("priorities", ["laering", "sundhed", "faellesskab"])
        assertRejected("priorities", ["laering", "sundhed"], reason: .notAllRanked(count: 3, ranked: 2))
        assertRejected("priorities", ["laering", "laering", "sundhed"], reason: .rankedTwice("laering"))
        assertRejected("priorities", ["laering", "sport", "sundhed"], reason: .notAnItem("sport"))
        assertAccepted("top-two", ["c", "a"])
        assertRejected("top-two", ["c"], reason: .tooFewRanked(minimum: 2, ranked: 1))
    }

    func testPoints() {
        assertAccepted("budget", ["sundhed": 7, "laering": 3, "faellesskab": 0], as: ["sundhed": 7, "laering": 3])
        assertRejected("budget", ["sundhed": 7], reason: .pointsNotAllUsed(given: 7, total: 10))
        assertRejected("budget", ["sundhed": 7, "laering": 4], reason: .tooManyPoints(given: 11, total: 10))
        assertRejected("budget", ["sundhed": -1], reason: .pointsOutOfRange(item: "sundhed", total: 10))
        assertRejected("budget", ["sundhed": 2.5], reason: .pointsOutOfRange(item: "sundhed", total: 10))
        assertRejected("budget", ["sport": 10], reason: .notAnItem("sport"))
        assertAccepted("spare", ["x": 2])
        XCTAssertNil(check("spare", ["x": 0, "y": 0]).accepted["spare"], "zero points is no answer")
    }

    func testRequiredQuestionsMustBeAnswered() {
        let result = form.validate(answers: [:])
        XCTAssertEqual(result.problems, [AnswerProblem(field: "role", reason: .required)])
        for empty: JSONValue in [nil, "", " ", [], .object([:])] {
            XCTAssertEqual(form.validate(answers: ["role": empty]).problems.map(\.reason), [.required])
        }
    }

    func testHiddenRequiredQuestionIsNotRequiredAndItsAnswerIsDropped() {
        let hidden = form.validate(answers: ["role": "citizen", "volunteer-hours": 12, "why-not": "Ingen tid"])
        XCTAssertEqual(hidden.problems, [])
        XCTAssertEqual(hidden.accepted, ["role": "citizen"])

        let shown = form.validate(answers: ["role": "volunteer"])
        XCTAssertEqual(shown.problems, [AnswerProblem(field: "volunteer-hours", reason: .required)])

        let shownByFalse = form.validate(answers: ["role": "citizen", "wants-more": false])
        XCTAssertEqual(shownByFalse.problems, [AnswerProblem(field: "why-not", reason: .required)])
    }

    func testConditionOnAMultipleChoiceMatchesAnySelectedOption() {
        let shown = form.validate(answers: ["role": "citizen", "activities": ["culture", "sport"], "sport-detail": "Håndbold"])
        XCTAssertEqual(shown.accepted["sport-detail"], "Håndbold")
        let hidden = form.validate(answers: ["role": "citizen", "activities": ["culture"], "sport-detail": "Håndbold"])
        XCTAssertNil(hidden.accepted["sport-detail"])
        XCTAssertEqual(hidden.problems, [])
    }

    func testAnInvalidHiddenAnswerIsDroppedWithoutAProblem() {
        let result = form.validate(answers: ["role": "citizen", "volunteer-hours": "lots"])
        XCTAssertEqual(result.problems, [])
        XCTAssertNil(result.accepted["volunteer-hours"])
    }

    func testUnknownQuestionsAndAnswersToInfoAreProblems() {
        let result = form.validate(answers: ["role": "citizen", "favourite-colour": "blå", "welcome": "hej", "intro-section": nil])
        XCTAssertEqual(result.problems, [
            AnswerProblem(field: "favourite-colour", reason: .unknownQuestion),
            AnswerProblem(field: "welcome", reason: .takesNoAnswer),
        ])
    }

    func testAllProblemsAreReportedAtOnce() {
        let result = form.validate(answers: ["satisfaction": 9, "wants-more": "ja"])
        XCTAssertEqual(result.problems.map(\.field), ["role", "satisfaction", "wants-more"])
    }
}
