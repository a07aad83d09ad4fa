import Forms
import Foundation
import XCTest
@testable import XLSForm

/// An exported form opened by openpyxl, a reader that is not ours, shows the XLSForm layout.
final class OpenpyxlCheckTests: XCTestCase {
    private struct ScriptFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `Readers/read_xlsform.py` on a file and decodes what it prints.
    private func readWithOpenpyxl(_ path: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestForms.testsDirectory.appendingPathComponent("Readers/read_xlsform.py").path, path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ScriptFailure(description: String(decoding: errorData, as: UTF8.self)) }
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testAnExportedFormReadsAsXLSFormInOpenpyxl() throws {
        let form = try XCTUnwrap(TestForms.all().first { $0.id == "helsingoer-frivillighed" })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xlsform-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XLSFormWriter.write(form, toPath: path)
        let read = try readWithOpenpyxl(path)
        XCTAssertEqual(read["sheets"] as? [String], ["survey", "choices", "settings", "themes", "contact"])
        let cells = try XCTUnwrap(read["cells"] as? [String: [[Any]]])
        let survey = try XCTUnwrap(cells["survey"])
        let headings = survey[0].compactMap { $0 as? String }
        XCTAssertEqual(Array(headings.prefix(8)), ["type", "name", "label::Dansk (da)", "label::English (en)",
                                                   "hint::Dansk (da)", "hint::English (en)", "required", "relevant"])
        for own in ["appearance", "themes", "background", "purpose", "items", "total", "min", "max", "dont_know",
                    "min_label::Dansk (da)", "max_label::English (en)"] {
            XCTAssertTrue(headings.contains(own), "survey has \(own): \(headings)")
        }
        let types = survey.dropFirst().compactMap { $0.first as? String }
        XCTAssertEqual(types.first, "begin_group")
        XCTAssertTrue(types.contains("select_one volunteer-status"))
        XCTAssertTrue(types.contains("select_multiple volunteer-areas or_other"))
        XCTAssertTrue(types.contains("points conditions-points"))
        XCTAssertTrue(types.contains("yes_no"))
        XCTAssertEqual(types.last, "end_group")
        XCTAssertEqual(types.filter { $0 == "begin_group" }.count, types.filter { $0 == "end_group" }.count)
        let relevantColumn = try XCTUnwrap(headings.firstIndex(of: "relevant"))
        let relevants = survey.dropFirst().compactMap { $0.count > relevantColumn ? $0[relevantColumn] as? String : nil }
        XCTAssertTrue(relevants.contains("${volunteer-status} = 'association' or ${volunteer-status} = 'network' or ${volunteer-status} = 'municipal-service'"), "\(relevants)")
        XCTAssertTrue(relevants.contains("${wants-more} = 'yes'"), "\(relevants)")
        let scaleRow = try XCTUnwrap(survey.first { ($0.first as? String) == "scale" })
        let minColumn = try XCTUnwrap(headings.firstIndex(of: "min"))
        XCTAssertEqual(scaleRow[minColumn] as? Int, 1, "numbers are numbers")
        let choices = try XCTUnwrap(cells["choices"])
        XCTAssertEqual(choices[0].compactMap { $0 as? String }, ["list_name", "name", "label::Dansk (da)", "label::English (en)"])
        XCTAssertTrue(choices.contains { ($0[0] as? String) == "volunteer-status" && ($0[1] as? String) == "association" })
        let settings = try XCTUnwrap(cells["settings"])
        XCTAssertEqual(settings[0].compactMap { $0 as? String }.prefix(5),
                       ["form_id", "form_title", "form_title::English (en)", "version", "default_language"])
        XCTAssertEqual(settings[1][0] as? String, "helsingoer-frivillighed")
        XCTAssertEqual(settings[1][4] as? String, "Dansk (da)")
        let themes = try XCTUnwrap(cells["themes"])
        XCTAssertEqual(themes[0].compactMap { $0 as? String }, ["key", "name::Dansk (da)", "name::English (en)",
                                                                "description::Dansk (da)", "description::English (en)",
                                                                "keywords::Dansk (da)", "keywords::English (en)"])
        XCTAssertEqual(themes.count, 3)
        XCTAssertEqual(cells["contact"]?.count, 6, "a heading and five texts")
        XCTAssertEqual((read["frozen"] as? [String: String])?["survey"], "A2")
        XCTAssertEqual((read["headingsBold"] as? [String: Bool])?["survey"], true)
    }
}
