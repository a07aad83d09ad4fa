import Exports
import Foundation

/// The file formats analysts export to.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Everything, for other tools.
    case json
    /// RFC 4180 CSV, UTF-8 with BOM.
    case csv
    /// CSV that Danish Excel opens as columns: semicolons and decimal commas.
    case csvSemicolon = "csv-semicolon"
    /// An Excel workbook: all answers, a sheet per question, themes, breakdowns, counts, codebook.
    case xlsx
    /// The themed summary report, printable to PDF.
    case html

    /// The HTTP content type.
    public var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .csv, .csvSemicolon: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// Whether the format's answer tables come as texts or codes (`ExportValues`); JSON always has
    /// codes and the report always has words.
    public var takesValues: Bool {
        switch self {
        case .csv, .csvSemicolon, .xlsx: true
        case .json, .html: false
        }
    }

    /// What the file name ends with: `.json`, `.csv`, `-semikolon.csv`, `.xlsx`, `-rapport.html`.
    public var fileNameEnding: String {
        switch self {
        case .json: ".json"
        case .csv: ".csv"
        case .csvSemicolon: "-semikolon.csv"
        case .xlsx: ".xlsx"
        case .html: "-rapport.html"
        }
    }

    /// The name a downloaded export gets: `borgerdialog-{codes joined by -}-{yyyy-mm-dd}` (the day in
    /// Danish time), `-koder` when the tables hold codes, then `fileNameEnding`.
    ///
    /// E.g. `borgerdialog-K7PD2Q-2026-12-09-semikolon.csv`, `borgerdialog-K7PD2Q-M3XT9A-2026-12-09-rapport.html`.
    public func fileName(codes: [String], values: ExportValues, exportedAt date: Date) -> String {
        let safeCodes = codes.map { code in String(code.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) }
        let day = ExportTimestamp.day(date)
        let valuesPart = takesValues && values == .codes ? "-\(values.danishName)" : ""
        return "borgerdialog-\(safeCodes.joined(separator: "-"))-\(day)\(valuesPart)\(fileNameEnding)"
    }
}
