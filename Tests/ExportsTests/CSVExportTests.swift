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

    func readBack(_ dialect: CSVExport.Dialect, values: ExportValues = .codes, withThemes: Bool = true,
                  bundle: ExportBundle? = nil) throws -> ReadBack {
        let exported = try bundle ?? ExportFixtures.bundle(withThemes: withThemes)
        let data = CSVExport.data(for: exported, dialect: dialect, settings: ExportSettings(values: values))
        return try read(data, dialect: dialect)
    }

    func read(_ data: Data, dialect: CSVExport.Dialect) throws -> ReadBack {
        let file = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent("export.csv")
        try data.write(to: file)
        let delimiter = dialect == .comma ? "," : ";"
        let json = try XCTUnwrap(PythonReader.run("read_csv.py", arguments: [file.path, delimiter]) as? [String: Any])
        return ReadBack(bom: json["bom"] as? Bool ?? false, endsWithCRLF: json["endsWithCRLF"] as? Bool ?? false,
                        bareLineFeeds: json["bareLineFeeds"] as? Int ?? -1, rows: json["rows"] as? [[String]] ?? [])
    }

    // MARK: Codes

    func testCodesHaveBOMIdsAsHeadersAndOneRowPerResponse() throws {
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

    func testCodesKeepValuesDanishLettersQuotesAndNewlines() throws {
        let csv = try readBack(.comma)
        XCTAssertEqual(try csv.column("idea", row: 1), ExportFixtures.firstIdea)
        XCTAssertEqual(try csv.column("idea", row: 3), ExportFixtures.thirdIdea)
        XCTAssertEqual(try csv.column("session", row: 1), "AER1")
        XCTAssertEqual(try csv.column("table", row: 1), "Bord 1")
        XCTAssertEqual(try csv.column("table", row: 2), "")
        XCTAssertEqual(try csv.column("late", row: 2), "1")
        XCTAssertEqual(try csv.column("activities:sport", row: 1), "1")
        XCTAssertEqual(try csv.column("activities:frivillig", row: 1), "0")
        XCTAssertEqual(try csv.column("activities:other", row: 2), "Kor; sang")
        XCTAssertEqual(try csv.column("area", row: 2), "other")
        XCTAssertEqual(try csv.column("area:other", row: 2), "Søby")
        XCTAssertEqual(try csv.column("age-group", row: 1), "65-plus")
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
        let codes = try readBack(.comma)
        for column in ["idea", "activities:sport", "felt-heard", "hours", "priorities:faellesskab", "budget:huse", "area"] {
            XCTAssertEqual(try codes.column(column, row: 4), "", column)
        }
        let texts = try readBack(.comma, values: .text)
        for column in ["Hvad skal vi gøre sammen?", "Hvad laver du i din fritid?", "Følte du dig hørt?",
                       "Timer som frivillig om måneden (timer)", "Fordel 10 point – Forsamlingshuse", "Hvor bor du?"] {
            XCTAssertEqual(try texts.column(column, row: 4), "", column)
        }
    }

    func testDontKnowIsAnEmptyValueWithAFlagInCodes() throws {
        let csv = try readBack(.comma)
        XCTAssertEqual(try csv.column("satisfaction", row: 2), "")
        XCTAssertEqual(try csv.column("satisfaction:dont_know", row: 2), "1")
        XCTAssertEqual(try csv.column("satisfaction", row: 1), "4")
        XCTAssertEqual(try csv.column("satisfaction:dont_know", row: 1), "0")
    }

    // MARK: Texts

    func testTextsAreTheDefaultWithQuestionTextsAsHeaders() throws {
        let csv = try read(CSVExport.data(for: try ExportFixtures.bundle(), dialect: .comma), dialect: .comma)
        XCTAssertEqual(csv.header, [
            "Besvarelse", "Møde", "Indsendt (dansk tid)", "Modtaget efter mødet", "Bord",
            "Hvad skal vi gøre sammen?",
            "Hvad laver du i din fritid?", "Hvad laver du i din fritid? – eget svar",
            "Hvor tilfreds er du med fællesskabet? (1 = Meget utilfreds … 5 = Meget tilfreds)",
            "Følte du dig hørt?", "Timer som frivillig om måneden (timer)",
            "Sæt temaerne i rækkefølge – Fællesskab", "Sæt temaerne i rækkefølge – Grøn omstilling",
            "Sæt temaerne i rækkefølge – Det gode ældreliv",
            "Fordel 10 point – Stier og grønne områder", "Fordel 10 point – Forsamlingshuse",
            "Hvor gammel er du?", "Hvor bor du?", "Hvor bor du? – eget svar", "Temaer",
        ])
        XCTAssertTrue(csv.rows.allSatisfy { $0.count == csv.header.count })
        XCTAssertFalse(csv.header.contains { $0.contains(":") && !$0.contains(" ") }, "no id:option headers")
    }

    func testTextsHaveOptionLabelsAndDanishWordsAsValues() throws {
        let csv = try readBack(.comma, values: .text)
        XCTAssertEqual(try csv.column("Møde", row: 1), "Borgermøde i Ærøskøbing")
        XCTAssertEqual(try csv.column("Modtaget efter mødet", row: 1), "Nej")
        XCTAssertEqual(try csv.column("Modtaget efter mødet", row: 2), "Ja")
        XCTAssertEqual(try csv.column("Hvor gammel er du?", row: 1), "65 år eller derover")
        XCTAssertEqual(try csv.column("Hvor gammel er du?", row: 2), "30–64 år")
        XCTAssertEqual(try csv.column("Hvor bor du?", row: 1), "Ærøskøbing")
        XCTAssertEqual(try csv.column("Hvor bor du?", row: 2), "Andet")
        XCTAssertEqual(try csv.column("Hvor bor du? – eget svar", row: 2), "Søby")
        XCTAssertEqual(try csv.column("Hvad laver du i din fritid?", row: 1), "Idræt; Kultur og kunst")
        XCTAssertEqual(try csv.column("Hvad laver du i din fritid?", row: 2), "Frivilligt arbejde; Andet")
        XCTAssertEqual(try csv.column("Hvad laver du i din fritid? – eget svar", row: 2), "Kor; sang")
        let scale = "Hvor tilfreds er du med fællesskabet? (1 = Meget utilfreds … 5 = Meget tilfreds)"
        XCTAssertEqual(try csv.column(scale, row: 1), "4")
        XCTAssertEqual(try csv.column(scale, row: 2), "Ved ikke")
        XCTAssertEqual(try csv.column("Følte du dig hørt?", row: 1), "Ja")
        XCTAssertEqual(try csv.column("Følte du dig hørt?", row: 2), "Nej")
        XCTAssertEqual(try csv.column("Sæt temaerne i rækkefølge – Det gode ældreliv", row: 1), "2")
        XCTAssertEqual(try csv.column("Hvad skal vi gøre sammen?", row: 1), ExportFixtures.firstIdea)
        XCTAssertEqual(try csv.column("Temaer", row: 2), "Fællesskab & spisning | Grøn omstilling")
        let codes = Set(["65-plus", "30-64", "aeroeskoebing", "other", "sport", "dont_know", "AER1", "MAR2"])
        XCTAssertEqual(csv.rows.joined().filter(codes.contains), [], "no codes among the values")
    }

    func testSessionsSharingATitleAreToldApartByCode() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.sessions[1].title = bundle.sessions[0].title
        let csv = try readBack(.comma, values: .text, bundle: bundle)
        XCTAssertEqual(try csv.column("Møde", row: 1), "Borgermøde i Ærøskøbing (AER1)")
        XCTAssertEqual(try csv.column("Møde", row: 3), "Borgermøde i Ærøskøbing (MAR2)")
    }

    // MARK: Times, dialects, safety

    func testTimesAreDanishLocalTimeWithTheirOffsetInBothKinds() throws {
        var bundle = try ExportFixtures.bundle()
        // 2026-07-01 10:00:00 UTC is summer time in Copenhagen.
        bundle.responses[3].submittedAt = Date(timeIntervalSince1970: 1_782_900_000)
        for values in ExportValues.allCases {
            let csv = try readBack(.comma, values: values, bundle: bundle)
            let header = values == .codes ? "submittedAt" : "Indsendt (dansk tid)"
            XCTAssertEqual(try csv.column(header, row: 1), "2026-03-03 18:35:00 +01:00", "\(values)")
            XCTAssertEqual(try csv.column(header, row: 4), "2026-07-01 12:00:00 +02:00", "\(values)")
        }
    }

    func testFormulasAreNeutralised() throws {
        for values in ExportValues.allCases {
            let csv = try readBack(.comma, values: values)
            XCTAssertTrue(csv.rows[2].contains("'" + ExportFixtures.formulaIdea), "\(values)")
            let cellsStartingFormulas = csv.rows.joined().filter { ["=", "+", "-", "@"].contains($0.first) }
            XCTAssertEqual(cellsStartingFormulas, [], "\(values)")
        }
    }

    func testSemicolonDialectUsesSemicolonsAndDecimalCommas() throws {
        let data = CSVExport.data(for: try ExportFixtures.bundle(), dialect: .semicolon, settings: ExportSettings(values: .codes))
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("\u{FEFF}submissionId;session;submittedAt;"), String(text.prefix(60)))
        let csv = try readBack(.semicolon)
        XCTAssertTrue(csv.bom)
        XCTAssertEqual(csv.rows.count, 1 + ExportFixtures.responses.count)
        XCTAssertEqual(try csv.column("hours", row: 1), "2,5")
        XCTAssertEqual(try csv.column("activities:other", row: 2), "Kor; sang")
        XCTAssertEqual(try csv.column("idea", row: 1), ExportFixtures.firstIdea)
        XCTAssertEqual(try csv.column("idea", row: 2), "'" + ExportFixtures.formulaIdea)
        let texts = try readBack(.semicolon, values: .text)
        XCTAssertEqual(try texts.column("Timer som frivillig om måneden (timer)", row: 1), "2,5")
        XCTAssertEqual(try texts.column("Hvad laver du i din fritid?", row: 1), "Idræt; Kultur og kunst")
    }

    func testWithoutThemesThereIsNoThemesColumn() throws {
        let csv = try readBack(.comma, withThemes: false)
        XCTAssertFalse(csv.header.contains("themes"))
        XCTAssertEqual(csv.header.last, "area:other")
        let texts = try readBack(.comma, values: .text, withThemes: false)
        XCTAssertFalse(texts.header.contains("Temaer"))
    }
}
