import Spreadsheets
import XCTest

final class CellReferenceTests: XCTestCase {
    func testReferencesAreReadAsRowAndColumn() {
        let cases: [(String, Int, Int)] = [("A1", 1, 1), ("B7", 7, 2), ("z9", 9, 26), ("AA10", 10, 27), ("$C$3", 3, 3),
                                           ("XFD1048576", 1_048_576, 16_384)]
        for (text, row, column) in cases {
            XCTAssertEqual(CellReference(text), CellReference(row: row, column: column), text)
        }
    }

    func testWhatIsNotACellReference() {
        for text in ["", "A", "7", "1A", "A0", "AAAA1", "XFE1", "A1048577", "A1B", "A-1", "Å1", "A 1"] {
            XCTAssertNil(CellReference(text), text)
        }
    }

    func testColumnNamesAndDescription() {
        let names = [1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16_384: "XFD"]
        for (column, name) in names {
            XCTAssertEqual(CellReference.columnName(column), name)
            XCTAssertEqual(CellReference(name + "1")?.column, column)
        }
        XCTAssertEqual(CellReference(row: 12, column: 28).description, "AB12")
        XCTAssertLessThan(CellReference(row: 1, column: 5), CellReference(row: 2, column: 1))
    }
}
