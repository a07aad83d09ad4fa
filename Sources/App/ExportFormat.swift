/// The file formats analysts export to.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Everything, for other tools.
    case json
    /// RFC 4180 CSV, UTF-8 with BOM.
    case csv
    /// CSV that Danish Excel opens as columns: semicolons and decimal commas.
    case csvSemicolon = "csv-semicolon"
    /// An Excel workbook: all answers, a sheet per question, themes, codebook.
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

    /// The file name ending.
    public var fileExtension: String {
        switch self {
        case .json: "json"
        case .csv, .csvSemicolon: "csv"
        case .xlsx: "xlsx"
        case .html: "html"
        }
    }
}
