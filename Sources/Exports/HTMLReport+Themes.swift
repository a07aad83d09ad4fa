/// The theme pages of the report.
extension HTMLReport {
    /// Danish names of the theme kinds.
    static func kindName(_ kind: String) -> String {
        switch kind {
        case "guided": "Politikkens tema"
        case "emerging": "Nyt tema fra tidligere kørsel"
        case "discovered": "Fundet i svarene"
        case "analyst": "Oprettet af analytikeren"
        case "other": "Andet"
        case "offTopic": "Uden for emnet"
        default: kind
        }
    }

    static func themeOverviewPage(_ report: ThemeReport, context: ReportContext) -> String {
        var html = "<h2>Temaer</h2>\n"
        html += "<p>\(report.assignments.count) fritekstsvar er analyseret. Et svar kan have flere temaer.</p>\n"
        html += figure(SVGChart.themes(report))
        html += "<table>\n<thead><tr><th>Tema</th><th>Type</th><th class=\"number\">Svar</th>"
            + "<th class=\"number\">Andel</th></tr></thead>\n<tbody>\n"
        for theme in report.themes {
            html += "<tr><td>\(escape(theme.label))</td><td>\(escape(kindName(theme.kind)))</td>"
                + "<td class=\"number\">\(theme.size)</td>"
                + "<td class=\"number\">\(ExportNumberFormat.percent(theme.share))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if context.bundle.sessions.count > 1 {
            let breakdowns = ThemeBreakdowns(bundle: context.bundle)
            html += figure(SVGChart.bySession(breakdowns, report: report))
        }
        return page("themes", html)
    }

    static func themePage(_ theme: ReportTheme, context: ReportContext) -> String {
        var html = "<p class=\"kicker\">\(escape(kindName(theme.kind)))</p>\n"
        html += "<h2>\(escape(theme.label))</h2>\n"
        html += "<p class=\"size\"><strong>\(theme.size)</strong> svar · "
            + "<strong>\(ExportNumberFormat.percent(theme.share))</strong> af de analyserede svar</p>\n"
        if !theme.terms.isEmpty {
            html += "<p class=\"terms\">Nøgleord: "
                + theme.terms.map { "<span class=\"term\">\(escape($0))</span>" }.joined(separator: " ")
                + "</p>\n"
        }
        html += "<h3>Svar pr. møde</h3>\n<table class=\"per-session\">\n<thead><tr><th>Møde</th>"
            + "<th class=\"number\">Svar</th></tr></thead>\n<tbody>\n"
        for session in context.bundle.sessions {
            html += "<tr><td>\(escape(session.title))</td>"
                + "<td class=\"number\">\(theme.countsBySession[session.code] ?? 0)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += figure(SVGChart.sessions(of: theme, sessions: context.bundle.sessions))
        let quotes = theme.quotes.prefix(max(0, context.settings.quotesPerTheme))
        if !quotes.isEmpty {
            html += "<h3>Citater</h3>\n"
            for quote in quotes {
                html += "<blockquote><p>\(escape(quote.text))</p>"
                    + "<footer>\(escape(context.sessionTitle(quote.sessionCode)))</footer></blockquote>\n"
            }
        }
        return page("theme", html)
    }
}
