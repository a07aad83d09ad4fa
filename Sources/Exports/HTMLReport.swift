import Foundation

/// The themed summary report: one standalone HTML document in Danish that prints well to PDF (A4).
///
/// Order: a one-page summary (the meetings, how many people took part, the largest themes with
/// their counts and one quote each), then the themes (a chart of all of them, how they spread over
/// meetings, tables and background answers, and one section per theme with its key words and
/// quotes), the questions with fixed answers (scales in a diverging palette with their end labels,
/// counts in one calm teal; see `ChartPalette`), and the analyst's corrections. Counts are people:
/// a citizen is counted once in a theme however many of their answers carry it. Inline `<style>`
/// because the file is opened on its own; no scripts and no external resources. Every piece of data
/// text (form, session, citizen and analyst text) goes through `MarkupText.escaped`.
public enum HTMLReport {
    /// The style attribute a section that must start a new printed sheet carries.
    static let pageBreak = "break-before: page"

    /// The report of a bundle, with Danish defaults.
    public static func render(_ bundle: ExportBundle) -> String {
        render(bundle, settings: ExportSettings())
    }

    /// The report with explicit settings (time zone, quotes per theme).
    public static func render(_ bundle: ExportBundle, settings: ExportSettings) -> String {
        var bundle = bundle
        let breakdowns = ThemeBreakdowns(bundle: bundle)
        // Largest first by people, so the first page, the chart and the sections agree.
        if let themes = bundle.themes?.themes { bundle.themes?.themes = breakdowns.ordered(themes) }
        let context = ReportContext(bundle: bundle, settings: settings, breakdowns: breakdowns)
        var html = "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(escape(bundle.form.title.da)) – opsummering</title>\n"
        html += "<style>\n\(styleSheet)</style>\n</head>\n<body>\n"
        html += summaryPage(context)
        if let report = bundle.themes {
            html += themesSection(report, context: context)
        }
        html += closedQuestionsSection(context)
        if let report = bundle.themes, !report.decisions.isEmpty {
            html += decisionsSection(report, context: context)
        }
        html += "</body>\n</html>\n"
        return html
    }

    static func escape(_ text: String) -> String { MarkupText.escaped(text) }

    /// A section; `newPage` starts it on a new printed sheet.
    static func section(_ className: String, newPage: Bool = false, _ content: String) -> String {
        "<section class=\"\(className)\"" + (newPage ? " style=\"\(pageBreak)\"" : "") + ">\n\(content)</section>\n"
    }

    /// A figure holding one of our own SVG charts (their labels are escaped by `SVGChart`).
    static func figure(_ svg: String) -> String {
        "<figure class=\"chart\">\(svg)</figure>\n"
    }

    /// The charts' style in the report: a heading above each one already names it.
    static var chartStyle: SVGChart.Style {
        var style = SVGChart.Style()
        style.showsTitle = false
        style.barHeight = 16
        style.gap = 6
        return style
    }

    /// A table: the first column text, the others numbers unless `textColumns` says so; every cell escaped.
    static func table(_ className: String, headers: [String], rows: [[String]], textColumns: Set<Int> = [0]) -> String {
        func cellClass(_ column: Int) -> String { textColumns.contains(column) ? "" : " class=\"number\"" }
        var html = "<table class=\"\(className)\">\n<thead><tr>"
        html += headers.enumerated().map { "<th scope=\"col\"\(cellClass($0.offset))>\(escape($0.element))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { "<td\(cellClass($0.offset))>\(escape($0.element))</td>" }.joined()
                + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}

/// What every part of the report looks up: the bundle, the settings, sessions by code, people counts.
struct ReportContext {
    let bundle: ExportBundle
    let settings: ExportSettings
    let sessionsByCode: [String: ExportSession]
    let breakdowns: ThemeBreakdowns

    init(bundle: ExportBundle, settings: ExportSettings, breakdowns: ThemeBreakdowns) {
        self.bundle = bundle
        self.settings = settings
        self.breakdowns = breakdowns
        sessionsByCode = Dictionary(bundle.sessions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A date as Danes write it, e.g. "3. marts 2026 kl. 18.30", in the settings' time zone.
    func dateText(_ date: Date) -> String {
        let parts = ExportTimestamp.calendar(settings.timeZone).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                      "oktober", "november", "december"]
        let month = months[((parts.month ?? 1) - 1) % 12]
        let time = String(format: "%02d.%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(parts.day ?? 1). \(month) \(parts.year ?? 0) kl. \(time)"
    }

    /// A session's title, or its code when unknown.
    func sessionTitle(_ code: String) -> String {
        sessionsByCode[code]?.title ?? code
    }

    /// People per theme key (each person once per theme).
    func people(in theme: ReportTheme) -> Int {
        breakdowns.totals[theme.key] ?? 0
    }

    /// A theme's people as a share of everyone whose free text was analysed.
    func share(of theme: ReportTheme) -> Double {
        breakdowns.peopleCount == 0 ? 0 : Double(people(in: theme)) / Double(breakdowns.peopleCount)
    }
}
