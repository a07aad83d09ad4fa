import Forms

/// The "Temaer" and "Kodebog" sheets.
extension XLSXExport {
    static func writeThemes(_ bundle: ExportBundle, breakdowns: ThemeBreakdowns, values: ExportValues,
                            to sheet: XLSXWorksheet, in workbook: XLSXWorkbookWriter) throws(ExportError) {
        let sessionHeaders = bundle.sessions.map { "Personer: \($0.title) (\($0.code))" }
        let headers = ["Tema", "Nøgle", "Type", "Personer", "Andel af personerne", "Svar", "Nøgleord"]
            + sessionHeaders + ["Citater"]
        for (column, header) in headers.enumerated() {
            try workbook.write(text: header, in: sheet, row: 0, column: column, style: .wrappedHeader)
        }
        try workbook.freezeRows(1, in: sheet)
        try workbook.setColumnWidth(28, columns: 0...0, in: sheet)
        try workbook.setColumnWidth(12, columns: 1...(headers.count - 2), in: sheet)
        try workbook.setColumnWidth(80, columns: (headers.count - 1)...(headers.count - 1), in: sheet, style: .wrapped)
        guard let report = bundle.themes else {
            try workbook.write(text: "Der er ikke lavet en temaanalyse af disse svar.", in: sheet, row: 1, column: 0)
            return
        }
        let sessionCounts = Dictionary(breakdowns.bySession.map { ($0.sessionCode, $0.counts) }, uniquingKeysWith: { first, _ in first })
        for (index, theme) in breakdowns.ordered(report.themes).enumerated() {
            let row = index + 1
            let people = breakdowns.totals[theme.key] ?? 0
            try workbook.write(text: theme.label, in: sheet, row: row, column: 0)
            try workbook.write(text: theme.key, in: sheet, row: row, column: 1)
            try workbook.write(text: values == .codes ? theme.kind : ReportWording.themeKind(theme.kind), in: sheet, row: row, column: 2)
            try workbook.write(number: Double(people), in: sheet, row: row, column: 3)
            let share = breakdowns.peopleCount == 0 ? 0 : Double(people) / Double(breakdowns.peopleCount)
            try workbook.write(number: share, in: sheet, row: row, column: 4, style: .percent)
            try workbook.write(number: Double(theme.size), in: sheet, row: row, column: 5)
            try workbook.write(text: theme.terms.joined(separator: ", "), in: sheet, row: row, column: 6)
            for (offset, session) in bundle.sessions.enumerated() {
                try workbook.write(number: Double(sessionCounts[session.code]?[theme.key] ?? 0), in: sheet, row: row,
                                   column: 7 + offset)
            }
            let quotes = theme.quotes.map { "»\($0.text)« (\($0.sessionCode))" }.joined(separator: "\n\n")
            try workbook.write(text: quotes, in: sheet, row: row, column: headers.count - 1, style: .wrapped)
        }
    }

    /// Headers of the codebook sheet.
    static let codebookHeaders = [
        "Spørgsmål-id", "Tekst (da)", "Tekst (en)", "Type", "Svarmuligheder (værdi = tekst)", "Baggrund",
        "Temaer", "Kolonner med koder", "Kolonner med tekst", "Kodning",
    ]

    static func writeCodebook(_ form: Form, to sheet: XLSXWorksheet, in workbook: XLSXWorkbookWriter)
        throws(ExportError) {
        for (column, header) in codebookHeaders.enumerated() {
            try workbook.write(text: header, in: sheet, row: 0, column: column, style: .header)
        }
        try workbook.freezeRows(1, in: sheet)
        try workbook.setColumnWidth(20, columns: 0...0, in: sheet)
        try workbook.setColumnWidth(40, columns: 1...2, in: sheet, style: .wrapped)
        try workbook.setColumnWidth(16, columns: 3...3, in: sheet)
        try workbook.setColumnWidth(40, columns: 4...4, in: sheet, style: .wrapped)
        try workbook.setColumnWidth(10, columns: 5...6, in: sheet)
        try workbook.setColumnWidth(30, columns: 7...8, in: sheet, style: .wrapped)
        try workbook.setColumnWidth(60, columns: 9...9, in: sheet, style: .wrapped)
        for (index, question) in form.questions.enumerated() {
            let row = index + 1
            let options = ChoiceValues.values(of: question).map { "\($0.value) = \($0.label)" }
            let cells = [
                question.id, question.label.da, question.label.en, question.type.rawValue,
                options.joined(separator: "\n"), question.isBackground ? "ja" : "nej",
                question.themes.joined(separator: ", "),
                QuestionColumns(question: question, values: .codes).headers.joined(separator: "\n"),
                QuestionColumns(question: question, values: .text).headers.joined(separator: "\n"),
                coding(of: question),
            ]
            for (column, text) in cells.enumerated() {
                try workbook.write(text: text, in: sheet, row: row, column: column,
                                   style: [1, 2, 4, 7, 8, 9].contains(column) ? .wrapped : .plain)
            }
        }
    }

    /// How a question's columns are coded, in Danish, for whoever opens the file.
    static func coding(of question: Question) -> String {
        switch question.kind {
        case .text: "Fritekst (CPR-numre, telefonnumre og e-mailadresser er maskeret)."
        case .number: "Tal."
        case .yesNo: "Koder: 1 = ja, 0 = nej. Tekst: Ja eller Nej."
        case .singleChoice(let settings):
            "Koder: den valgte værdi. Tekst: svarmuligheden."
                + (settings.allowsOther ? " »other« (tekst: Andet) = eget svar; teksten står i kolonnen for eget svar." : "")
        case .multipleChoice(let settings):
            "Koder: en kolonne pr. svarmulighed, 1 = valgt, 0 = ikke valgt. Tekst: de valgte svarmuligheder adskilt af »; «."
                + (settings.allowsOther ? " Eget svar står i sin egen kolonne." : "")
        case .scale(let settings):
            "Tal fra \(settings.min) til \(settings.max) (\(ReportWording.scaleEnds(settings)))."
                + (settings.allowsDontKnow ? " »Ved ikke«: med koder tom værdi og 1 i :dont_know; med tekst »Ved ikke«." : "")
        case .ranking: "En kolonne pr. punkt: placeringen (1 = vigtigst); tom = ikke placeret."
        case .points(let settings): "En kolonne pr. punkt: de givne point (i alt højst \(settings.total))."
        case .info: "Tekst uden svar."
        case .section: "Overskrift uden svar."
        }
    }
}
