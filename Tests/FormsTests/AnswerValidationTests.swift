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

    private func assertRejected(_ id: String, _ answer: JSONValue, reason: String,
                                extra: [String: JSONValue] = [:], file: StaticString = #filePath, line: UInt = #line) {
        let result = check(id, answer, extra: extra)
        XCTAssertEqual(result.problems, [AnswerProblem(question: id, reason: reason)], "\(id) = \(answer.jsonText)",
                       file: file, line: line)
        XCTAssertNil(result.accepted[id], file: file, line: line)
        XCTAssertFalse(result.isValid, file: file, line: line)
    }

    func testText() {
        assertAccepted("comment", "  Mere grønt i byen  ", as: "Mere grønt i byen")
        assertAccepted("comment", .string(String(repeating: "æ", count: 200)))
        assertRejected("comment", .string(String(repeating: "æ", count: 201)),
                       reason: "the text is 201 characters long; at most 200 are allowed")
        assertRejected("comment", 42, reason: "expected text, found a number")
        XCTAssertNil(check("comment", "   \n ").accepted["comment"], "blank text is no answer")
    }

    func testSingleChoice() {
        assertAccepted("role", "volunteer", extra: ["volunteer-hours": 4])
        assertAccepted("role", ["other": " Pensionist "], as: ["other": "Pensionist"])
        assertRejected("role", "mayor", reason: "'mayor' is not an option")
        assertRejected("role", ["other": 3], reason: "other: expected text, found a number")
        assertRejected("role", ["selected": ["citizen"]], reason: "expected {\"other\": \"text\"}")
        assertRejected("role", ["other": ""], reason: "an answer is required")
    }

    func testMultipleChoice() {
        assertAccepted("activities", ["social", "sport"], as: ["sport", "social"], extra: ["sport-detail": "Fodbold"])
        assertAccepted("activities", ["selected": ["culture"], "other": " Kor "], as: ["selected": ["culture"], "other": "Kor"])
        assertAccepted("activities", ["selected": [], "other": "Kor"], as: ["selected": [], "other": "Kor"])
        assertAccepted("activities", ["selected": ["culture"], "other": ""], as: ["culture"])
        assertRejected("activities", ["sport", "culture", "social"], reason: "pick at most 2 (picked 3)")
        assertRejected("activities", ["selected": ["sport", "culture"], "other": "Kor"], reason: "pick at most 2 (picked 3)")
        assertRejected("activities", ["sport", "sport"], reason: "'sport' is selected twice")
        assertRejected("activities", ["chess"], reason: "'chess' is not an option")
        assertRejected("activities", "sport", reason: "expected an array of option values, found a string")
        XCTAssertNil(check("activities", []).accepted["activities"], "an empty selection is no answer")
    }

    func testMinimumSelectionApplies() throws {
        let form = try FormDecoder.decode(jsonText: """
            {"formatVersion": 1, "id": "pick", "title": {"da": "T", "en": "T"}, "themes": [],
             "questions": [{"id": "q", "type": "multiple_choice", "minSelected": 2, "label": {"da": "V", "en": "P"},
               "options": [{"value": "a", "label": {"da": "A", "en": "A"}}, {"value": "b", "label": {"da": "B", "en": "B"}}]}]}
            """, file: "pick.json")
        XCTAssertEqual(form.validate(answers: ["q": ["a"]]).problems, [AnswerProblem(question: "q", reason: "pick at least 2 (picked 1)")])
        XCTAssertEqual(form.validate(answers: ["q": ["b", "a"]]).accepted, ["q": ["a", "b"]])
    }

    func testScale() {
        assertAccepted("satisfaction", 1)
        assertAccepted("satisfaction", 5.0, as: 5)
        assertAccepted("satisfaction", "dont_know")
        assertRejected("satisfaction", 6, reason: "expected a whole number from 1 to 5 or \"dont_know\", found 6")
        assertRejected("satisfaction", 2.5, reason: "expected a whole number from 1 to 5 or \"dont_know\", found 2.5")
        assertRejected("satisfaction", "3", reason: "expected a whole number from 1 to 5 or \"dont_know\", found \"3\"")
    }

    func testYesNo() {
        assertAccepted("wants-more", true)
        assertAccepted("wants-more", false, extra: ["why-not": "Ingen tid"])
        assertRejected("wants-more", "yes", reason: "expected true or false, found a string")
    }

    func testNumber() {
        let volunteer: [String: JSONValue] = ["role": "volunteer"]
        assertAccepted("volunteer-hours", 0, extra: volunteer)
        assertAccepted("volunteer-hours", 100, extra: volunteer)
        assertRejected("volunteer-hours", 101, reason: "101 is above the maximum 100", extra: volunteer)
        assertRejected("volunteer-hours", -1, reason: "-1 is below the minimum 0", extra: volunteer)
        assertRejected("volunteer-hours", 2.5, reason: "expected a whole number, found 2.5", extra: volunteer)
        assertRejected("volunteer-hours", "4", reason: "expected a number, found a string", extra: volunteer)
    }

    func testRanking() {
        assertAccepted("priorities", ["laering", "sundhed", "faellesskab"])
        assertRejected("priorities", ["laering", "sundhed"], reason: "rank all 3 items (ranked 2)")
        assertRejected("priorities", ["laering", "laering", "sundhed"], reason: "'laering' is ranked twice")
        assertRejected("priorities", ["laering", "sport", "sundhed"], reason: "'sport' is not an item")
        assertAccepted("top-two", ["c", "a"])
        assertRejected("top-two", ["c"], reason: "rank at least 2 items (ranked 1)")
    }

    func testPoints() {
        assertAccepted("budget", ["sundhed": 7, "laering": 3, "faellesskab": 0], as: ["sundhed": 7, "laering": 3])
        assertRejected("budget", ["sundhed": 7], reason: "7 points given; all 10 must be used")
        assertRejected("budget", ["sundhed": 7, "laering": 4], reason: "11 points given; at most 10 are available")
        assertRejected("budget", ["sundhed": -1], reason: "points for 'sundhed' must be a whole number from 0 to 10")
        assertRejected("budget", ["sundhed": 2.5], reason: "points for 'sundhed' must be a whole number from 0 to 10")
        assertRejected("budget", ["sport": 10], reason: "'sport' is not an item")
        assertAccepted("spare", ["x": 2])
        XCTAssertNil(check("spare", ["x": 0, "y": 0]).accepted["spare"], "zero points is no answer")
    }

    func testRequiredQuestionsMustBeAnswered() {
        let result = form.validate(answers: [:])
        XCTAssertEqual(result.problems, [AnswerProblem(question: "role", reason: "an answer is required")])
        for empty: JSONValue in [nil, "", " ", [], .object([:])] {
            XCTAssertEqual(form.validate(answers: ["role": empty]).problems.map(\.reason), ["an answer is required"])
        }
    }

    func testHiddenRequiredQuestionIsNotRequiredAndItsAnswerIsDropped() {
        let hidden = form.validate(answers: ["role": "citizen", "volunteer-hours": 12, "why-not": "Ingen tid"])
        XCTAssertEqual(hidden.problems, [])
        XCTAssertEqual(hidden.accepted, ["role": "citizen"])

        let shown = form.validate(answers: ["role": "volunteer"])
        XCTAssertEqual(shown.problems, [AnswerProblem(question: "volunteer-hours", reason: "an answer is required")])

        let shownByFalse = form.validate(answers: ["role": "citizen", "wants-more": false])
        XCTAssertEqual(shownByFalse.problems, [AnswerProblem(question: "why-not", reason: "an answer is required")])
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
            AnswerProblem(question: "favourite-colour", reason: "unknown question"),
            AnswerProblem(question: "welcome", reason: "info takes no answer"),
        ])
    }

    func testAllProblemsAreReportedAtOnce() {
        let result = form.validate(answers: ["satisfaction": 9, "wants-more": "ja"])
        XCTAssertEqual(result.problems.map(\.question), ["role", "satisfaction", "wants-more"])
    }
}
