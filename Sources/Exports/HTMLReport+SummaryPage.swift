import Foundation

/// The report's first page: what was asked, who took part, and the largest themes with a quote each.
extension HTMLReport {
    /// The most themes the first page lists.
    static let summaryThemeLimit = 5
    /// The longest quote on the first page, in characters (the theme's own section has it in full).
    static let summaryQuoteLength = 220

    static func summaryPage(_ context: ReportContext) -> String {
        let bundle = context.bundle
        var html = "<p class=\"kicker\">Borgerdialog · Opsummering</p>\n<h1>\(escape(bundle.form.title.da))</h1>\n"
        let meetings = bundle.sessions.count == 1 ? "ét dialogmøde" : "\(bundle.sessions.count) dialogmøder"
        html += "<p class=\"lead\"><strong>\(escape(ReportWording.people(bundle.responses.count)))</strong> "
            + "svarede ved \(meetings).</p>\n"
        let rows = bundle.sessions.map { session -> [String] in
            let count = bundle.responses.filter { $0.sessionCode == session.code }.count
            return [session.title, session.place ?? "–", session.startsAt.map(context.dateText) ?? "–", "\(count)"]
        }
        html += table("meetings", headers: ["Møde", "Sted", "Tidspunkt", "Personer"], rows: rows, textColumns: [0, 1, 2])
        html += keyFigures(context)
        if let report = bundle.themes {
            html += topThemes(report, context: context)
        } else {
            html += "<p>Der er ikke lavet en temaanalyse af fritekstsvarene.</p>\n"
        }
        let corrections = bundle.themes.map { report in
            report.decisions.isEmpty ? "Temaerne er ikke rettet af en analytiker. "
                : "Analytikerens \(report.decisions.count) rettelser af temaerne står sidst. "
        } ?? ""
        html += "<p class=\"generated\">Lavet \(escape(context.dateText(bundle.generatedAt))) (dansk tid). \(corrections)"
            + "CPR-numre, telefonnumre og e-mailadresser i fritekst er erstattet af [CPR], [telefon] og [e-mail]; "
            + "kontaktoplysninger er aldrig med.</p>\n"
        return section("summary-page", html)
    }

    static func keyFigures(_ context: ReportContext) -> String {
        var figures: [(String, String)] = []
        if let report = context.bundle.themes {
            figures.append(("Skrev fritekst, der er analyseret", "\(context.breakdowns.peopleCount)"))
            figures.append(("Temaer", "\(report.themes.count)"))
        }
        let late = context.bundle.responses.filter(\.isLate).count
        if late > 0 { figures.append(("Modtaget efter mødets afslutning", "\(late)")) }
        guard !figures.isEmpty else { return "" }
        return "<dl class=\"figures\">\n" + figures.map { "<div><dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd></div>\n" }.joined()
            + "</dl>\n"
    }

    /// The largest themes (not "other" or off-topic ones), each with its count and its first quote.
    static func topThemes(_ report: ThemeReport, context: ReportContext) -> String {
        let ranked = report.themes.filter { $0.kind != "other" && $0.kind != "offTopic" && context.people(in: $0) > 0 }
        guard !ranked.isEmpty else { return "<p>Temaanalysen fandt ingen temaer.</p>\n" }
        var html = "<h2>De største temaer</h2>\n<p class=\"note\">Antal personer, der skrev om temaet, og deres andel af "
            + "de \(context.breakdowns.peopleCount), der skrev fritekst.</p>\n<ol class=\"top-themes\">\n"
        for theme in ranked.prefix(summaryThemeLimit) {
            html += "<li><p class=\"top-theme\"><strong>\(escape(theme.label))</strong> "
                + "<span class=\"count\">\(escape(ReportWording.people(context.people(in: theme)))) "
                + "(\(ExportNumberFormat.percent(context.share(of: theme))))</span></p>\n"
            if let quote = theme.quotes.first {
                html += "<blockquote><p>\(escape(excerpt(quote.text, limit: summaryQuoteLength)))</p></blockquote>\n"
            }
            html += "</li>\n"
        }
        html += "</ol>\n"
        if report.themes.count > summaryThemeLimit || ranked.count < report.themes.count {
            html += "<p class=\"more\">Alle \(report.themes.count) temaer er beskrevet på de følgende sider.</p>\n"
        }
        return html
    }

    /// The text cut after a whole word near `limit` characters, marked with "…".
    static func excerpt(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) + " …"
    }
}
