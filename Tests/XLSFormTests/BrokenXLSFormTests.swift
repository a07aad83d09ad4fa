import Forms
import Foundation
import Spreadsheets
import XCTest
import ZIPFoundation
@testable import XLSForm

/// Broken workbooks: each problem at its sheet, row and column, in Danish and English.
final class BrokenXLSFormTests: XCTestCase {
    private let header: [String?] = ["type", "name", "label::Dansk (da)", "label::English (en)", "relevant"]

    private func read(survey rows: [[String?]], choices: [[String?]]? = nil) -> XLSFormImport {
        var sheets = [TestForms.sheet("survey", [header] + rows), TestForms.settings]
        if let choices { sheets.append(TestForms.sheet("choices", [["list_name", "name", "label::Dansk (da)", "label::English (en)"]] + choices)) }
        return XLSFormReader.read(Workbook(sheets: sheets))
    }

    /// "sheet!row!column: english reason" for compact expectations.
    private func summary(_ problems: [XLSFormProblem]) -> [String] {
        problems.map { "\($0.sheet ?? "-")!\($0.row.map(String.init) ?? "-")!\($0.column ?? "-"): \($0.reason.en)" }
    }

    func testAFileThatIsNotAWorkbook() {
        let result = XLSFormReader.read(Data("type,name,label\ntext,idea,Idé\n".utf8))
        XCTAssertNil(result.document)
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertNil(result.problems.first?.sheet)
        XCTAssertEqual(result.problems.first?.reason(in: .da), "filen er ikke en Excel-arbejdsbog (.xlsx); gem den som .xlsx og prøv igen")
        XCTAssertEqual(result.problems.first?.reason(in: .en), "the file is not an Excel workbook (.xlsx); save it as .xlsx and try again")
    }

    func testAZipWithoutAWorkbook() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let content = Data("<document/>".utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(content.count)) { position, size in
            content.subdata(in: Int(position)..<Int(position) + size)
        }
        let result = XLSFormReader.read(try XCTUnwrap(archive.data))
        XCTAssertNil(result.document)
        XCTAssertEqual(result.problems.map { $0.reason(in: .en) },
                       ["the file is a ZIP file but not an Excel workbook: the part xl/workbook.xml is missing"])
        XCTAssertEqual(result.problems.map { $0.reason(in: .da) },
                       ["filen er en ZIP-fil, men ikke en Excel-arbejdsbog: delen xl/workbook.xml mangler"])
    }

    func testAWorkbookWithoutASurvey() {
        let result = XLSFormReader.read(Workbook(sheets: [TestForms.settings, TestForms.sheet("Ark1", [["x"]])]))
        XCTAssertEqual(summary(result.problems), [
            "-!-!-: the workbook has no “survey” sheet with the questions",
            "Ark1!-!-: Borgerdialog does not use the sheet “Ark1”; it is left out",
        ], "the decoder's missing questions are the missing sheet, said once")
    }

    func testAnUnknownTypeAMissingListAndAConditionThatCannotBeSaid() {
        let result = read(survey: [
            ["geopoint", "where", "Hvor?", "Where?"],
            ["select_one colours", "colour", "Farve?", "Colour?"],
            ["select_one yes_no", "ok", "OK?", "OK?"],
            ["text", "why", "Hvorfor?", "Why?", "${ok} = 'yes' and ${colour} = 'red'"],
            ["text", "what", "Hvad?", "What?", "${ok} != 'no'"],
            ["integer", "age", "Alder?", "Age?"],
            ["text", "older", "Ældre?", "Older?", "${age} > 60"],
            ["calculate", "sum", nil, nil],
        ], choices: [["yes_no", "yes", "Ja", "Yes"], ["yes_no", "no", "Nej", "No"]])
        XCTAssertEqual(summary(result.problems), [
            "survey!2!type: the type “geopoint” does not exist in Borgerdialog (the types are text, integer, decimal, select_one, select_multiple, rank, range, note, begin_group, end_group, scale, yes_no, points); the row is left out",
            "survey!3!type: the list “colours” does not exist in the choices sheet",
            "survey!5!relevant: and cannot be used: a condition looks at one answer and shows the question for a list of values; the condition is left out",
            "survey!6!relevant: != cannot be used: a condition says which answers show the question, not which do not; the condition is left out",
            "survey!8!relevant: the comparison > can only be used on a scale; use = and or; the condition is left out",
            "survey!9!type: the type “calculate” does not exist in Borgerdialog (the types are text, integer, decimal, select_one, select_multiple, rank, range, note, begin_group, end_group, scale, yes_no, points); the row is left out",
        ], "the missing list is reported once, not again by the form decoder")
        XCTAssertEqual(result.problems[1].cell?.description, "A3")
        XCTAssertEqual(result.problems[1].reason(in: .da), "listen »colours« findes ikke i arket choices")
        XCTAssertEqual(result.problems[2].cell?.description, "E5")
        XCTAssertTrue(result.problems[2].reason(in: .da).hasPrefix("and kan ikke bruges"), result.problems[2].reason(in: .da))
        let questions = result.document?.objectValue?["questions"]?.arrayValue ?? []
        XCTAssertEqual(questions.compactMap { $0.objectValue?["id"]?.stringValue }, ["colour", "ok", "why", "what", "age", "older"],
                       "what could be read is still there")
        XCTAssertNil(questions[2].objectValue?["showIf"])
    }

    func testTheFormDecodersProblemsArePlacedAtTheirCells() {
        let result = read(survey: [
            ["text", "idea", "Idé?", nil],
            ["text", "idea", "Idé igen?", "Idea again?"],
            ["text", "early", "Tidlig?", "Early?", "${late} = 'x'"],
            ["select_one yes_no", "late", "Sen?", "Late?"],
            ["scale", "score", "Point?", "Score?"],
        ], choices: [["yes_no", "yes", "Ja", nil], ["yes_no", "Yes", "Ja!", "Yes!"]])
        XCTAssertEqual(summary(result.problems), [
            "survey!2!label::English (en): missing English translation",
            "survey!3!name: duplicate question id 'idea' (first used at $.questions[0])",
            "survey!4!relevant: condition refers to question 'late', which comes later in the form (a condition can only use earlier answers)",
            "choices!2!label::English (en): missing English translation",
            "choices!3!name: duplicate option value 'yes' (first used at $.questions[3].options[0])",
        ])
        XCTAssertEqual(result.problems[0].cell?.description, "D2")
        XCTAssertEqual(result.problems[0].path, "$.questions[0].label.en")
        XCTAssertEqual(result.problems[0].description(in: .da), "survey, række 2, kolonne label::English (en) (D2): teksten på engelsk mangler")
        XCTAssertEqual(result.problems[2].reason(in: .da),
                       "betingelsen henviser til spørgsmålet 'late', som kommer senere i spørgeskemaet (en betingelse kan kun bruge tidligere svar)")
        XCTAssertNil(result.form)
    }

    func testUnusedColumnsListsAndRowsAreNeverLeftOutUnsaid() {
        var header = self.header
        header += ["constraint", "label::Swahili (sw)", "label::da", nil]
        let sheets = [
            TestForms.sheet("survey", [header,
                ["text", "idea", "Idé?", "Idea?", nil, ". != ''", "Wazo?", "Idé igen", "stray"],
                [nil, "lost", "Tabt?", "Lost?"],
                ["begin repeat", "people", "Personer", "People"],
                ["end repeat"],
                ["end_group"],
            ]),
            TestForms.sheet("choices", [["list_name", "name", "label::Dansk (da)", "label::English (en)"], ["unused", "a", "A", "A"]]),
            TestForms.settings,
        ]
        let result = XLSFormReader.read(Workbook(sheets: sheets))
        XCTAssertEqual(summary(result.problems), [
            "survey!2!constraint: Borgerdialog does not use the column “constraint”; the value is left out",
            "survey!2!label::Swahili (sw): the language “Swahili (sw)” is not one of the forms' languages (Danish and English); the value is left out",
            "survey!2!label::da: the column repeats “label::Dansk (da)”, which is used instead; the value is left out",
            "survey!2!I: the column has no heading; the value is left out",
            "survey!3!type: the row has no type; it is left out",
            "survey!4!type: repeats (begin_repeat) cannot be expressed; the questions in it are asked once",
            "survey!6!type: end_group without a begin_group before it",
            "choices!2!list_name: no question uses the list “unused”; it is left out",
        ])
        XCTAssertNotNil(result.form, "the problems left parts out, but what is left is a valid form")
    }
}
