import Forms
import Foundation
import XCTest
@testable import XLSForm

/// Real XLSForms made for ODK/KoboToolbox (pyxform's own examples): what fits is read, the rest is listed.
final class RealXLSFormTests: XCTestCase {
    private func read(_ name: String, fileName: String? = nil) throws -> XLSFormImport {
        XLSFormReader.read(try Data(contentsOf: TestForms.fixturesDirectory.appendingPathComponent(name)), fileName: fileName)
    }

    func testASelectOneWithOrOtherAndExtraColumns() throws {
        let result = try read("or_other.xlsx", fileName: "or_other.xlsx")
        let questions = try XCTUnwrap(result.document?.objectValue?["questions"]?.arrayValue)
        XCTAssertEqual(questions.map { $0.objectValue?["id"] }, ["fav-color", "fav-pastel"], "names become ids")
        XCTAssertEqual(questions[0].objectValue?["type"], "single_choice")
        XCTAssertEqual(questions[0].objectValue?["allowOther"], true, "or_other")
        XCTAssertNil(questions[1].objectValue?["allowOther"])
        XCTAssertEqual(questions[1].objectValue?["options"]?.arrayValue?.compactMap { $0.objectValue?["value"]?.stringValue },
                       ["red", "green", "blue", "mauve", "apricot"])
        XCTAssertEqual(questions[0].objectValue?["label"], ["da": "What is your favorite color?"],
                       "a plain label is in the default language, Danish without settings")
        XCTAssertEqual(result.document?.objectValue?["id"], "or-other", "the id comes from the file name")

        let leftOut = result.problems.filter { $0.reason.en.hasSuffix("the value is left out") }
        XCTAssertEqual(leftOut.map { "\($0.sheet ?? "")!\($0.cell?.description ?? "")" },
                       ["survey!D3", "choices!D2", "choices!D3", "choices!D4", "choices!D5", "choices!D6"])
        XCTAssertEqual(leftOut.first?.column, "choice_filter")
        XCTAssertEqual(leftOut.first?.reason(in: .da), "Borgerdialog bruger ikke kolonnen »choice_filter«; værdien er udeladt")
        let missingEnglish = result.problems.filter { $0.reason.en == "missing English translation" }
        XCTAssertEqual(missingEnglish.map { "\($0.sheet ?? "")!\($0.row ?? 0)!\($0.column ?? "")" }, [
            "survey!2!label::English (en)", "survey!3!label::English (en)",
            "choices!2!label::English (en)", "choices!3!label::English (en)", "choices!4!label::English (en)",
            "choices!5!label::English (en)", "choices!6!label::English (en)",
        ], "each choice once, although two questions share the list")
        XCTAssertEqual(missingEnglish.first?.path, "$.questions[0].label.en")
        XCTAssertTrue(result.problems.contains { $0.sheet == "settings" && $0.column == "form_title" })
        XCTAssertNil(result.form, "a form needs its English texts and a title")
    }

    func testAGroupAndATypeTheFormsDoNotHave() throws {
        let result = try read("group.xlsx")
        let questions = try XCTUnwrap(result.document?.objectValue?["questions"]?.arrayValue)
        XCTAssertEqual(questions.map { $0.objectValue?["type"] }, ["text", "section", "number"])
        XCTAssertEqual(questions[1].objectValue?["label"], ["en": "Father"], "label:English (en) with one colon")
        XCTAssertEqual(questions[2].objectValue?["integer"], true)
        let phone = try XCTUnwrap(result.problems.first { $0.column == "type" })
        XCTAssertEqual(phone.sheet, "survey")
        XCTAssertEqual(phone.row, 4)
        XCTAssertEqual(phone.cell?.description, "A4")
        XCTAssertTrue(phone.reason.en.hasPrefix("the type “phone number” does not exist in Borgerdialog"), phone.reason.en)
        XCTAssertTrue(phone.reason.da.hasPrefix("typen »phone number« findes ikke i Borgerdialog"), phone.reason.da)
        XCTAssertEqual(phone.description(in: .da).prefix(35), "survey, række 4, kolonne type (A4):")
        XCTAssertTrue(result.problems.contains { $0.sheet == "settings" && $0.column == "form_id" }, "no id without a file name")
    }

    func testARealFormCompletedInTheSheetsBecomesAForm() throws {
        // The or_other form with what Borgerdialog needs added: settings and English texts.
        let original = try Spreadsheets.Workbook(xlsxData: Data(contentsOf: TestForms.fixturesDirectory.appendingPathComponent("or_other.xlsx")))
        var sheets = original.sheets.map { sheet -> Spreadsheets.Worksheet in
            var cells = sheet.cells
            let labelColumn = (1...sheet.lastColumn).first { sheet[row: 1, column: $0].text == "label" } ?? 3
            cells[CellReference(row: 1, column: sheet.lastColumn + 1)] = .text("label::English (en)")
            for row in 2...max(sheet.lastRow, 2) {
                if let label = sheet[row: row, column: labelColumn].text {
                    cells[CellReference(row: row, column: sheet.lastColumn + 1)] = .text(label + " (en)")
                }
            }
            return Spreadsheets.Worksheet(name: sheet.name, cells: cells)
        }
        sheets.append(TestForms.settings)
        let result = XLSFormReader.read(Spreadsheets.Workbook(sheets: sheets))
        let form = try XCTUnwrap(result.form, result.problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(form.id, "lille")
        XCTAssertEqual(form.questions.map(\.type), [.singleChoice, .singleChoice])
        XCTAssertEqual(form.questions[0].label, LocalizedText(da: "What is your favorite color?", en: "What is your favorite color? (en)"))
        XCTAssertEqual(result.problems.count, 6, "the left-out filter values are still listed")
    }
}

import Spreadsheets
