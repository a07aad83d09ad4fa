import Forms
import Spreadsheets

/// One thing in an XLSForm workbook that could not be taken over as it is: where, and why.
public struct XLSFormProblem: Hashable, Sendable, CustomStringConvertible {
    /// The sheet, e.g. "survey"; nil for the file as a whole.
    public let sheet: String?
    /// The row as Excel numbers it (the heading row is 1); nil for the sheet as a whole.
    public let row: Int?
    /// The column's heading, e.g. "relevant" or "label::English (en)"; nil for the row as a whole.
    public let column: String?
    /// The cell, e.g. "H7", when row and column are both known and the column exists in the sheet.
    public let cell: CellReference?
    /// The JSON path in the imported form document, when the form decoder found the problem there.
    public let path: String?
    /// What is wrong, in Danish and English.
    public let reason: LocalizedText

    /// Creates a problem.
    public init(sheet: String?, row: Int?, column: String?, cell: CellReference? = nil, path: String? = nil,
                reason: LocalizedText) {
        self.sheet = sheet
        self.row = row
        self.column = column
        self.cell = cell
        self.path = path
        self.reason = reason
    }

    /// The reason in one language.
    public func reason(in language: Language) -> String {
        reason.text(in: language)
    }

    /// "survey, række 7, kolonne relevant (H7): ..." in one language.
    public func description(in language: Language) -> String {
        var place: [String] = []
        if let sheet { place.append(sheet) }
        if let row { place.append((language == .da ? "række " : "row ") + String(row)) }
        if let column {
            place.append((language == .da ? "kolonne " : "column ") + column + (cell.map { " (\($0))" } ?? ""))
        }
        let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
        return prefix + reason.text(in: language)
    }

    /// The English line, for logs.
    public var description: String { description(in: .en) }
}
