import Foundation
import Forms

/// Every response as one row, the shape the CSV files and the XLSX "Svar" sheet share.
struct ResponseTable: Sendable {
    /// Column headers.
    let headers: [String]
    /// One row per response, as many cells as headers.
    let rows: [[CellValue]]

    /// The fixed columns before the questions'.
    static let leadingHeaders = ["submissionId", "session", "submittedAt", "late", "table"]
    /// The column listing a response's themes.
    static let themesHeader = "themes"
    /// What joins several theme labels in one cell.
    static let themeSeparator = " | "

    init(bundle: ExportBundle) {
        let questionColumns = QuestionColumns.all(for: bundle.form)
        let themeLabels = bundle.themes.map { ResponseTable.themeLabelsBySubmission(in: $0) }
        var headers = Self.leadingHeaders + questionColumns.flatMap(\.headers)
        if themeLabels != nil { headers.append(Self.themesHeader) }
        self.headers = headers
        rows = bundle.responses.map { response in
            var row: [CellValue] = [
                .text(response.submissionID), .text(response.sessionCode), .date(response.submittedAt),
                .flag(response.isLate), response.table.map(CellValue.text) ?? .empty,
            ]
            for columns in questionColumns {
                row += columns.cells(for: response.answers[columns.question.id])
            }
            if let themeLabels {
                let labels = themeLabels[response.submissionID] ?? []
                row.append(labels.isEmpty ? .empty : .text(labels.joined(separator: Self.themeSeparator)))
            }
            return row
        }
    }

    /// Submission id → the labels of the themes its free-text answers carry, each once, best first.
    static func themeLabelsBySubmission(in report: ThemeReport) -> [String: [String]] {
        let labelByKey = Dictionary(report.themes.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        var result: [String: [String]] = [:]
        for assignment in report.assignments {
            let submission = AnswerReference(answerID: assignment.answerID).submissionID
            var labels = result[submission] ?? []
            for key in assignment.themes {
                let label = labelByKey[key] ?? key
                if !labels.contains(label) { labels.append(label) }
            }
            result[submission] = labels
        }
        return result
    }
}
