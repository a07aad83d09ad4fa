/// The themes: all of them at a glance, how they spread over groups of people, then one section each.
extension HTMLReport {
    /// How many of a group's themes the spread table names.
    static let themesPerGroup = 2

    static func themesSection(_ report: ThemeReport, context: ReportContext) -> String {
        var html = "<h2>Temaerne</h2>\n"
        html += "<p>\(escape(ReportWording.people(context.breakdowns.peopleCount))) skrev fritekst, der er analyseret "
            + "(\(report.assignments.count) svar). En person tælles én gang i hvert tema, personens svar hører til; "
            + "et svar kan høre til flere temaer.</p>\n"
        html += figure(SVGChart.themes(report, breakdowns: context.breakdowns, style: chartStyle))
        let (present, empty) = (report.themes.filter { context.people(in: $0) > 0 }, report.themes.filter { context.people(in: $0) == 0 })
        for theme in present {
            html += themeSection(theme, context: context)
        }
        if !empty.isEmpty {
            html += "<p class=\"note empty-themes\">Ingen skrev om: \(escape(empty.map(\.label).joined(separator: ", "))).</p>\n"
        }
        html += spread(report, context: context)
        return section("themes", newPage: true, html)
    }

    /// The largest themes per meeting (when there are several), per table and per background answer:
    /// one table, a heading row per grouping, so it stays short and never grows sideways.
    static func spread(_ report: ThemeReport, context: ReportContext) -> String {
        let breakdowns = context.breakdowns
        var groups: [(title: String, rows: [(String, Int, [String: Int])])] = []
        if breakdowns.bySession.count > 1 {
            groups.append(("Møde", breakdowns.bySession.map { ($0.title, $0.peopleCount, $0.counts) }))
        }
        if !breakdowns.byTable.isEmpty {
            groups.append(("Bord", breakdowns.byTable.map { ($0.label, $0.peopleCount, $0.counts) }))
        }
        for question in breakdowns.byBackground {
            groups.append((question.label, question.values.map { ($0.label, $0.peopleCount, $0.counts) }))
        }
        let labels = Dictionary(report.themes.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        var body = ""
        for group in groups {
            let rows = group.rows.filter { $0.1 > 0 }
            guard !rows.isEmpty else { continue }
            body += "<tr class=\"group\"><th scope=\"colgroup\" colspan=\"3\">\(escape(group.title))</th></tr>\n"
            for (name, people, counts) in rows {
                let top = counts.filter { $0.value > 0 }
                    .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .prefix(themesPerGroup).map { "\(labels[$0.key] ?? $0.key) (\($0.value))" }
                body += "<tr><td>\(escape(name))</td><td class=\"number\">\(people)</td>"
                    + "<td>\(escape(top.joined(separator: " · ")))</td></tr>\n"
            }
        }
        guard !body.isEmpty else { return "" }
        return "<h3 class=\"spread-heading\">Hvem skrev om hvad</h3>\n<p class=\"note\">De \(themesPerGroup) største "
            + "temaer i hver gruppe, med antal personer.</p>\n<table class=\"spread\">\n<thead><tr><th scope=\"col\">Gruppe</th>"
            + "<th scope=\"col\" class=\"number\">Personer</th><th scope=\"col\">Største temaer</th></tr></thead>\n<tbody>\n"
            + body + "</tbody>\n</table>\n"
    }

    /// One theme: what it is, how many, its key words, and its quotes; when the form says what
    /// each question asked for, the quotes are split by it ("Det virker", "Det skal ændres", "Idéer").
    static func themeSection(_ theme: ReportTheme, context: ReportContext) -> String {
        let quotes = theme.purposes.isEmpty ? themeQuotes(theme, context: context) : themePurposes(theme, context: context)
        let parts = [themeHeading(theme, context: context), themeTerms(theme), quotes]
        return "<article class=\"theme\">\n" + parts.joined() + "</article>\n"
    }

    /// The theme split by purpose, side by side: each side's number of answers and its own quotes
    /// (words already quoted on an earlier side are not quoted again). The theme keeps its number of
    /// quotes (`quotesPerTheme`), spread over the sides: one each, the rest to the larger sides, at
    /// most `quotesPerPurpose` a side. Answers to questions that ask for no purpose are counted in
    /// the theme's facts (`themeHeading`), to keep the report short.
    static func themePurposes(_ theme: ReportTheme, context: ReportContext) -> String {
        let groups = theme.purposes.filter { $0.purpose != ReportPurposeGroup.withoutPurpose }
        let shares = quoteShares(sizes: groups.map(\.size), total: context.settings.quotesPerTheme,
                                 perSide: context.settings.quotesPerPurpose)
        var quoted: Set<String> = []
        let sides = zip(groups, shares).map { group, share in
            let quotes = group.quotes.filter { quoted.insert($0.text.lowercased()).inserted }
                .prefix(share).map { quote($0, context: context) }.joined()
            return "<section class=\"purpose purpose-\(escape(group.purpose))\">\n<h4>\(escape(ReportWording.purpose(group.purpose)))"
                + " <span class=\"count\">· \(answers(group.size))</span></h4>\n" + quotes + "</section>\n"
        }
        return "<div class=\"purposes\">\n" + sides.joined() + "</div>\n"
    }

    /// How many quotes each side gets: one each (when there are quotes to show at all), then the
    /// rest of `total` to the sides with the most answers first, at most `perSide` a side.
    static func quoteShares(sizes: [Int], total: Int, perSide: Int) -> [Int] {
        guard total > 0, perSide > 0 else { return sizes.map { _ in 0 } }
        var shares = sizes.map { _ in 1 }
        var left = total - sizes.count
        let bySize = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        // Rounds: each round gives the largest sides one more, until the quotes or the room run out.
        for _ in 1..<max(1, perSide) {
            for side in bySize where left > 0 {
                shares[side] += 1
                left -= 1
            }
        }
        return shares
    }

    /// "1 svar" or "N svar".
    static func answers(_ count: Int) -> String {
        count == 1 ? "1 svar" : "\(count) svar"
    }

    static func themeHeading(_ theme: ReportTheme, context: ReportContext) -> String {
        var facts = [
            ReportWording.themeKind(theme.kind),
            "\(ReportWording.people(context.people(in: theme))) (\(ExportNumberFormat.percent(context.share(of: theme))))",
            answers(theme.size),
        ]
        if let rest = theme.purposes.first(where: { $0.purpose == ReportPurposeGroup.withoutPurpose }) {
            facts[facts.count - 1] += " (\(rest.size) på spørgsmål uden opdeling)"
        }
        if context.breakdowns.bySession.count > 1 {
            facts += context.breakdowns.bySession.map { "\($0.title): \($0.counts[theme.key] ?? 0)" }
        }
        return "<h3>\(escape(theme.label))</h3>\n<p class=\"facts\">" + facts.map(escape).joined(separator: " · ") + "</p>\n"
    }

    static func themeTerms(_ theme: ReportTheme) -> String {
        guard !theme.terms.isEmpty else { return "" }
        return "<p class=\"terms\"><span class=\"label\">Nøgleord:</span> \(escape(theme.terms.joined(separator: ", ")))</p>\n"
    }

    static func themeQuotes(_ theme: ReportTheme, context: ReportContext) -> String {
        uniqueQuotes(theme).prefix(max(0, context.settings.quotesPerTheme)).map { quote($0, context: context) }.joined()
    }

    /// One quote, with its meeting when the report covers several.
    static func quote(_ quote: ReportQuote, context: ReportContext) -> String {
        "<blockquote><p>\(escape(quote.text))</p>"
            + (context.bundle.sessions.count > 1 ? "<footer>\(escape(context.sessionTitle(quote.sessionCode)))</footer>" : "")
            + "</blockquote>\n"
    }

    /// The theme's quotes without repeats: citizens who wrote the very same words are quoted once.
    static func uniqueQuotes(_ theme: ReportTheme) -> [ReportQuote] {
        var seen: Set<String> = []
        return theme.quotes.filter { seen.insert($0.text.lowercased()).inserted }
    }
}
