/// The "Temaer efter formål" sheet: one row per theme and purpose.
extension XLSXExport {
    static func writePurposes(_ report: ThemeReport, breakdowns: ThemeBreakdowns, values: ExportValues,
                              to sheet: XLSXWorksheet, in workbook: XLSXWorkbookWriter) throws(ExportError) {
        let headers = ["Tema", "Nøgle", "Formål", "Svar", "Citater"]
        for (column, header) in headers.enumerated() {
            try workbook.write(text: header, in: sheet, row: 0, column: column, style: .wrappedHeader)
        }
        try workbook.freezeRows(1, in: sheet)
        try workbook.setColumnWidth(28, columns: 0...0, in: sheet)
        try workbook.setColumnWidth(16, columns: 1...3, in: sheet)
        try workbook.setColumnWidth(80, columns: 4...4, in: sheet, style: .wrapped)
        var row = 1
        for theme in breakdowns.ordered(report.themes) {
            for group in theme.purposes {
                try workbook.write(text: theme.label, in: sheet, row: row, column: 0)
                try workbook.write(text: theme.key, in: sheet, row: row, column: 1)
                try workbook.write(text: values == .codes ? group.purpose : ReportWording.purpose(group.purpose), in: sheet, row: row, column: 2)
                try workbook.write(number: Double(group.size), in: sheet, row: row, column: 3)
                let quotes = group.quotes.map { "»\($0.text)« (\($0.sessionCode))" }.joined(separator: "\n\n")
                try workbook.write(text: quotes, in: sheet, row: row, column: 4, style: .wrapped)
                row += 1
            }
        }
    }
}
