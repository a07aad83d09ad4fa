/// The analyst's corrections, in Danish (left out when there are none; the first page says so).
extension HTMLReport {
    static func decisionsSection(_ report: ThemeReport, context: ReportContext) -> String {
        var html = "<h2>Analytikerens rettelser</h2>\n"
        html += "<p class=\"note\">Rettelserne gælder spørgeskemaet og bruges igen, hver gang analysen køres.</p>\n"
        html += "<table class=\"decisions\">\n<thead><tr><th scope=\"col\">Rettelse</th><th scope=\"col\">Hvem og hvornår</th>"
            + "<th scope=\"col\">Brugt</th></tr></thead>\n<tbody>\n"
        for decision in report.decisions {
            // An e-mail address may break after its @ (never inside a word), so a long one fits a narrow column.
            let who = escape(decision.decidedBy).replacingOccurrences(of: "@", with: "@<wbr>")
            html += "<tr><td>\(escape(decision.summary))</td><td>\(who),<br>\(escape(context.dateText(decision.decidedAt)))</td>"
                + "<td>\(decision.applied ? "Ja" : "Nej – temaet findes ikke længere")</td></tr>\n"
        }
        return section("decisions", html + "</tbody>\n</table>\n")
    }
}
