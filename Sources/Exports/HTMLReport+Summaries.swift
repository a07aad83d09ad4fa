import Forms

/// The page summarising the choice, yes/no, scale, number, ranking and points questions.
extension HTMLReport {
    static func summaryPage(_ context: ReportContext) -> String {
        let summaries = QuestionSummary.summaries(for: context.bundle).filter { $0.type != .text }
        var html = "<h2>Spørgsmål med faste svar</h2>\n"
        if summaries.isEmpty { html += "<p>Skemaet har ingen spørgsmål med faste svar.</p>\n" }
        for summary in summaries {
            html += "<div class=\"summary\">\n<h3>\(escape(summary.label))</h3>\n"
            html += "<p class=\"answered\">\(summary.answered) har svaret.</p>\n"
            html += optionsBody(summary) + numbersBody(summary) + itemsBody(summary)
            html += "</div>\n"
        }
        return page("summaries", html)
    }

    static func optionsBody(_ summary: QuestionSummary) -> String {
        guard let options = summary.options else { return "" }
        var rows = options.map { ($0.label, $0.count, $0.share) }
        if let other = summary.other {
            rows.append((ChoiceValues.otherLabel, other, summary.answered == 0 ? 0 : Double(other) / Double(summary.answered)))
        }
        var html = table(headers: ["Svar", "Antal", "Andel"], rows: rows.map {
            [$0.0, "\($0.1)", ExportNumberFormat.percent($0.2)]
        })
        let bars = rows.map {
            SVGChart.Bar(label: $0.0, value: Double($0.1), valueLabel: "\($0.1) (\(ExportNumberFormat.percent($0.2)))")
        }
        html += figure(SVGChart.horizontalBars(title: summary.label, bars: bars))
        return html
    }

    static func numbersBody(_ summary: QuestionSummary) -> String {
        var facts: [String] = []
        if let mean = summary.mean { facts.append("Gennemsnit: <strong>\(ExportNumberFormat.mean(mean))</strong>") }
        if let median = summary.median { facts.append("Median: \(ExportNumberFormat.mean(median))") }
        if let minimum = summary.minimum, let maximum = summary.maximum {
            facts.append("Fra \(ExportNumberFormat.mean(minimum)) til \(ExportNumberFormat.mean(maximum))")
        }
        if let dontKnow = summary.dontKnow { facts.append("Ved ikke: \(dontKnow)") }
        var html = facts.isEmpty ? "" : "<p>" + facts.joined(separator: " · ") + "</p>\n"
        if let distribution = summary.distribution {
            let bars = distribution.map { SVGChart.Bar(label: "\($0.value)", value: Double($0.count)) }
            html += figure(SVGChart.horizontalBars(title: summary.label, bars: bars))
        }
        return html
    }

    static func itemsBody(_ summary: QuestionSummary) -> String {
        guard let items = summary.items else { return "" }
        if summary.type == .ranking {
            let ranked = items.sorted { ($0.meanRank ?? .infinity) < ($1.meanRank ?? .infinity) }
            var html = table(headers: ["Punkt", "Gennemsnitlig placering (1 = vigtigst)"], rows: ranked.map {
                [$0.label, $0.meanRank.map(ExportNumberFormat.mean) ?? "–"]
            })
            // Bars grow with importance (rank 1 longest), labelled with the mean rank itself.
            let bars = ranked.compactMap { item in
                item.meanRank.map {
                    SVGChart.Bar(label: item.label, value: Double(items.count) + 1 - $0, valueLabel: ExportNumberFormat.mean($0))
                }
            }
            html += figure(SVGChart.horizontalBars(title: "\(summary.label) – gennemsnitlig placering (længst = vigtigst)",
                                                   bars: bars))
            return html
        }
        var html = table(headers: ["Punkt", "Point i alt", "Point pr. svar"], rows: items.map {
            [$0.label, ExportNumberFormat.plain($0.totalPoints ?? 0, decimalComma: true),
             $0.meanPoints.map(ExportNumberFormat.mean) ?? "–"]
        })
        let bars = items.map { SVGChart.Bar(label: $0.label, value: $0.totalPoints ?? 0) }
        html += figure(SVGChart.horizontalBars(title: "\(summary.label) – point i alt", bars: bars))
        return html
    }

    /// A table whose first column is text and the others numbers; every cell is escaped.
    static func table(headers: [String], rows: [[String]]) -> String {
        func cellClass(_ column: Int) -> String { column == 0 ? "" : " class=\"number\"" }
        var html = "<table>\n<thead><tr>"
        html += headers.enumerated().map { "<th\(cellClass($0.offset))>\(escape($0.element))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { "<td\(cellClass($0.offset))>\(escape($0.element))</td>" }.joined()
                + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
