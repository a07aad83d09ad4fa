import Forms

/// The bundle as an Excel workbook, written with libxlsxwriter.
///
/// Sheets: "Svar" (every response, the same columns as the CSV), one sheet per answerable question
/// (named after its id), "Temaer" (the themes), "Kodebog" (every form entry and how its columns are
/// coded). Header rows are bold and frozen; dates are Excel dates, numbers and 0/1 flags are numbers.
/// Text is written as text cells, which Excel never evaluates, so no formula prefix is needed here.
public enum XLSXExport {
    /// The sheet with every response.
    public static let responsesSheetName = "Svar"
    /// The sheet with the themes.
    public static let themesSheetName = "Temaer"
    /// The codebook sheet.
    public static let codebookSheetName = "Kodebog"

    /// Writes the workbook to `path`, replacing any file there.
    public static func write(_ bundle: ExportBundle, to path: String) throws(ExportError) {
        try write(bundle, to: path, settings: ExportSettings())
    }

    /// Writes the workbook with explicit settings (the time zone of its dates).
    public static func write(_ bundle: ExportBundle, to path: String, settings: ExportSettings) throws(ExportError) {
        let workbook = try XLSXWorkbookWriter(path: path, timeZone: settings.timeZone)
        var names = XLSXSheetNames(reserved: [responsesSheetName, themesSheetName, codebookSheetName])
        let table = ResponseTable(bundle: bundle)
        let responses = try workbook.addWorksheet(named: responsesSheetName)
        try writeTable(headers: table.headers, rows: table.rows, to: responses, in: workbook)
        for columns in QuestionColumns.all(for: bundle.form) {
            let sheet = try workbook.addWorksheet(named: names.claim(columns.question.id))
            let questionTable = questionRows(columns, bundle: bundle)
            try writeTable(headers: questionTable.headers, rows: questionTable.rows, to: sheet, in: workbook)
        }
        try writeThemes(bundle, to: try workbook.addWorksheet(named: themesSheetName), in: workbook)
        try writeCodebook(bundle.form, to: try workbook.addWorksheet(named: codebookSheetName), in: workbook)
        try workbook.close()
    }

    /// A header row (bold, frozen) and typed rows.
    static func writeTable(headers: [String], rows: [[CellValue]], to sheet: XLSXWorksheet,
                           in workbook: XLSXWorkbookWriter) throws(ExportError) {
        for (column, header) in headers.enumerated() {
            try workbook.write(text: header, in: sheet, row: 0, column: column, style: .header)
        }
        for (rowIndex, row) in rows.enumerated() {
            for (column, cell) in row.enumerated() {
                try write(cell, in: sheet, row: rowIndex + 1, column: column, workbook: workbook)
            }
        }
        try workbook.freezeRows(1, in: sheet)
        if !headers.isEmpty {
            try workbook.setColumnWidth(14, columns: 0...(headers.count - 1), in: sheet)
        }
    }

    static func write(_ cell: CellValue, in sheet: XLSXWorksheet, row: Int, column: Int,
                      workbook: XLSXWorkbookWriter) throws(ExportError) {
        switch cell {
        case .empty: break
        case .text(let text): try workbook.write(text: text, in: sheet, row: row, column: column)
        case .number(let number): try workbook.write(number: number, in: sheet, row: row, column: column)
        case .flag(let isSet): try workbook.write(number: isSet ? 1 : 0, in: sheet, row: row, column: column)
        case .date(let date): try workbook.write(date: date, in: sheet, row: row, column: column)
        }
    }

    /// One question's sheet: the responses that answered it, with its columns (and themes, for text).
    static func questionRows(_ columns: QuestionColumns, bundle: ExportBundle) -> (headers: [String], rows: [[CellValue]]) {
        let question = columns.question
        let themeLabels = bundle.themes.map { report in
            Dictionary(report.themes.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        }
        let assignments = Dictionary(
            (bundle.themes?.assignments ?? []).map { ($0.answerID, $0.themes) }, uniquingKeysWith: { first, _ in first })
        let showsThemes = question.type == .text && themeLabels != nil
        var headers = ["submissionId", "session"] + columns.headers
        if showsThemes { headers.append(ResponseTable.themesHeader) }
        let rows = bundle.responses.compactMap { response -> [CellValue]? in
            guard let answer = response.answers[question.id], answer != .null else { return nil }
            var row: [CellValue] = [.text(response.submissionID), .text(response.sessionCode)]
            row += columns.cells(for: answer)
            if showsThemes, let themeLabels {
                let keys = assignments["\(response.submissionID)/\(question.id)"] ?? []
                let labels = keys.map { themeLabels[$0] ?? $0 }.joined(separator: ResponseTable.themeSeparator)
                row.append(labels.isEmpty ? .empty : .text(labels))
            }
            return row
        }
        return (headers, rows)
    }
}
