import Exports
import Spreadsheets

/// Puts sheets of cells into an XLSX file through Exports' libxlsxwriter wrapper.
enum XLSXFileWriter {
    /// Headings bold and frozen, texts as text cells, numbers as numbers; label columns wider.
    static func write(_ sheets: [Worksheet], toPath path: String) throws(ExportError) {
        let workbook = try XLSXWorkbookWriter(path: path)
        for sheet in sheets {
            let handle = try workbook.addWorksheet(named: sheet.name)
            for reference in sheet.cells.keys.sorted() {
                let row = reference.row - 1, column = reference.column - 1
                switch sheet[reference] {
                case .text(let text):
                    try workbook.write(text: text, in: handle, row: row, column: column, style: row == 0 ? .header : .plain)
                case .number(let number):
                    try workbook.write(number: number, in: handle, row: row, column: column)
                case .bool(let flag):
                    try workbook.write(text: flag ? "yes" : "no", in: handle, row: row, column: column)
                case .error(let code):
                    try workbook.write(text: code, in: handle, row: row, column: column)
                case .empty:
                    break
                }
            }
            try workbook.freezeRows(1, in: handle)
            for column in 1...max(sheet.lastColumn, 1) {
                let heading = sheet[row: 1, column: column].text ?? ""
                let isText = heading.contains("::") || heading == "relevant"
                try workbook.setColumnWidth(isText ? 40 : 16, columns: (column - 1)...(column - 1), in: handle)
            }
        }
        try workbook.close()
    }
}
