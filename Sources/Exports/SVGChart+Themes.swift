/// The charts of a theme analysis, as the analyst API's `charts` and the report show them.
extension SVGChart {
    /// Theme sizes in people, in the report's order, each with its share of the analysed people.
    public static func themes(_ report: ThemeReport, breakdowns: ThemeBreakdowns, style: Style = Style()) -> String {
        let bars = report.themes.map { theme in
            let people = breakdowns.totals[theme.key] ?? 0
            let share = breakdowns.peopleCount == 0 ? 0 : Double(people) / Double(breakdowns.peopleCount)
            return Bar(label: theme.label, value: Double(people), valueLabel: "\(people) (\(ExportNumberFormat.percent(share)))")
        }
        return horizontalBars(title: "Temaer: antal personer (andel af dem, der skrev noget)", bars: bars, style: style)
    }

    /// Per session, its people split by theme (a person in two themes counts in both).
    public static func bySession(_ breakdowns: ThemeBreakdowns, report: ThemeReport, style: Style = Style()) -> String {
        let bars = breakdowns.bySession.map { session in
            StackedBar(label: session.title, values: report.themes.map { Double(session.counts[$0.key] ?? 0) })
        }
        return stackedBars(title: "Temaer pr. møde (personer)", series: report.themes.map(\.label), bars: bars, style: style)
    }
}
