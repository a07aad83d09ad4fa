import Forms
import Spreadsheets

/// A sheet being written: headings in row 1, then one row per record; headings are added as records use them.
struct SheetBuilder {
    let name: String
    private(set) var headings: [String]
    private var rows: [[String: CellValue]] = []

    /// A sheet whose first columns are `headings`, in order.
    init(name: String, headings: [String]) {
        self.name = name
        self.headings = headings
    }

    /// Adds a row of cells by heading.
    mutating func append(_ row: [String: CellValue]) {
        rows.append(row)
    }

    /// The sheet with the headings in `order` after the fixed ones (used ones only), and every row.
    func worksheet(extraOrder: [String] = []) -> Worksheet {
        let used = Set(rows.flatMap { $0.filter { !$0.value.isEmpty }.keys })
        let extra = extraOrder.filter { used.contains($0) && !headings.contains($0) }
        let columns = headings + extra
        var cells: [CellReference: CellValue] = [:]
        for (index, heading) in columns.enumerated() {
            cells[CellReference(row: 1, column: index + 1)] = .text(heading)
        }
        for (rowIndex, row) in rows.enumerated() {
            for (index, heading) in columns.enumerated() {
                if let value = row[heading] { cells[CellReference(row: rowIndex + 2, column: index + 1)] = value }
            }
        }
        return Worksheet(name: name, cells: cells)
    }
}

extension Dictionary where Key == String, Value == CellValue {
    /// Puts a translation's texts under `base::<language>` headings.
    mutating func put(translation value: JSONValue?, base: String) {
        guard let members = value?.objectValue else { return }
        for language in Language.allCases {
            if let text = members[language.rawValue]?.stringValue { self[XLSFormLanguage.heading(base, language)] = .text(text) }
        }
    }
}
