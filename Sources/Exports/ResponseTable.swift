import Foundation
import Forms

/// Every response as one row, the shape the CSV files and the XLSX "Svar" sheet share.
struct ResponseTable: Sendable {
    /// Column headers, unique within the table.
    let headers: [String]
    /// One row per response, as many cells as headers.
    let rows: [[CellValue]]

    /// The fixed columns before the questions', with codes.
    static let leadingCodeHeaders = ["submissionId", "session", "submittedAt", "late", "table"]
    /// The fixed columns before the questions', with texts.
    static let leadingTextHeaders = ["Besvarelse", "Møde", "Indsendt (dansk tid)", "Modtaget efter mødet", "Bord"]
    /// The fixed columns in the chosen kind of values.
    static func leadingHeaders(_ values: ExportValues) -> [String] {
        values == .codes ? leadingCodeHeaders : leadingTextHeaders
    }
    /// The column listing a response's themes, with codes and with texts.
    static func themesHeader(_ values: ExportValues) -> String { values == .codes ? "themes" : "Temaer" }
    /// What joins several theme labels in one cell.
    static let themeSeparator = " | "

    init(bundle: ExportBundle, values: ExportValues) {
        let questionColumns = QuestionColumns.all(for: bundle.form, values: values)
        let themeLabels = bundle.themes.map { ResponseTable.themeLabelsBySubmission(in: $0) }
        var headers = Self.leadingHeaders(values) + questionColumns.flatMap(\.headers)
        if themeLabels != nil { headers.append(Self.themesHeader(values)) }
        self.headers = Self.unique(headers)
        let sessionNames = Self.sessionNames(bundle.sessions, values: values)
        rows = bundle.responses.map { response in
            var row: [CellValue] = [
                .text(response.submissionID), .text(sessionNames[response.sessionCode] ?? response.sessionCode),
                .date(response.submittedAt),
                values == .codes ? .flag(response.isLate) : .text(ReportWording.yesNo(response.isLate)),
                response.table.map(CellValue.text) ?? .empty,
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

    /// Session code → what the session column shows: the code, or (texts) the title, with the code
    /// added when two exported meetings share a title.
    static func sessionNames(_ sessions: [ExportSession], values: ExportValues) -> [String: String] {
        let titleCounts = Dictionary(sessions.map { ($0.title, 1) }, uniquingKeysWith: +)
        return Dictionary(sessions.map { session in
            guard values == .text else { return (session.code, session.code) }
            let name = (titleCounts[session.title] ?? 0) > 1 ? "\(session.title) (\(session.code))" : session.title
            return (session.code, name)
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The headers with " (2)", " (3)" … added to repeats, so every column can be found by its name.
    static func unique(_ headers: [String]) -> [String] {
        var seen: Set<String> = []
        return headers.map { header in
            var candidate = header
            var number = 2
            while seen.contains(candidate) {
                candidate = "\(header) (\(number))"
                number += 1
            }
            seen.insert(candidate)
            return candidate
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
