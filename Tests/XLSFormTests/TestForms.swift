import Forms
import Foundation
import Spreadsheets
import XCTest

/// The forms the tests write and read back, and small workbooks built cell by cell.
enum TestForms {
    static let testsDirectory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let fixturesDirectory = testsDirectory.appendingPathComponent("Fixtures")
    static let repositoryDirectory = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    /// Every shipped form, and the fixture that uses every question type.
    static func all() throws -> [Form] {
        let catalog = FormCatalog.load(directory: repositoryDirectory.appendingPathComponent("Forms").path)
        guard catalog.problems.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
        let allTypes = repositoryDirectory.appendingPathComponent("Tests/FormsTests/Fixtures/valid/all-types.json")
        return catalog.forms + [try FormDecoder.decode(Data(contentsOf: allTypes), file: "all-types.json")]
    }

    /// A sheet from rows of texts (nil or "" for an empty cell); numbers are written as texts.
    static func sheet(_ name: String, _ rows: [[String?]]) -> Worksheet {
        var cells: [CellReference: CellValue] = [:]
        for (rowIndex, row) in rows.enumerated() {
            for (columnIndex, text) in row.enumerated() {
                if let text, !text.isEmpty { cells[CellReference(row: rowIndex + 1, column: columnIndex + 1)] = .text(text) }
            }
        }
        return Worksheet(name: name, cells: cells)
    }

    /// The settings sheet of a small form.
    static let settings = sheet("settings", [["form_id", "form_title", "form_title::English (en)"], ["lille", "Lille", "Small"]])
}
