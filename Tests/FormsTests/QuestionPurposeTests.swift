import XCTest
@testable import Forms

final class QuestionPurposeTests: XCTestCase {
    private func form(question: String) throws(FormDecodingError) -> Form {
        try FormDecoder.decode(jsonText: """
            {"formatVersion": 1, "id": "p", "title": {"da": "T", "en": "T"}, "themes": [],
             "questions": [{"id": "first", "type": "yes_no", "label": {"da": "J", "en": "Y"}}, \(question)]}
            """, file: "p.json")
    }

    func testAPurposeIsDecoded() throws {
        for purpose in QuestionPurpose.allCases {
            let decoded = try form(question: #"{"id": "q", "type": "text", "purpose": "\#(purpose.rawValue)", "label": {"da": "H", "en": "W"}}"#)
            XCTAssertEqual(decoded.question(id: "q")?.purpose, purpose)
        }
        XCTAssertNil(try form(question: #"{"id": "q", "type": "text", "label": {"da": "H", "en": "W"}}"#).question(id: "q")?.purpose)
        XCTAssertEqual(QuestionPurpose.change.label, LocalizedText(da: "Hvad skal ændres", en: "What should change"))
    }

    func testAMisspeltOrMisplacedPurposeIsAProblem() {
        let cases: [(String, String, String)] = [
            (#"{"id": "q", "type": "text", "purpose": "work", "label": {"da": "H", "en": "W"}}"#,
             "$.questions[1].purpose", "unknown purpose 'work' (did you mean 'works'?)"),
            (#"{"id": "q", "type": "text", "purpose": "complaint", "label": {"da": "H", "en": "W"}}"#,
             "$.questions[1].purpose", "unknown purpose 'complaint' (use 'works', 'change', 'idea')"),
            (#"{"id": "q", "type": "text", "purpose": 1, "label": {"da": "H", "en": "W"}}"#,
             "$.questions[1].purpose", "expected a string, found a number"),
            (#"{"id": "q", "type": "info", "purpose": "idea", "label": {"da": "H", "en": "W"}}"#,
             "$.questions[1].purpose", "'purpose' does not apply to info, which takes no answer"),
            (#"{"id": "q", "type": "text", "purpos": "idea", "label": {"da": "H", "en": "W"}}"#,
             "$.questions[1].purpos", "unknown field 'purpos' in a question of type text (did you mean 'purpose'?)"),
        ]
        for (question, path, reason) in cases {
            XCTAssertThrowsError(try form(question: question), question) { error in
                let problems = (error as? FormDecodingError)?.problems ?? []
                XCTAssertEqual(problems.map(\.path), [path], question)
                XCTAssertEqual(problems.map { $0.reason(in: .en) }, [reason], question)
            }
        }
    }

    func testShippedFormsMarkTheirWorksAndChangeQuestions() {
        let forms = FormCatalog.load(directory: FixtureFiles.formsDirectory.path).forms
        var counts: [QuestionPurpose: Int] = [:]
        for question in forms.flatMap(\.questions) {
            if question.id.hasSuffix("-works") { XCTAssertEqual(question.purpose, .works, question.id) }
            // A question that asks both what works and what should change has no single purpose.
            if question.id.hasSuffix("-change") {
                XCTAssertEqual(question.purpose, question.label.en.contains("works well") ? nil : .change, question.id)
            }
            if let purpose = question.purpose { counts[purpose, default: 0] += 1 }
        }
        XCTAssertEqual(counts, [.works: 11, .change: 11, .idea: 3])
    }
}
