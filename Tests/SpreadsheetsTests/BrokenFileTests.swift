import Foundation
import Spreadsheets
import XCTest

/// Files that are not XLSX workbooks get a typed error that names the place.
final class BrokenFileTests: XCTestCase {
    private func error(reading data: Data, file: StaticString = #filePath, line: UInt = #line) -> SpreadsheetError? {
        do {
            _ = try Workbook(xlsxData: data)
            XCTFail("read without an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testBytesThatAreNotAnArchive() {
        XCTAssertEqual(error(reading: Data("type,name,label\ntext,idea,Idé\n".utf8)), .notAnArchive)
        XCTAssertEqual(error(reading: Data("%PDF-1.7".utf8)), .notAnArchive)
        XCTAssertEqual(error(reading: Data()), .notAnArchive)
        XCTAssertEqual(error(reading: Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0])), .notAnArchive, "a cut-off archive")
        // An old binary .xls starts with the OLE2 signature.
        XCTAssertEqual(error(reading: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])), .notAnArchive)
    }

    func testAnArchiveWithoutAWorkbook() throws {
        let data = try XLSXPackage.zip(["word/document.xml": "<document/>", "[Content_Types].xml": XLSXPackage.contentTypes])
        XCTAssertEqual(error(reading: data), .missingPart("xl/workbook.xml"))
        XCTAssertEqual(error(reading: data)?.place, "xl/workbook.xml")
    }

    func testMalformedXMLNamesPartLineAndColumn() throws {
        var parts = XLSXPackage.parts(sheetRows: "")
        parts["xl/worksheets/sheet1.xml"] = "<worksheet>\n<sheetData>\n<row r=\"1\"><c r=\"A1\" t=\"s\"<v>0</v></c></row>\n</sheetData></worksheet>"
        guard case .malformedXML(let part, let line, _, let reason)? = error(reading: try XLSXPackage.zip(parts)) else {
            return XCTFail("expected malformed XML")
        }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        XCTAssertEqual(line, 3)
        XCTAssertFalse(reason.isEmpty)
    }

    func testAListedSheetWithoutItsPart() throws {
        var parts = XLSXPackage.parts(sheetRows: "")
        parts["xl/worksheets/sheet1.xml"] = nil
        XCTAssertEqual(error(reading: try XLSXPackage.zip(parts)), .missingSheet(name: "survey", part: "xl/worksheets/sheet1.xml"))
        parts = XLSXPackage.parts(sheetRows: "")
        parts["xl/_rels/workbook.xml.rels"] = nil
        XCTAssertEqual(error(reading: try XLSXPackage.zip(parts)), .missingPart("xl/_rels/workbook.xml.rels"))
    }

    func testBadCells() throws {
        let cases: [(String, SpreadsheetError)] = [
            (#"<row r="1"><c r="A1" t="s"><v>7</v></c></row>"#,
             .invalidSharedString(part: "xl/worksheets/sheet1.xml", cell: "A1", index: "7")),
            (#"<row r="1"><c r="1A"><v>1</v></c></row>"#, .invalidCellReference(part: "xl/worksheets/sheet1.xml", reference: "1A")),
            (#"<row r="2"><c r="B2"><v>twelve</v></c></row>"#, .invalidNumber(part: "xl/worksheets/sheet1.xml", cell: "B2", text: "twelve")),
        ]
        for (rows, expected) in cases {
            XCTAssertEqual(error(reading: try XLSXPackage.zip(XLSXPackage.parts(sheetRows: rows))), expected, rows)
        }
        XCTAssertEqual(SpreadsheetError.invalidNumber(part: "p", cell: "B2", text: "x").place, "p B2")
    }

    func testAPartLargerThanTheLimitIsRefused() throws {
        var parts = XLSXPackage.parts(sheetRows: "")
        parts["xl/worksheets/sheet1.xml"] = XLSXPackage.sheet(String(repeating: #"<row><c t="inlineStr"><is><t>x</t></is></c></row>"#, count: 2000))
        let data = try XLSXPackage.zip(parts)
        XCTAssertLessThan(data.count, 10_000, "it compresses well")
        XCTAssertThrowsError(try Workbook(xlsxData: data, maximumPartSize: 50_000)) { error in
            XCTAssertEqual(error as? SpreadsheetError, .partTooLarge("xl/worksheets/sheet1.xml", limit: 50_000))
        }
        XCTAssertEqual(try Workbook(xlsxData: data).sheets.first?.lastRow, 2000)
    }

    func testADocumentTypeDeclarationIsRefused() throws {
        var parts = XLSXPackage.parts(sheetRows: "")
        parts["xl/worksheets/sheet1.xml"] = """
            <?xml version="1.0"?>
            <!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>
            """
        guard case .malformedXML(let part, let line, let column, let reason)? = error(reading: try XLSXPackage.zip(parts)) else {
            return XCTFail("a DOCTYPE is refused")
        }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        XCTAssertEqual(line, 2)
        XCTAssertEqual(column, 1)
        XCTAssertTrue(reason.contains("DOCTYPE"))
    }
}
