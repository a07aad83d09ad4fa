/// The analyst's corrections, in Danish (left out when there are none; the first page says so).
extension HTMLReport {
    static func decisionsSection(_ report: ThemeReport, context: ReportContext) -> String {
        var html = "<h2>Analytikerens rettelser</h2>\n"
        html += "<p class=\"note\">Rettelserne gælder spørgeskemaet og bruges igen, hver gang analysen køres.</p>\n"
        let rows = report.decisions.map { decision in
            [decision.summary, ReportWording.decisionKind(decision.kind),
             "\(decision.decidedBy), \(context.dateText(decision.decidedAt))",
             decision.applied ? "Ja" : "Nej – temaet findes ikke længere"]
        }
        html += table("decisions", headers: ["Rettelse", "Slags", "Hvem og hvornår", "Brugt"], rows: rows,
                      textColumns: [0, 1, 2, 3])
        return section("decisions", html)
    }
}
