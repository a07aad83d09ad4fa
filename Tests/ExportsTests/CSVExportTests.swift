import Exports
import Foundation
import XCTest

final class CSVExportTests: XCTestCase {
    struct ReadBack {
        var bom: Bool
        var endsWithCRLF: Bool
        var bareLineFeeds: Int
        var rows: [[String]]

        var header: [String] { rows[0] }

        func column(_ name: String, row: Int) throws -> String {
            let index = try XCTUnwrap(header.firstIndex(of: name), "no column \(name) in \(header)")
            return rows[row][index]
        }
    }

    func readBack(_ dialect: CSVExport.Dialect, withThemes: Bool = true) throws -> ReadBack {
        let data = CSVExport.data(for: try ExportFixtures.bundle(withThemes: withThemes), dialect: dialect)
        let file = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent("export.csv")
        try data.write(to: file)
        let delimiter = dialect == .comma ? "," : ";"
        let json = try XCTUnwrap(PythonReader.run("read_csv.py", arguments: [file.path, delimiter]) as? [String: Any])
        return ReadBack(bom: json["bom"] as? Bool ?? false, endsWithCRLF: json["endsWithCRLF"] as? Bool ?? false,
                        bareLineFeeds: json["bareLineFeeds"] as? Int ?? -1, rows: json["rows"] as? [[String]] ?? [])
    }

    func testCommaDialectHasBOMHeaderAndOneRowPerResponse() throws {
        let csv = try readBack(.comma)
        XCTAssertTrue(csv.bom)
        XCTAssertTrue(csv.endsWithCRLF)
        // The only bare line feed is the one inside the first idea.
        XCTAssertEqual(csv.bareLineFeeds, 1)
        XCTAssertEqual(csv.rows.count, 1 + ExportFixtures.responses.count)
        XCTAssertEqual(csv.header, [
            "submissionId", "session", "submittedAt", "late", "table", "idea",
            "activities:sport", "activities:kultur", "activities:frivillig", "activities:other",
            "satisfaction", "satisfaction:dont_know", "felt-heard", "hours",
            "priorities:faellesskab", "priorities:groen-omstilling", "priorities:aeldreliv",
            "budget:stier", "budget:huse", "age-group", "area", "area:other", "themes",
        ])
        XCTAssertTrue(csv.rows.allSatisfy { $0.count == csv.header.count })
    }

    func testValuesSurviveWithDanishLettersQuotesAndNewlines() throws {
        let csv = try readBack(.comma)
        XCTAssertEqual(try csv.column("idea", row: 1), ExportFixtures.firstIdea)
        XCTAssertEqual(try csv.column("idea", row: 3), ExportFixtures.thirdIdea)
        XCTAssertEqual(try csv.column("submittedAt", row: 1), "2026-03-03T17:35:00Z")
        XCTAssertEqual(try csv.column("table", row: 1), "Bord 1")
        XCTAssertEqual(try csv.column("table", row: 2), "")
        XCTAssertEqual(try csv.column("late", row: 2), "1")
        XCTAssertEqual(try csv.column("activities:sport", row: 1), "1")
        XCTAssertEqual(try csv.column("activities:frivillig", row: 1), "0")
        XCTAssertEqual(try csv.column("activities:other", row: 2), "Kor; sang")
        XCTAssertEqual(try csv.column("area", row: 2), "other")
        XCTAssertEqual(try csv.column("area:other", row: 2), "Søby")
        XCTAssertEqual(try csv.column("hours", row: 1), "2.5")
        XCTAssertEqual(try csv.column("felt-heard", row: 1), "1")
        XCTAssertEqual(try csv.column("felt-heard", row: 2), "0")
        XCTAssertEqual(try csv.column("priorities:aeldreliv", row: 1), "2")
        XCTAssertEqual(try csv.column("budget:stier", row: 2), "0")
        XCTAssertEqual(try csv.column("budget:huse", row: 2), "10")
        XCTAssertEqual(try csv.column("themes", row: 2), "Fællesskab & spisning | Grøn omstilling")
        XCTAssertEqual(try csv.column("themes", row: 4), "")
    }

    func testUnansweredQuestionsAreEmptyEverywhere() throws {
        let csv = try readBack(.comma)
        for column in ["idea", "activities:sport", "felt-heard", "hours", "priorities:faellesskab", "budget:huse", "area"] {
            XCTAssertEqual(try csv.column(column, row: 4), "", column)
        }
    }

    func testDontKnowIsAnEmptyValueWithAFlag() throws {
        let csv = try readBack(.comma)
        XCTAssertEqual(try csv.column("satisfaction", row: 2), "")
        XCTAssertEqual(try csv.column("satisfaction:dont_know", row: 2), "1")
        XCTAssertEqual(try csv.column("satisfaction", row: 1), "4")
        XCTAssertEqual(try csv.column("satisfaction:dont_know", row: 1), "0")
    }

    func testFormulasAreNeutralised() throws {
        let csv = try readBack(.comma)
        XCTAssertEqual(try csv.column("idea", row: 2), "'" + ExportFixtures.formulaIdea)
        let cellsStartingFormulas = csv.rows.joined().filter { ["=", "+", "-", "@"].contains($0.first) }
        XCTAssertEqual(cellsStartingFormulas, [])
    }

    func testSemicolonDialectUsesSemicolonsAndDecimalCommas() throws {
        let data = CSVExport.data(for: try ExportFixtures.bundle(), dialect: .semicolon)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("\u{FEFF}submissionId;session;submittedAt;"), String(text.prefix(60)))
        let csv = try readBack(.semicolon)
        XCTAssertTrue(csv.bom)
        XCTAssertEqual(csv.rows.count, 1 + ExportFixtures.responses.count)
        XCTAssertEqual(try csv.column("hours", row: 1), "2,5")
        XCTAssertEqual(try csv.column("activities:other", row: 2), "Kor; sang")
        XCTAssertEqual(try csv.column("idea", row: 1), ExportFixtures.firstIdea)
        XCTAssertEqual(try csv.column("idea", row: 2), "'" + ExportFixtures.formulaIdea)
    }

    func testWithoutThemesThereIsNoThemesColumn() throws {
        let csv = try readBack(.comma, withThemes: false)
        XCTAssertFalse(csv.header.contains("themes"))
        XCTAssertEqual(csv.header.last, "area:other")
    }
}
