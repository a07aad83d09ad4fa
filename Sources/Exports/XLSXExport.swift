import Forms

/// The bundle as an Excel workbook, written with libxlsxwriter.
///
/// Sheets: "Svar" (every response, the same columns as the CSV), one sheet per answerable question,
/// "Temaer" (the themes, people and shares), "Temaer efter formål" (each theme split by what the
/// questions asked for, when the form says: what works, what should change, ideas), "Opdelinger" (people per theme by meeting, table and
/// background answer), "Optælling" (the fixed-answer questions counted) and "Kodebog" (every form
/// entry and how its columns are coded). With `ExportValues.text` (the default) headers are question
/// texts and values are words, and question sheets are named "1. Question text…"; with `.codes`
/// they are ids and codes. Header rows are bold and frozen; times are Excel dates shown in Danish
/// time with their offset; numbers are numbers and shares real percentages. Text is written as
/// text cells, which Excel never evaluates, so no formula prefix is needed here.
public enum XLSXExport {
    /// The sheet with every response.
    public static let responsesSheetName = "Svar"
    /// The sheet with the themes.
    public static let themesSheetName = "Temaer"
    /// The sheet with each theme split by purpose (only when the form gives questions a purpose).
    public static let purposesSheetName = "Temaer efter formål"
    /// The sheet with the themes per group of people.
    public static let breakdownsSheetName = "Opdelinger"
    /// The sheet counting the fixed-answer questions.
    public static let countsSheetName = "Optælling"
    /// The codebook sheet.
    public static let codebookSheetName = "Kodebog"

    /// Writes the workbook to `path`, replacing any file there.
    public static func write(_ bundle: ExportBundle, to path: String) throws(ExportError) {
        try write(bundle, to: path, settings: ExportSettings())
    }

    /// Writes the workbook with explicit settings (texts or codes, the time zone of its dates).
    public static func write(_ bundle: ExportBundle, to path: String, settings: ExportSettings) throws(ExportError) {
        let workbook = try XLSXWorkbookWriter(path: path, timeZone: settings.timeZone)
        let fixed = [responsesSheetName, themesSheetName, purposesSheetName, breakdownsSheetName, countsSheetName, codebookSheetName]
        var names = XLSXSheetNames(reserved: fixed)
        let table = ResponseTable(bundle: bundle, values: settings.values)
        let responses = try workbook.addWorksheet(named: responsesSheetName)
        try writeTable(headers: table.headers, rows: table.rows, to: responses, in: workbook, values: settings.values)
        for (index, columns) in QuestionColumns.all(for: bundle.form, values: settings.values).enumerated() {
            let wanted = settings.values == .codes
                ? columns.question.id : sheetTitle(number: index + 1, text: columns.question.label.da)
            let sheet = try workbook.addWorksheet(named: names.claim(wanted))
            let questionTable = questionRows(columns, bundle: bundle)
            try writeTable(headers: questionTable.headers, rows: questionTable.rows, to: sheet, in: workbook,
                           values: settings.values)
        }
        let breakdowns = ThemeBreakdowns(bundle: bundle)
        try writeThemes(bundle, breakdowns: breakdowns, values: settings.values,
                        to: try workbook.addWorksheet(named: themesSheetName), in: workbook)
        if let report = bundle.themes, report.themes.contains(where: { !$0.purposes.isEmpty }) {
            try writePurposes(report, breakdowns: breakdowns, values: settings.values,
                              to: try workbook.addWorksheet(named: purposesSheetName), in: workbook)
        }
        try writeBreakdowns(bundle, breakdowns: breakdowns, to: try workbook.addWorksheet(named: breakdownsSheetName),
                            in: workbook)
        try writeCounts(bundle, to: try workbook.addWorksheet(named: countsSheetName), in: workbook)
        try writeCodebook(bundle.form, to: try workbook.addWorksheet(named: codebookSheetName), in: workbook)
        try workbook.close()
    }

    /// "3. Question text" cut after a whole word to fit Excel's 31 characters, with "…" when cut.
    static func sheetTitle(number: Int, text: String) -> String {
        let full = "\(number). \(text)"
        let limit = XLSXSheetNames.maximumLength
        guard full.count > limit else { return full }
        let cut = full.prefix(limit - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        var trimmed = String(atWord)
        while let last = trimmed.last, last == "," || last == "." || last == ":" || last == "–" || last == " " {
            trimmed.removeLast()
        }
        return trimmed + "…"
    }

    /// A header row (bold, frozen; wrapped for long question texts) and typed rows.
    static func writeTable(headers: [String], rows: [[CellValue]], to sheet: XLSXWorksheet,
                           in workbook: XLSXWorkbookWriter, values: ExportValues) throws(ExportError) {
        let headerStyle: XLSXWorkbookWriter.CellStyle = values == .text ? .wrappedHeader : .header
        for (column, header) in headers.enumerated() {
            try workbook.write(text: header, in: sheet, row: 0, column: column, style: headerStyle)
        }
        for (rowIndex, row) in rows.enumerated() {
            for (column, cell) in row.enumerated() {
                try write(cell, in: sheet, row: rowIndex + 1, column: column, workbook: workbook)
            }
        }
        try workbook.freezeRows(1, in: sheet)
        if !headers.isEmpty {
            try workbook.setColumnWidth(values == .text ? 24 : 14, columns: 0...(headers.count - 1), in: sheet)
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
        let values = columns.values
        let themeLabels = bundle.themes.map { report in
            Dictionary(report.themes.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        }
        let assignments = Dictionary(
            (bundle.themes?.assignments ?? []).map { ($0.answerID, $0.themes) }, uniquingKeysWith: { first, _ in first })
        let showsThemes = question.type == .text && themeLabels != nil
        let sessionNames = ResponseTable.sessionNames(bundle.sessions, values: values)
        var headers = Array(ResponseTable.leadingHeaders(values).prefix(2)) + columns.headers
        if showsThemes { headers.append(ResponseTable.themesHeader(values)) }
        let rows = bundle.responses.compactMap { response -> [CellValue]? in
            guard let answer = response.answers[question.id], answer != .null else { return nil }
            var row: [CellValue] = [.text(response.submissionID), .text(sessionNames[response.sessionCode] ?? response.sessionCode)]
            row += columns.cells(for: answer)
            if showsThemes, let themeLabels {
                let keys = assignments["\(response.submissionID)/\(question.id)"] ?? []
                let labels = keys.map { themeLabels[$0] ?? $0 }.joined(separator: ResponseTable.themeSeparator)
                row.append(labels.isEmpty ? .empty : .text(labels))
            }
            return row
        }
        return (ResponseTable.unique(headers), rows)
    }
}
