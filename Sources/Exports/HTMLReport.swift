import Foundation

/// The themed summary report: one standalone HTML document that prints well to PDF (A4).
///
/// Pages: a cover (form, sessions, counts, when made), the themes at a glance with a chart, one page
/// per theme (label, key terms, count and share, counts per meeting with a chart, quotes), the closed
/// questions summarised with charts, and the analyst's decisions. Inline `<style>` is used because the
/// file is opened on its own; there are no scripts and no external resources. Every piece of data
/// text (form, session, citizen and analyst text) goes through `MarkupText.escaped`.
public enum HTMLReport {
    /// The style attribute every page after the cover starts with, so printing starts a new sheet.
    static let pageBreak = "break-before: page"

    /// The report of a bundle, with Danish defaults.
    public static func render(_ bundle: ExportBundle) -> String {
        render(bundle, settings: ExportSettings())
    }

    /// The report with explicit settings (time zone, quotes per theme).
    public static func render(_ bundle: ExportBundle, settings: ExportSettings) -> String {
        let context = ReportContext(bundle: bundle, settings: settings)
        var html = "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(escape(bundle.form.title.da)) – opsummering</title>\n"
        html += "<style>\n\(styleSheet)</style>\n</head>\n<body>\n"
        html += coverPage(context)
        if let report = bundle.themes {
            html += themeOverviewPage(report, context: context)
            for theme in report.themes {
                html += themePage(theme, context: context)
            }
        }
        html += summaryPage(context)
        if let report = bundle.themes {
            html += decisionsPage(report, context: context)
        }
        html += "</body>\n</html>\n"
        return html
    }

    static func escape(_ text: String) -> String { MarkupText.escaped(text) }

    /// A section that starts on a new printed page.
    static func page(_ className: String, _ content: String) -> String {
        "<section class=\"page \(className)\" style=\"\(pageBreak)\">\n\(content)</section>\n"
    }

    static func coverPage(_ context: ReportContext) -> String {
        let bundle = context.bundle
        var html = "<section class=\"cover\">\n<p class=\"kicker\">Borgerdialog · opsummering</p>\n"
        html += "<h1>\(escape(bundle.form.title.da))</h1>\n"
        html += "<table class=\"sessions\">\n<thead><tr><th>Møde</th><th>Kode</th><th>Sted</th><th>Tidspunkt</th>"
            + "<th class=\"number\">Besvarelser</th></tr></thead>\n<tbody>\n"
        for session in bundle.sessions {
            let count = bundle.responses.filter { $0.sessionCode == session.code }.count
            html += "<tr><td>\(escape(session.title))</td><td>\(escape(session.code))</td>"
                + "<td>\(escape(session.place ?? "–"))</td>"
                + "<td>\(session.startsAt.map { escape(context.dateText($0)) } ?? "–")</td>"
                + "<td class=\"number\">\(count)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n<dl class=\"counts\">\n"
        html += "<dt>Besvarelser i alt</dt><dd>\(bundle.responses.count)</dd>\n"
        let late = bundle.responses.filter(\.isLate).count
        if late > 0 { html += "<dt>Heraf modtaget efter mødets afslutning</dt><dd>\(late)</dd>\n" }
        if let report = bundle.themes {
            html += "<dt>Analyserede fritekstsvar</dt><dd>\(report.assignments.count)</dd>\n"
            html += "<dt>Temaer</dt><dd>\(report.themes.count)</dd>\n"
        } else {
            html += "<dt>Temaanalyse</dt><dd>Ikke lavet</dd>\n"
        }
        html += "</dl>\n<p class=\"generated\">Lavet \(escape(context.dateText(bundle.generatedAt))). "
            + "CPR-numre, telefonnumre og e-mailadresser i fritekst er maskeret, når det blev valgt ved eksporten; "
            + "kontaktoplysninger er aldrig med.</p>\n</section>\n"
        return html
    }

    static func decisionsPage(_ report: ThemeReport, context: ReportContext) -> String {
        var html = "<h2>Analytikerens beslutninger</h2>\n"
        guard !report.decisions.isEmpty else {
            return page("decisions", html + "<p>Analytikeren har ikke rettet i temaerne.</p>\n")
        }
        html += "<table>\n<thead><tr><th>Beslutning</th><th>Type</th><th>Af</th><th>Tidspunkt</th><th>Anvendt</th>"
            + "</tr></thead>\n<tbody>\n"
        for decision in report.decisions {
            html += "<tr><td>\(escape(decision.summary))</td><td>\(escape(decision.kind))</td>"
                + "<td>\(escape(decision.decidedBy))</td><td>\(escape(context.dateText(decision.decidedAt)))</td>"
                + "<td>\(decision.applied ? "ja" : "nej – temaet findes ikke længere")</td></tr>\n"
        }
        return page("decisions", html + "</tbody>\n</table>\n")
    }

    /// A figure holding one of our own SVG charts (their labels are escaped by `SVGChart`).
    static func figure(_ svg: String) -> String {
        "<figure class=\"chart\">\(svg)</figure>\n"
    }
}

/// What every part of the report looks up: the bundle, the settings, sessions by code.
struct ReportContext {
    let bundle: ExportBundle
    let settings: ExportSettings
    let sessionsByCode: [String: ExportSession]

    init(bundle: ExportBundle, settings: ExportSettings) {
        self.bundle = bundle
        self.settings = settings
        sessionsByCode = Dictionary(bundle.sessions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A date as Danes write it, e.g. "3. marts 2026 kl. 18.30", in the settings' time zone.
    func dateText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
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
}
