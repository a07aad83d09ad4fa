import Exports
import Foundation
import XCTest

final class XLSXExportTests: XCTestCase {
    struct Cell: Equatable {
        var type: String
        var value: String?
        /// The number format; not compared, since most cells have Excel's "General".
        var format: String = "General"

        static func == (left: Cell, right: Cell) -> Bool { left.type == right.type && left.value == right.value }
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
                    return Cell(type: cell["type"] as? String ?? "?", value: text, format: cell["format"] as? String ?? "")
                }
            }
        }

        func header(_ sheet: String) -> [String] { rows(sheet).first?.compactMap(\.value) ?? [] }

        func cell(_ sheet: String, row: Int, column name: String) -> Cell? {
            guard let index = header(sheet).firstIndex(of: name) else { return nil }
            return rows(sheet)[row][index]
        }
    }

    func writeAndRead(withThemes: Bool = true, values: ExportValues? = .codes, bundle: ExportBundle? = nil) throws -> Workbook {
        let path = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent("export.xlsx").path
        let exported = try bundle ?? ExportFixtures.bundle(withThemes: withThemes)
        if let values {
            try XLSXExport.write(exported, to: path, settings: ExportSettings(values: values))
        } else {
            try XLSXExport.write(exported, to: path)
        }
        let json = try XCTUnwrap(PythonReader.run("read_xlsx.py", arguments: [path]) as? [String: Any])
        return Workbook(names: json["names"] as? [String] ?? [], sheets: json["sheets"] as? [String: [String: Any]] ?? [:])
    }

    static let fixedSheets = ["Temaer", "Opdelinger", "Optælling", "Kodebog"]

    func testSheetsWithCodesAreResponsesQuestionIdsThemesBreakdownsCountsAndCodebook() throws {
        let workbook = try writeAndRead()
        let form = try ExportFixtures.form()
        XCTAssertEqual(workbook.names, ["Svar"] + form.answerableQuestions.map(\.id) + Self.fixedSheets)
        for name in workbook.names {
            XCTAssertEqual(workbook.sheets[name]?["frozen"] as? String, "A2", name)
            XCTAssertEqual(workbook.sheets[name]?["headerBold"] as? Bool, true, name)
        }
    }

    func testResponsesSheetHasTypedCells() throws {
        let workbook = try writeAndRead()
        let csvHeader = String(decoding: CSVExport.data(for: try ExportFixtures.bundle(), dialect: .comma,
                                                        settings: ExportSettings(values: .codes)), as: UTF8.self)
            .dropFirst().prefix { $0 != "\r\n" }.split(separator: ",").map(String.init)
        XCTAssertEqual(workbook.header("Svar"), csvHeader)
        XCTAssertEqual(workbook.rows("Svar").count, 1 + ExportFixtures.responses.count)
        let submitted = try XCTUnwrap(workbook.cell("Svar", row: 1, column: "submittedAt"))
        XCTAssertEqual(submitted, Cell(type: "date", value: "2026-03-03T18:35:00"))
        XCTAssertEqual(submitted.format, #"yyyy-mm-dd hh:mm:ss "+01:00""#, "shown as the CSV writes it")
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

    func testThemesSheetCountsPeopleWithRealPercentages() throws {
        let workbook = try writeAndRead(values: nil)
        let rows = workbook.rows("Temaer")
        XCTAssertEqual(workbook.header("Temaer"), [
            "Tema", "Nøgle", "Type", "Personer", "Andel af personerne", "Svar", "Nøgleord",
            "Personer: Borgermøde i Ærøskøbing (AER1)", "Personer: Dialog i Marstal (MAR2)", "Citater",
        ])
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[1][0], Cell(type: "text", value: "Fællesskab & spisning"))
        XCTAssertEqual(rows[1][2], Cell(type: "text", value: "Politikkens tema"), "kinds in Danish")
        XCTAssertEqual(rows[1][3], Cell(type: "number", value: "2"))
        XCTAssertEqual(rows[1][4].type, "number")
        XCTAssertEqual(Double(rows[1][4].value ?? "") ?? 0, 2.0 / 3.0, accuracy: 0.0001)
        XCTAssertTrue(rows[1][4].format.contains("%"), "a real percentage: \(rows[1][4].format)")
        XCTAssertEqual(rows[2][7], Cell(type: "number", value: "1"))
        XCTAssertEqual(rows[2][8], Cell(type: "number", value: "1"))
        XCTAssertTrue(rows[1][9].value?.contains("fællesspisninger") == true)
    }

    func testThemesSplitByPurposeHaveASheetOfTheirOwn() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.themes = ExportFixtures.reportWithPurposes
        let workbook = try writeAndRead(values: nil, bundle: bundle)
        XCTAssertEqual(Array(workbook.names.suffix(5)), ["Temaer", "Temaer efter formål", "Opdelinger", "Optælling", "Kodebog"])
        XCTAssertEqual(workbook.header("Temaer efter formål"), ["Tema", "Nøgle", "Formål", "Svar", "Citater"])
        let rows = workbook.rows("Temaer efter formål").dropFirst().map { $0.map { $0.value ?? "" } }
        XCTAssertEqual(rows.map { $0[2] }, ["Det virker", "Det skal ændres", "Øvrige svar"])
        XCTAssertEqual(rows.map { $0[3] }, ["2", "1", "1"])
        XCTAssertTrue(rows[1][4].contains(ExportFixtures.formulaIdea), "the change side's own quote")
        let coded = try writeAndRead(values: .codes, bundle: bundle)
        XCTAssertEqual(coded.rows("Temaer efter formål").dropFirst().map { $0[2].value ?? "" }, ["works", "change", "none"])
    }

    func testTextsAreTheDefaultWithQuestionTextsAndLabels() throws {
        let workbook = try writeAndRead(values: nil)
        XCTAssertEqual(workbook.names, [
            "Svar", "1. Hvad skal vi gøre sammen", "2. Hvad laver du i din fritid", "3. Hvor tilfreds er du med…",
            "4. Følte du dig hørt", "5. Timer som frivillig om…", "6. Sæt temaerne i rækkefølge", "7. Fordel 10 point",
            "8. Hvor gammel er du", "9. Hvor bor du",
        ] + Self.fixedSheets)
        XCTAssertTrue(workbook.names.allSatisfy { $0.count <= 31 })
        XCTAssertEqual(workbook.cell("Svar", row: 1, column: "Hvor gammel er du?"), Cell(type: "text", value: "65 år eller derover"))
        XCTAssertEqual(workbook.cell("Svar", row: 2, column: "Hvad laver du i din fritid?"),
                       Cell(type: "text", value: "Frivilligt arbejde; Andet"))
        XCTAssertEqual(workbook.cell("Svar", row: 1, column: "Følte du dig hørt?"), Cell(type: "text", value: "Ja"))
        XCTAssertEqual(workbook.cell("Svar", row: 1, column: "Timer som frivillig om måneden (timer)"), Cell(type: "number", value: "2.5"))
        let submitted = try XCTUnwrap(workbook.cell("Svar", row: 1, column: "Indsendt (dansk tid)"))
        XCTAssertEqual(submitted, Cell(type: "date", value: "2026-03-03T18:35:00"))
        XCTAssertEqual(workbook.header("8. Hvor gammel er du"), ["Besvarelse", "Møde", "Hvor gammel er du?"])
        XCTAssertEqual(workbook.rows("8. Hvor gammel er du")[3][2], Cell(type: "text", value: "Under 30 år"))
        XCTAssertEqual(workbook.rows("Kodebog").count, 1 + (try ExportFixtures.form()).questions.count, "the codebook is kept")
    }

    func testSummerTimeShowsItsOwnOffset() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.responses[0].submittedAt = Date(timeIntervalSince1970: 1_782_900_000)  // 2026-07-01 10:00 UTC
        let submitted = try XCTUnwrap(try writeAndRead(bundle: bundle).cell("Svar", row: 1, column: "submittedAt"))
        XCTAssertEqual(submitted, Cell(type: "date", value: "2026-07-01T12:00:00"))
        XCTAssertEqual(submitted.format, #"yyyy-mm-dd hh:mm:ss "+02:00""#)
    }

    func testBreakdownsSheetCountsPeoplePerMeetingTableAndBackground() throws {
        var bundle = try ExportFixtures.bundle()
        // s1 wrote a second free-text answer in the same theme: still one person.
        bundle.themes?.assignments.append(ReportAssignment(answerID: "s1/other-text", themes: ["faellesskab"], decidedByAnalyst: false))
        let workbook = try writeAndRead(bundle: bundle)
        XCTAssertEqual(workbook.header("Opdelinger"), ["Opdeling", "Gruppe", "Personer i gruppen", "Tema", "Personer med temaet", "Andel"])
        let rows = workbook.rows("Opdelinger").dropFirst().map { $0.map { $0.value ?? "" } }
        func row(_ kind: String, _ group: String, _ theme: String) -> [String]? {
            rows.first { $0[0] == kind && $0[1] == group && $0[3] == theme }.map { Array($0[2...4]) }
        }
        XCTAssertEqual(row("I alt", "Alle, der skrev fritekst", "Fællesskab & spisning"), ["3", "Fællesskab & spisning", "2"])
        XCTAssertEqual(row("Møde", "Borgermøde i Ærøskøbing", "Fællesskab & spisning"), ["2", "Fællesskab & spisning", "2"])
        XCTAssertEqual(row("Bord", "Borgermøde i Ærøskøbing – Bord 1", "Grøn omstilling"), ["1", "Grøn omstilling", "0"])
        XCTAssertEqual(row("Bord", "Borgermøde i Ærøskøbing – Uden bord", "Grøn omstilling"), ["1", "Grøn omstilling", "1"])
        XCTAssertEqual(row("Hvor gammel er du?", "30–64 år", "Grøn omstilling"), ["1", "Grøn omstilling", "1"])
        let shares = workbook.rows("Opdelinger").dropFirst().map { $0[5] }.filter { $0.type == "number" }
        XCTAssertFalse(shares.isEmpty)
        XCTAssertTrue(shares.allSatisfy { $0.format.contains("%") }, "shares are real percentages")
    }

    func testCountsSheetHasSharesAsPercentagesAndScaleEnds() throws {
        let workbook = try writeAndRead(values: nil)
        XCTAssertEqual(workbook.header("Optælling"), ["Spørgsmål", "Svar", "Antal", "Andel", "Har svaret", "Tal", "Hvad tallet er"])
        let rows = workbook.rows("Optælling").dropFirst()
        let satisfied = try XCTUnwrap(rows.first { $0[1].value == "5 = Meget tilfreds" })
        XCTAssertEqual(satisfied[2], Cell(type: "number", value: "1"))
        XCTAssertEqual(Double(satisfied[3].value ?? "") ?? 0, 0.25, accuracy: 0.0001)
        XCTAssertTrue(satisfied[3].format.contains("%"), satisfied[3].format)
        XCTAssertNotNil(rows.first { $0[1].value == "Ved ikke" })
        let yes = try XCTUnwrap(rows.first { $0[0].value == "Følte du dig hørt?" && $0[1].value == "Ja" })
        XCTAssertEqual(yes[2], Cell(type: "number", value: "1"))
        XCTAssertTrue(rows.allSatisfy { $0[3].type != "number" || $0[3].format.contains("%") })
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
        XCTAssertEqual(area[8].value, "Hvor bor du?\nHvor bor du? – eget svar")
    }

    func testWithoutThemesTheThemesSheetSaysSo() throws {
        let workbook = try writeAndRead(withThemes: false)
        XCTAssertEqual(workbook.rows("Temaer").count, 2)
        XCTAssertEqual(workbook.rows("Opdelinger").count, 2)
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
