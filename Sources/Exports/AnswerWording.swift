import Foundation
import Forms

/// One stored answer in Danish words, as a citizen would recognise it (the data-access page).
///
/// The words are the exports' own (`QuestionColumns` with `ExportValues.text`), so the page and the
/// spreadsheets never disagree about what an answer says.
public enum AnswerWording {
    /// The answer in words: the option labels, "Ja"/"Nej", the number, the text itself; a ranking or
    /// points answer lists each item with its place or points ("Cykelstier: 1; Parker: 2").
    public static func danishText(of answer: JSONValue, for question: Question) -> String {
        let cells = QuestionColumns(question: question, values: .text).cells(for: answer)
        switch question.kind {
        case .ranking, .points:
            return zip(question.options, cells).compactMap { option, cell in
                let value = text(of: cell)
                return value.isEmpty ? nil : "\(option.label.da): \(value)"
            }.joined(separator: "; ")
        default:
            return cells.map(text(of:)).filter { !$0.isEmpty }.joined(separator: " – ")
        }
    }

    private static func text(of cell: CellValue) -> String {
        switch cell {
        case .empty: ""
        case .text(let text): text
        case .number(let number): ExportNumberFormat.plain(number, decimalComma: true)
        case .flag(let isSet): ReportWording.yesNo(isSet)
        case .date(let date): ExportTimestamp.text(date)
        }
    }
}
