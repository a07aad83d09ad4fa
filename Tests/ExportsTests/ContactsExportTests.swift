import Exports
import Forms
import Foundation
import XCTest

/// The meeting's contact list as files (only contact details, formulas neutralised, real dates), and
/// answers in the words the data-access page shows.
final class ContactsExportTests: XCTestCase {
    static let contacts = [
        ExportContact(name: "Åse Ørnbøl", email: "aase@example.dk", consentText: "Jeg giver samtykke; til kontakt.",
                      givenAt: ExportFixtures.date(minutesAfterStart: 5), sessionCode: "AER1"),
        ExportContact(name: "=HYPERLINK(\"x\")", email: "bo@example.dk", consentText: "Ja.",
                      givenAt: ExportFixtures.date(minutesAfterStart: 7), sessionCode: "AER1"),
    ]

    func testTheCSVHasTheContactColumnsOnlyWithDanishTimesAndNeutralisedFormulas() throws {
        let data = ContactsExport.csv(Self.contacts, dialect: .semicolon)
        let json = try XCTUnwrap(PythonReader.run("read_csv.py", arguments: [try write(data, as: "kontakter.csv"), ";"]) as? [String: Any])
        let rows = try XCTUnwrap(json["rows"] as? [[String]], "\(json)")
        XCTAssertEqual(rows.first, ["Navn", "E-mail", "Samtykke", "Givet", "Møde"])
        XCTAssertEqual(rows[1], ["Åse Ørnbøl", "aase@example.dk", "Jeg giver samtykke; til kontakt.", "2026-03-03 18:35:00 +01:00", "AER1"])
        XCTAssertEqual(rows[2][0], "'=HYPERLINK(\"x\")", "a formula is written as text")
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte order mark, so Excel reads UTF-8")
    }

    func testTheWorkbookHasOneSheetWithABoldFrozenHeaderAndRealDates() throws {
        let path = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent("kontakter.xlsx").path
        try ContactsExport.writeXLSX(Self.contacts, to: path)
        let json = try XCTUnwrap(PythonReader.run("read_xlsx.py", arguments: [path]) as? [String: Any])
        XCTAssertEqual(json["names"] as? [String], ["Kontakter"])
        let sheet = try XCTUnwrap((json["sheets"] as? [String: [String: Any]])?["Kontakter"])
        XCTAssertEqual(sheet["frozen"] as? String, "A2")
        XCTAssertEqual(sheet["headerBold"] as? Bool, true)
        let rows = try XCTUnwrap(sheet["rows"] as? [[[String: Any]]])
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[1][0]["value"] as? String, "Åse Ørnbøl")
        XCTAssertEqual(rows[1][3]["type"] as? String, "date")
        XCTAssertEqual(rows[1][3]["value"] as? String, "2026-03-03T18:35:00", "Danish time")
        XCTAssertEqual(rows[2][0]["type"] as? String, "text", "never a formula")
    }

    func testAnswersInWordsAsTheAccessPageShowsThem() throws {
        let form = try ExportFixtures.form()
        func words(_ id: String, _ answer: JSONValue) throws -> String {
            AnswerWording.danishText(of: answer, for: try XCTUnwrap(form.questions.first { $0.id == id }))
        }
        XCTAssertEqual(try words("idea", "Flere bænke"), "Flere bænke")
        XCTAssertEqual(try words("activities", ["selected": ["sport"], "other": "Kor"]), "Idræt; Andet – Kor")
        XCTAssertEqual(try words("satisfaction", 4), "4")
        XCTAssertEqual(try words("satisfaction", "dont_know"), "Ved ikke")
        XCTAssertEqual(try words("felt-heard", false), "Nej")
        XCTAssertEqual(try words("hours", 2.5), "2,5")
        XCTAssertEqual(try words("budget", ["stier": 6, "huse": 4]), "Stier og grønne områder: 6; Forsamlingshuse: 4")
        XCTAssertEqual(try words("area", ["other": "Søby"]), "Andet – Søby")
        XCTAssertEqual(try words("age-group", "65-plus"), "65 år eller derover")
    }

    private func write(_ data: Data, as name: String) throws -> String {
        let url = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }
}
