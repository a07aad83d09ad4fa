import Forms

/// The questions with fixed answers: choices, yes/no, scales, numbers, rankings and points.
extension HTMLReport {
    static func closedQuestionsSection(_ context: ReportContext) -> String {
        let summaries = QuestionSummary.summaries(for: context.bundle).filter { $0.type != .text }
        var html = "<h2>Spørgsmål med faste svar</h2>\n"
        if summaries.isEmpty { html += "<p>Skemaet har ingen spørgsmål med faste svar.</p>\n" }
        for summary in summaries {
            let question = context.bundle.form.question(id: summary.question)
            html += "<div class=\"question\">\n<h3>\(escape(summary.label))</h3>\n"
            html += "<p class=\"facts\">\(escape(facts(summary).joined(separator: " · ")))</p>\n"
            html += chart(summary, question: question)
            html += "</div>\n"
        }
        return section("questions", newPage: context.bundle.themes == nil, html)
    }

    /// Who answered, and the figures a chart does not show (means, medians, ranges).
    static func facts(_ summary: QuestionSummary) -> [String] {
        var facts = [summary.answered == 1 ? "1 person har svaret" : "\(summary.answered) personer har svaret"]
        if summary.type == .multipleChoice { facts.append("man kunne vælge flere") }
        if let mean = summary.mean { facts.append("gennemsnit \(ExportNumberFormat.mean(mean))") }
        if let median = summary.median { facts.append("median \(ExportNumberFormat.mean(median))") }
        if let minimum = summary.minimum, let maximum = summary.maximum {
            facts.append("fra \(ExportNumberFormat.mean(minimum)) til \(ExportNumberFormat.mean(maximum))")
        }
        if summary.type == .ranking { facts.append("længste søjle = vigtigst; tallet er den gennemsnitlige placering") }
        return facts
    }

    static func chart(_ summary: QuestionSummary, question: Question?) -> String {
        if let distribution = summary.distribution, case .scale(let settings)? = question?.kind {
            return figure(SVGChart.scale(
                title: summary.label, distribution: distribution.map { ($0.value, $0.count) },
                lowLabel: ReportWording.lowEnd(settings), highLabel: ReportWording.highEnd(settings),
                dontKnow: settings.allowsDontKnow ? (summary.dontKnow ?? 0) : nil,
                dontKnowLabel: settings.dontKnowLabel?.da ?? ReportWording.dontKnow, style: chartStyle))
        }
        if let options = summary.options {
            var bars = options.map { bar($0.label, count: $0.count, share: $0.share) }
            if let other = summary.other {
                bars.append(bar(ChoiceValues.otherLabel, count: other,
                                share: summary.answered == 0 ? 0 : Double(other) / Double(summary.answered)))
            }
            return figure(SVGChart.horizontalBars(title: summary.label, bars: bars, style: chartStyle))
        }
        guard let items = summary.items else { return "" }
        if summary.type == .ranking {
            // Bars grow with importance (rank 1 longest), labelled with the mean rank itself.
            let ranked = items.sorted { ($0.meanRank ?? .infinity) < ($1.meanRank ?? .infinity) }
            let bars = ranked.compactMap { item in
                item.meanRank.map {
                    SVGChart.Bar(label: item.label, value: Double(items.count) + 1 - $0, valueLabel: ExportNumberFormat.mean($0))
                }
            }
            return figure(SVGChart.horizontalBars(title: summary.label, bars: bars, style: chartStyle))
        }
        let bars = items.map {
            SVGChart.Bar(label: $0.label, value: $0.totalPoints ?? 0,
                         valueLabel: "\(ExportNumberFormat.plain($0.totalPoints ?? 0, decimalComma: true)) point")
        }
        return figure(SVGChart.horizontalBars(title: summary.label, bars: bars, style: chartStyle))
    }

    static func bar(_ label: String, count: Int, share: Double) -> SVGChart.Bar {
        SVGChart.Bar(label: label, value: Double(count), valueLabel: "\(count) (\(ExportNumberFormat.percent(share)))")
    }
}
