import Exports
import Foundation
import XCTest

final class XLSXExportTests: XCTestCase {
    struct Cell: Equatable {
        var type: String
        var value: String?
    }

    struct Workbook {
        var names: [String]
        var sheets: [String: [String: Any]]

        func rows(_ sheet: String) -> [[Cell]] {
            let rows = sheets[sheet]?["rows"] as? [[[String: Any]]] ?? []
            return rows.map { row in
                row.map { cell in
                    let value = cell["value"]
                    let text: String? = switch value {
                    case let string as String: string
                    case let number as NSNumber: number.stringValue
                    default: nil
                    }
                    return Cell(type: cell["type"] as? String ?? "?", value: text)
                }
            }
        }

        func header(_ sheet: String) -> [String] { rows(sheet).first?.compactMap(\.value) ?? [] }

        func cell(_ sheet: String, row: Int, column name: String) -> Cell? {
            guard let index = header(sheet).firstIndex(of: name) else { return nil }
            return rows(sheet)[row][index]
        }
    }

    func writeAndRead(withThemes: Bool = true) throws -> Workbook {
        let path = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent("export.xlsx").path
        try XLSXExport.write(try ExportFixtures.bundle(withThemes: withThemes), to: path)
        let json = try XCTUnwrap(PythonReader.run("read_xlsx.py", arguments: [path]) as? [String: Any])
        return Workbook(names: json["names"] as? [String] ?? [], sheets: json["sheets"] as? [String: [String: Any]] ?? [:])
    }

    func testSheetsAreResponsesQuestionsThemesAndCodebook() throws {
        let workbook = try writeAndRead()
        let form = try ExportFixtures.form()
        XCTAssertEqual(workbook.names, ["Svar"] + form.answerableQuestions.map(\.id) + ["Temaer", "Kodebog"])
        for name in workbook.names {
            XCTAssertEqual(workbook.sheets[name]?["frozen"] as? String, "A2", name)
            XCTAssertEqual(workbook.sheets[name]?["headerBold"] as? Bool, true, name)
        }
    }

    func testResponsesSheetHasTypedCells() throws {
        let workbook = try writeAndRead()
        let csvHeader = String(decoding: CSVExport.data(for: try ExportFixtures.bundle(), dialect: .comma), as: UTF8.self)
            .dropFirst().prefix { $0 != "\r\n" }.split(separator: ",").map(String.init)
        XCTAssertEqual(workbook.header("Svar"), csvHeader)
        XCTAssertEqual(workbook.rows("Svar").count, 1 + ExportFixtures.responses.count)
        XCTAssertEqual(workbook.cell("Svar", row: 1, column: "submittedAt"), Cell(type: "date", value: "2026-03-03T18:35:00"))
        XCTAssertEqual(workbook.cell("Svar", row: 1, column: "hours"), Cell(type: "number", value: "2.5"))
        XCTAssertEqual(workbook.cell("Svar", row: 1, column: "satisfaction"), Cell(type: "number", value: "4"))
        XCTAssertEqual(workbook.cell("Svar", row: 2, column: "satisfaction"), Cell(type: "empty", value: nil))
        XCTAssertEqual(workbook.cell("Svar", row: 2, column: "satisfaction:dont_know"), Cell(type: "number", value: "1"))
        XCTAssertEqual(workbook.cell("Svar", row: 1, column: "idea"), Cell(type: "text", value: ExportFixtures.firstIdea))
        // Text cells are never formulas in XLSX, so the formula text stays exactly as written.
        XCTAssertEqual(workbook.cell("Svar", row: 2, column: "idea"), Cell(type: "text", value: ExportFixtures.formulaIdea))
        XCTAssertEqual(workbook.cell("Svar", row: 2, column: "area:other"), Cell(type: "text", value: "Søby"))
        XCTAssertEqual(workbook.cell("Svar", row: 2, column: "themes"),
                       Cell(type: "text", value: "Fællesskab & spisning | Grøn omstilling"))
    }

    func testQuestionSheetsHoldOnlyTheResponsesThatAnswered() throws {
        let workbook = try writeAndRead()
        XCTAssertEqual(workbook.header("idea"), ["submissionId", "session", "idea", "themes"])
        XCTAssertEqual(workbook.rows("idea").count, 1 + 3)
        XCTAssertEqual(workbook.cell("idea", row: 3, column: "themes"), Cell(type: "text", value: "Grøn omstilling"))
        XCTAssertEqual(workbook.header("budget"), ["submissionId", "session", "budget:stier", "budget:huse"])
        XCTAssertEqual(workbook.rows("budget").count, 1 + 2)
        XCTAssertEqual(workbook.cell("budget", row: 1, column: "budget:stier"), Cell(type: "number", value: "6"))
        XCTAssertEqual(workbook.rows("satisfaction").count, 1 + 4)
    }

    func testThemesSheet() throws {
        let workbook = try writeAndRead()
        let rows = workbook.rows("Temaer")
        XCTAssertEqual(workbook.header("Temaer"), ["Tema", "Nøgle", "Type", "Antal svar", "Andel", "Nøgleord",
                                                   "Borgermøde i Ærøskøbing (AER1)", "Dialog i Marstal (MAR2)", "Citater"])
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[1][0], Cell(type: "text", value: "Fællesskab & spisning"))
        XCTAssertEqual(rows[1][3], Cell(type: "number", value: "2"))
        XCTAssertEqual(rows[1][4].type, "number")
        XCTAssertEqual(Double(rows[1][4].value ?? "") ?? 0, 2.0 / 3.0, accuracy: 0.0001)
        XCTAssertEqual(rows[2][6], Cell(type: "number", value: "1"))
        XCTAssertEqual(rows[2][7], Cell(type: "number", value: "1"))
        XCTAssertTrue(rows[1][8].value?.contains("fællesspisninger") == true)
    }

    func testCodebookListsEveryQuestion() throws {
        let workbook = try writeAndRead()
        let form = try ExportFixtures.form()
        let rows = workbook.rows("Kodebog")
        XCTAssertEqual(rows.dropFirst().map { $0[0].value ?? "" }, form.questions.map(\.id))
        let area = try XCTUnwrap(rows.first { $0[0].value == "area" })
        XCTAssertEqual(area[1].value, "Hvor bor du?")
        XCTAssertEqual(area[2].value, "Where do you live?")
        XCTAssertEqual(area[3].value, "single_choice")
        XCTAssertEqual(area[4].value, "aeroeskoebing = Ærøskøbing\nmarstal = Marstal\nother = Andet")
        XCTAssertEqual(area[5].value, "ja")
        XCTAssertEqual(area[7].value, "area\narea:other")
    }

    func testWithoutThemesTheThemesSheetSaysSo() throws {
        let workbook = try writeAndRead(withThemes: false)
        XCTAssertEqual(workbook.rows("Temaer").count, 2)
        XCTAssertFalse(workbook.header("Svar").contains("themes"))
    }

    func testUnwritablePathIsAnExportErrorWithThePath() throws {
        let path = "/nonexistent-directory-for-exports/export.xlsx"
        XCTAssertThrowsError(try XLSXExport.write(try ExportFixtures.bundle(), to: path)) { error in
            let exportError = error as? ExportError
            XCTAssertEqual(exportError?.path, path)
            XCTAssertTrue(exportError?.description.hasPrefix(path + ": ") == true, "\(error)")
        }
    }

    func testClosedWorkbookRefusesWrites() throws {
        let path = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent("closed.xlsx").path
        let writer = try XLSXWorkbookWriter(path: path)
        let sheet = try writer.addWorksheet(named: "Ark")
        try writer.write(text: "æøå", in: sheet, row: 0, column: 0)
        try writer.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        XCTAssertThrowsError(try writer.write(text: "igen", in: sheet, row: 1, column: 0))
        XCTAssertThrowsError(try writer.close())
    }

    func testAbandonedWorkbookWritesNothing() throws {
        let path = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent("abandoned.xlsx").path
        do {
            let writer = try XLSXWorkbookWriter(path: path)
            _ = try writer.addWorksheet(named: "Ark")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testInvalidSheetNameIsRefused() throws {
        let path = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent("names.xlsx").path
        let writer = try XLSXWorkbookWriter(path: path)
        XCTAssertThrowsError(try writer.addWorksheet(named: "a/b"))
        XCTAssertThrowsError(try writer.addWorksheet(named: String(repeating: "x", count: 32)))
    }
}
