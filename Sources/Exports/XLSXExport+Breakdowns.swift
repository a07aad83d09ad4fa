import Forms

/// The "Opdelinger" sheet (people per theme by group) and the "Optælling" sheet (fixed answers counted).
extension XLSXExport {
    /// Headers of the breakdowns sheet: one row per group and theme, so it filters and pivots well.
    static let breakdownHeaders = ["Opdeling", "Gruppe", "Personer i gruppen", "Tema", "Personer med temaet", "Andel"]

    static func writeBreakdowns(_ bundle: ExportBundle, breakdowns: ThemeBreakdowns, to sheet: XLSXWorksheet,
                                in workbook: XLSXWorkbookWriter) throws(ExportError) {
        try writeHeaders(breakdownHeaders, widths: [22, 30, 12, 30, 12, 10], to: sheet, in: workbook)
        guard let report = bundle.themes else {
            try workbook.write(text: "Der er ikke lavet en temaanalyse af disse svar.", in: sheet, row: 1, column: 0)
            return
        }
        var groups: [(kind: String, name: String, people: Int, counts: [String: Int])] = [
            ("I alt", "Alle, der skrev fritekst", breakdowns.peopleCount, breakdowns.totals),
        ]
        groups += breakdowns.bySession.map { ("Møde", $0.title, $0.peopleCount, $0.counts) }
        groups += breakdowns.byTable.map { ("Bord", $0.label, $0.peopleCount, $0.counts) }
        for question in breakdowns.byBackground {
            groups += question.values.map { (question.label, $0.label, $0.peopleCount, $0.counts) }
        }
        var row = 1
        for group in groups {
            for theme in report.themes {
                let people = group.counts[theme.key] ?? 0
                try workbook.write(text: group.kind, in: sheet, row: row, column: 0)
                try workbook.write(text: group.name, in: sheet, row: row, column: 1)
                try workbook.write(number: Double(group.people), in: sheet, row: row, column: 2)
                try workbook.write(text: theme.label, in: sheet, row: row, column: 3)
                try workbook.write(number: Double(people), in: sheet, row: row, column: 4)
                if group.people > 0 {
                    try workbook.write(number: Double(people) / Double(group.people), in: sheet, row: row, column: 5, style: .percent)
                }
                row += 1
            }
        }
    }

    /// Headers of the counts sheet.
    static let countHeaders = ["Spørgsmål", "Svar", "Antal", "Andel", "Har svaret", "Tal", "Hvad tallet er"]

    static func writeCounts(_ bundle: ExportBundle, to sheet: XLSXWorksheet, in workbook: XLSXWorkbookWriter)
        throws(ExportError) {
        try writeHeaders(countHeaders, widths: [50, 30, 10, 10, 12, 10, 34], to: sheet, in: workbook)
        var row = 1
        func line(_ summary: QuestionSummary, _ answer: String, count: Int?, share: Double?, number: Double? = nil,
                  meaning: String = "") throws(ExportError) {
            try workbook.write(text: summary.label, in: sheet, row: row, column: 0, style: .wrapped)
            try workbook.write(text: answer, in: sheet, row: row, column: 1, style: .wrapped)
            if let count { try workbook.write(number: Double(count), in: sheet, row: row, column: 2) }
            if let share { try workbook.write(number: share, in: sheet, row: row, column: 3, style: .percent) }
            try workbook.write(number: Double(summary.answered), in: sheet, row: row, column: 4)
            if let number { try workbook.write(number: number, in: sheet, row: row, column: 5, style: .decimal) }
            try workbook.write(text: meaning, in: sheet, row: row, column: 6)
            row += 1
        }
        func share(_ count: Int, of summary: QuestionSummary) -> Double {
            summary.answered == 0 ? 0 : Double(count) / Double(summary.answered)
        }
        for summary in QuestionSummary.summaries(for: bundle) where summary.type != .text {
            let question = bundle.form.question(id: summary.question)
            for option in summary.options ?? [] {
                try line(summary, option.label, count: option.count, share: option.share)
            }
            if let other = summary.other { try line(summary, ChoiceValues.otherLabel, count: other, share: share(other, of: summary)) }
            if let distribution = summary.distribution, case .scale(let settings)? = question?.kind {
                for step in distribution {
                    let meaning = step.value == settings.min ? " = \(ReportWording.lowEnd(settings))"
                        : step.value == settings.max ? " = \(ReportWording.highEnd(settings))" : ""
                    try line(summary, "\(step.value)\(meaning)", count: step.count, share: share(step.count, of: summary))
                }
                if let dontKnow = summary.dontKnow {
                    try line(summary, settings.dontKnowLabel?.da ?? ReportWording.dontKnow, count: dontKnow,
                             share: share(dontKnow, of: summary))
                }
            }
            if let mean = summary.mean { try line(summary, "Gennemsnit", count: nil, share: nil, number: mean, meaning: "gennemsnit") }
            if let median = summary.median { try line(summary, "Median", count: nil, share: nil, number: median, meaning: "median") }
            for item in summary.items ?? [] {
                if summary.type == .ranking {
                    try line(summary, item.label, count: item.count, share: share(item.count, of: summary), number: item.meanRank,
                             meaning: "gennemsnitlig placering (1 = vigtigst)")
                } else {
                    try line(summary, item.label, count: item.count, share: share(item.count, of: summary), number: item.totalPoints,
                             meaning: "point i alt")
                }
            }
        }
    }

    /// A bold, frozen header row and column widths.
    static func writeHeaders(_ headers: [String], widths: [Double], to sheet: XLSXWorksheet,
                             in workbook: XLSXWorkbookWriter) throws(ExportError) {
        for (column, header) in headers.enumerated() {
            try workbook.write(text: header, in: sheet, row: 0, column: column, style: .wrappedHeader)
        }
        try workbook.freezeRows(1, in: sheet)
        for (column, width) in widths.enumerated() {
            try workbook.setColumnWidth(width, columns: column...column, in: sheet)
        }
    }
}
