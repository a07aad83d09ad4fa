import Foundation
import Spreadsheets
import XCTest

final class WorkbookReadingTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func testAWorkbookWrittenByOpenpyxl() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("openpyxl-sample.xlsx"))
        let workbook = try Workbook(xlsxData: data)
        XCTAssertEqual(workbook.sheetNames, ["survey", "choices", "empty"])
        let survey = try XCTUnwrap(workbook.sheet(named: "survey"))
        XCTAssertEqual(survey.row(1).prefix(5), [.text("type"), .text("name"), .text("label::Dansk (da)"), .text("required"), .text("max")])
        XCTAssertEqual(survey[row: 2, column: 3], .text("Hvad er din idé? Æ Ø Å"))
        XCTAssertEqual(survey[row: 2, column: 4], .bool(true))
        XCTAssertEqual(survey[row: 3, column: 4], .bool(false))
        XCTAssertEqual(survey[row: 2, column: 5], .number(2000))
        XCTAssertEqual(survey[row: 3, column: 5], .number(2.5))
        XCTAssertEqual(survey.row(4), Array(repeating: .empty, count: 27), "an empty row is empty")
        XCTAssertEqual(survey[row: 5, column: 3], .text("Første linje\nAnden linje"))
        XCTAssertEqual(survey[row: 7, column: 3], .text("Fed tekst og normal"), "rich text is read as its plain text")
        XCTAssertEqual(survey[row: 8, column: 5], .number(46359), "a date is its serial number")
        XCTAssertEqual(survey[try XCTUnwrap(CellReference("AA10"))], .text("far away"))
        XCTAssertEqual(survey.lastRow, 10)
        XCTAssertEqual(survey.lastColumn, 27)
        XCTAssertEqual(workbook.sheet(named: "choices")?.rows, [
            [.text("list_name"), .text("name"), .text("label")],
            [.text("yes_no"), .text("yes"), .text("Ja")],
            [.text("yes_no"), .text("no"), .text("Nej")],
        ])
        XCTAssertEqual(workbook.sheet(named: "empty")?.rows, [])
        XCTAssertNil(workbook.sheet(named: "Survey"), "names are exact")
    }

    func testSharedStringsRichRunsAndEscapes() throws {
        let strings = """
            <si><t>type</t></si>
            <si><r><rPr><b/></rPr><t xml:space="preserve">Hvad </t></r><r><t>synes du?</t></r><rPh sb="0" eb="1"><t>IGNORED</t></rPh></si>
            <si><t>Linje_x000D_
            to</t></si>
            <si><t>_x005F_x0041_ og _xZZ_</t></si>
            <si><t xml:space="preserve">  mellemrum  </t></si>
            """
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c></row>
            """
        let sheet = try XCTUnwrap(Workbook(xlsxData: XLSXPackage.zip(XLSXPackage.parts(sheetRows: rows, sharedStrings: strings))).sheets.first)
        XCTAssertEqual(sheet[row: 1, column: 1], .text("type"))
        XCTAssertEqual(sheet[row: 1, column: 2], .text("Hvad synes du?"))
        XCTAssertEqual(sheet[row: 1, column: 3], .text("Linje\r\nto"))
        XCTAssertEqual(sheet[row: 2, column: 1], .text("_x0041_ og _xZZ_"), "an escaped underscore keeps the rest literal")
        XCTAssertEqual(sheet[row: 2, column: 2], .text("  mellemrum  "))
    }

    func testEveryKindOfCellAndMissingReferences() throws {
        let rows = """
            <row><c t="inlineStr"><is><t>first</t></is></c><c><v>1</v></c><c/><c t="b"><v>1</v></c></row>
            <row><c r="C2" t="str"><f>A1&amp;"!"</f><v>first!</v></c><c t="e"><v>#N/A</v></c><c t="n"><v>-1.5E3</v></c></row>
            <row r="5"><c r="B5" s="3"/><c t="inlineStr"><is><t></t></is></c></row>
            """
        let sheet = try XCTUnwrap(Workbook(xlsxData: XLSXPackage.zip(XLSXPackage.parts(sheetRows: rows))).sheets.first)
        XCTAssertEqual(sheet.row(1), [.text("first"), .number(1), .empty, .bool(true), .empty])
        XCTAssertEqual(sheet.row(2), [.empty, .empty, .text("first!"), .error("#N/A"), .number(-1500)])
        XCTAssertEqual(sheet.lastRow, 2, "row 5 holds only empty cells")
        XCTAssertEqual(CellValue.number(1500).text, "1500")
        XCTAssertEqual(CellValue.number(2.5).text, "2.5")
        XCTAssertEqual(CellValue.bool(false).text, "FALSE")
        XCTAssertNil(CellValue.empty.text)
    }

    func testPrefixedElementsAndTargetsElsewhere() throws {
        var parts = XLSXPackage.parts(sheetRows: "")
        parts["_rels/.rels"] = XLSXPackage.packageRelationships.replacingOccurrences(of: "Target=\"xl/workbook.xml\"",
                                                                                        with: "Target=\"/book/main.xml\"")
        parts["xl/workbook.xml"] = nil
        parts["xl/_rels/workbook.xml.rels"] = nil
        parts["book/main.xml"] = """
            <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <x:sheets><x:sheet name="Ark 1" sheetId="4" r:id="rId7"/><x:sheet name="choices" sheetId="2" r:id="rId8"/></x:sheets></x:workbook>
            """
        parts["book/_rels/main.xml.rels"] = """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../xl/worksheets/sheet1.xml"/>
            <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/sheets/two.xml"/>
            </Relationships>
            """
        parts["xl/worksheets/sheet1.xml"] = """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
            <x:row x:r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
            """
        parts["sheets/two.xml"] = XLSXPackage.sheet(#"<row r="3"><c r="A3"><v>3</v></c></row>"#)
        let workbook = try Workbook(xlsxData: XLSXPackage.zip(parts))
        XCTAssertEqual(workbook.sheetNames, ["Ark 1", "choices"])
        XCTAssertEqual(workbook.sheets[0][row: 1, column: 2], .text("prefixed"))
        XCTAssertEqual(workbook.sheets[1][row: 3, column: 1], .number(3))
    }
}
