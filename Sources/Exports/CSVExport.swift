import Foundation

/// The responses as CSV: UTF-8 with a byte order mark, CRLF line ends, one row per response.
///
/// Columns as `ResponseTable` lays them out: with `ExportValues.text` (the default) Danish headers
/// and words, with `.codes` `submissionId`, `session`, `submittedAt`, `late` (1/0), `table`, then
/// the questions' columns (`id`, `id:option`, `id:other`, `id:dont_know`), then `themes` (labels
/// joined with " | ") when the bundle has a theme analysis. Times are Danish local time with their
/// offset (`ExportTimestamp`). A scale's "don't know" is, with codes, an empty value plus 1 in
/// `id:dont_know`, so the number column stays numeric.
public enum CSVExport {
    /// Which flavour of CSV to write.
    public enum Dialect: Sendable, Hashable {
        /// RFC 4180: `,` between fields, `.` in decimals; for R, Python, SPSS and other tools.
        case comma
        /// What Danish Excel opens on a double click: `;` between fields, `,` in decimals.
        case semicolon

        /// The field separator.
        var separator: Character {
            switch self {
            case .comma: ","
            case .semicolon: ";"
            }
        }
    }

    /// The bytes of the CSV file for a bundle.
    public static func data(for bundle: ExportBundle, dialect: Dialect, settings: ExportSettings = ExportSettings()) -> Data {
        Data(text(for: bundle, dialect: dialect, settings: settings).utf8)
    }

    /// The CSV text, starting with the byte order mark.
    static func text(for bundle: ExportBundle, dialect: Dialect, settings: ExportSettings) -> String {
        let table = ResponseTable(bundle: bundle, values: settings.values)
        var text = "\u{FEFF}"
        text += line(table.headers.map { field(.text($0), dialect: dialect, settings: settings) }, dialect: dialect)
        for row in table.rows {
            text += line(row.map { field($0, dialect: dialect, settings: settings) }, dialect: dialect)
        }
        return text
    }

    static func line(_ fields: [String], dialect: Dialect) -> String {
        fields.joined(separator: String(dialect.separator)) + "\r\n"
    }

    /// One field, neutralised against formulas and quoted when it has to be.
    static func field(_ value: CellValue, dialect: Dialect, settings: ExportSettings) -> String {
        switch value {
        case .empty: return ""
        case .flag(let isSet): return isSet ? "1" : "0"
        case .date(let date): return ExportTimestamp.text(date, timeZone: settings.timeZone)
        case .number(let number): return ExportNumberFormat.plain(number, decimalComma: dialect == .semicolon)
        case .text(let text): return quoted(SpreadsheetText.neutralized(text), dialect: dialect)
        }
    }

    /// The text in quotes (inner quotes doubled) when it holds a separator, quote or line break.
    static func quoted(_ text: String, dialect: Dialect) -> String {
        let needsQuotes = text.contains { $0 == dialect.separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
