/// The charts of a theme analysis, as the analyst API's `charts` and the report show them.
extension SVGChart {
    /// Theme sizes, largest first as the report orders them, with each share.
    public static func themes(_ report: ThemeReport, style: Style = Style()) -> String {
        let bars = report.themes.map { theme in
            Bar(label: theme.label, value: Double(theme.size),
                valueLabel: "\(theme.size) (\(ExportNumberFormat.percent(theme.share)))")
        }
        return horizontalBars(title: "Temaer: antal svar", bars: bars, style: style)
    }

    /// Per session, its analysed answers split by theme (an answer with two themes counts in both).
    public static func bySession(_ breakdowns: ThemeBreakdowns, report: ThemeReport, style: Style = Style()) -> String {
        let bars = breakdowns.bySession.map { session in
            StackedBar(label: session.title, values: report.themes.map { Double(session.counts[$0.key] ?? 0) })
        }
        return stackedBars(title: "Temaer pr. møde", series: report.themes.map(\.label), bars: bars, style: style)
    }

    /// One theme's answers per session.
    public static func sessions(of theme: ReportTheme, sessions: [ExportSession], style: Style = Style()) -> String {
        let bars = sessions.map { Bar(label: $0.title, value: Double(theme.countsBySession[$0.code] ?? 0)) }
        return horizontalBars(title: "\(theme.label): svar pr. møde", bars: bars, style: style)
    }
}
