import Forms
import Foundation
import Spreadsheets
import XCTest
@testable import XLSForm

/// Every shipped form written in the XLSForm layout and read back is the same form.
final class RoundTripTests: XCTestCase {
    func testEveryFormSurvivesTheSheets() throws {
        let forms = try TestForms.all()
        XCTAssertEqual(forms.count, 7)
        for form in forms {
            let result = XLSFormReader.read(try XLSFormWriter.workbook(for: form))
            XCTAssertEqual(result.problems, [], "\(form.id): \(result.problems.map(\.description).joined(separator: "\n"))")
            XCTAssertEqual(result.document?.jsonText, form.document.jsonText, form.id)
            XCTAssertEqual(result.form?.contentHash, form.contentHash, form.id)
        }
    }

    func testEveryFormSurvivesAnXLSXFile() throws {
        for form in try TestForms.all() {
            let data = try XLSFormWriter.xlsxData(for: form)
            XCTAssertEqual(data.prefix(2), Data("PK".utf8))
            let result = XLSFormReader.read(data)
            XCTAssertEqual(result.problems, [], "\(form.id): \(result.problems.map(\.description).joined(separator: "\n"))")
            XCTAssertEqual(result.form?.contentHash, form.contentHash, form.id)
            XCTAssertTrue(result.form.map { FormDifference(from: form, to: $0).isEmpty } ?? false, form.id)
        }
    }
}
