import Forms
import Spreadsheets
import XCTest
@testable import XLSForm

/// The headings, names and types XLSForm authors write in several ways.
final class ColumnVariantTests: XCTestCase {
    private func questions(_ survey: [[String?]], settings: Worksheet = TestForms.settings, choices: [[String?]] = []) -> [JSONValue] {
        let sheets = [TestForms.sheet("SURVEY", survey), TestForms.sheet("Choices", [["List Name", "name ", "label::da", "label::en"]] + choices), settings]
        return XLSFormReader.read(Workbook(sheets: sheets)).document?.objectValue?["questions"]?.arrayValue ?? []
    }

    func testLabelHeadingsInTheirCommonSpellings() {
        let expected: JSONValue = ["da": "Hvad?", "en": "What?"]
        for headings in [["label::Dansk (da)", "label::English (en)"], ["label::Danish", "label::English"], ["label::da", "label::en"],
                         ["Label:Danish", "LABEL::EN"], ["label", "label::English (en)"], ["label::dansk", "label::en-GB"]] {
            let found = questions([["type", "name"] + headings, ["text", "q", "Hvad?", "What?"]])
            XCTAssertEqual(found.first?.objectValue?["label"], expected, "\(headings)")
        }
    }

    func testPlainLabelsAreInTheDefaultLanguage() {
        let english = TestForms.sheet("settings", [["form_id", "form_title", "default_language"], ["x", "Title", "English (en)"]])
        let found = questions([["type", "name", "label", "label::Dansk (da)", "hint"], ["text", "q", "What?", "Hvad?", "Short"]], settings: english)
        XCTAssertEqual(found.first?.objectValue?["label"], ["da": "Hvad?", "en": "What?"])
        XCTAssertEqual(found.first?.objectValue?["help"], ["en": "Short"])
        let result = XLSFormReader.read(Workbook(sheets: [TestForms.sheet("survey", [["type", "name", "label"], ["text", "q", "What?"]]), english]))
        XCTAssertEqual(result.document?.objectValue?["title"], ["en": "Title"], "form_title is in the default language too")
    }

    func testNamesBecomeIdsAndReferencesFollow() {
        let found = questions([
            ["type", "name", "label", "relevant"],
            ["select_one yn", "Likes_Parks", "Parker?"],
            ["text", "Why_Parks", "Hvorfor?", "${Likes_Parks} = 'Yes'"],
            ["select one from yn or specify other", "Næste spørgsmål", "Næste?"],
            ["select all that apply from yn", "multi", "Flere?"],
        ], choices: [["yn", "Yes", "Ja", "Yes"], ["yn", "No", "Nej", "No"]])
        XCTAssertEqual(found.compactMap { $0.objectValue?["id"]?.stringValue }, ["likes-parks", "why-parks", "naeste-spoergsmaal", "multi"])
        XCTAssertEqual(found[0].objectValue?["options"]?.arrayValue?.compactMap { $0.objectValue?["value"]?.stringValue }, ["yes", "no"])
        XCTAssertEqual(found[1].objectValue?["showIf"], ["question": "likes-parks", "equals": "yes"])
        XCTAssertEqual(found[2].objectValue?["type"], "single_choice")
        XCTAssertEqual(found[2].objectValue?["allowOther"], true)
        XCTAssertEqual(found[3].objectValue?["type"], "multiple_choice")
    }

    func testRangeAppearancesAndYesNoCells() {
        let survey: [[String?]] = [
            ["type", "name", "label::da", "label::en", "parameters", "appearance", "required", "background"],
            ["range", "score", "Point", "Score", "start=0 end=10 step=1"],
            ["range", "plain", "Point", "Score"],
            ["range", "steps", "Point", "Score", "start=0 end=10 step=2"],
            ["text", "long", "Lang", "Long", nil, "multiline"],
            ["select_one yn", "pick", "Vælg", "Pick", nil, "minimal", "TRUE()", "ja"],
            ["begin group", "page", "Side", "Page", nil, "field-list"],
            ["end group"],
        ]
        let sheets = [TestForms.sheet("survey", survey), TestForms.sheet("choices", [["list_name", "name", "label"], ["yn", "y", "J"], ["yn", "n", "N"]]),
                      TestForms.settings]
        let result = XLSFormReader.read(Workbook(sheets: sheets))
        let found = result.document?.objectValue?["questions"]?.arrayValue ?? []
        XCTAssertEqual(found[0].objectValue?["min"], 0)
        XCTAssertEqual(found[0].objectValue?["max"], 10)
        XCTAssertEqual(found[1].objectValue?["max"], 10, "XLSForm's range runs to 10 by default")
        XCTAssertEqual(found[3].objectValue?["multiline"], true)
        XCTAssertEqual(found[4].objectValue?["required"], true)
        XCTAssertEqual(found[4].objectValue?["background"], true)
        XCTAssertEqual(found[5].objectValue?["type"], "section")
        XCTAssertEqual(result.problems.filter { $0.sheet == "survey" }.map { "\($0.row ?? 0) \($0.column ?? ""): \($0.reason.en)" }, [
            "4 parameters: a scale goes in steps of 1; step=2 cannot be expressed",
            "6 appearance: the appearance “minimal” is not used; Borgerdialog shows the question its own way",
        ])
    }

    func testAKeywordWithACommaCannotBeWritten() throws {
        let form = try FormDecoder.decode(jsonText: """
            {"formatVersion": 1, "id": "k", "title": {"da": "T", "en": "T"},
             "themes": [{"key": "t", "name": {"da": "T", "en": "T"}, "description": {"da": "D", "en": "D"},
                         "keywords": {"da": ["ældre", "børn, unge"]}}],
             "questions": [{"id": "q", "type": "yes_no", "label": {"da": "J", "en": "Y"}}]}
            """, file: "k.json")
        XCTAssertThrowsError(try XLSFormWriter.workbook(for: form)) { error in
            XCTAssertEqual((error as? XLSFormExportError)?.place, "$.themes[0].keywords.da[1]")
            XCTAssertEqual((error as? XLSFormExportError)?.reason(in: .da),
                           "nøgleordet »børn, unge« har et komma, men kommaer skiller nøgleordene ad i regnearket")
        }
    }
}
