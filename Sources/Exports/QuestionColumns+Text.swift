import Forms

/// The columns of `ExportValues.text`: Danish question texts as headers, words as values.
///
/// - text, number: one column headed by the question (a number's unit in brackets).
/// - yes/no: "Ja" or "Nej".
/// - single choice: the option's label ("Andet" for an own answer, whose text is in "… – eget svar").
/// - multiple choice: the picked labels joined by "; " (form order), and the own answer's column.
/// - scale: the number, or "Ved ikke"; the header names the ends, e.g. "(1 = Helt uenig … 5 = Helt enig)".
/// - ranking: one column per item, "question – item", holding its place (1 = most important).
/// - points: one column per item, "question – item", holding the points.
extension QuestionColumns {
    /// What joins several picked options in one cell.
    static let pickSeparator = "; "
    /// What follows the question text in the header of an own ("other") answer's column.
    static let otherHeaderSuffix = " – eget svar"

    static func textHeaders(of question: Question) -> [String] {
        let label = question.label.da
        let itemHeaders = question.options.map { "\(label) – \($0.label.da)" }
        let otherHeader = label + otherHeaderSuffix
        switch question.kind {
        case .text, .yesNo:
            return [label]
        case .number(let settings):
            return [settings.unit.map { "\(label) (\($0.da))" } ?? label]
        case .singleChoice(let settings):
            return settings.allowsOther ? [label, otherHeader] : [label]
        case .multipleChoice(let settings):
            return settings.allowsOther ? [label, otherHeader] : [label]
        case .scale(let settings):
            return ["\(label) (\(ReportWording.scaleEnds(settings)))"]
        case .ranking, .points:
            return itemHeaders
        case .info, .section:
            return []
        }
    }

    func textCells(for answer: JSONValue) -> [CellValue] {
        switch question.kind {
        case .text:
            return [answer.stringValue.map(CellValue.text) ?? .empty]
        case .number:
            return [answer.numberValue.map(CellValue.number) ?? .empty]
        case .yesNo:
            return [answer.boolValue.map { .text(ReportWording.yesNo($0)) } ?? .empty]
        case .singleChoice(let settings):
            let labels = Dictionary(question.options.map { ($0.value, $0.label.da) }, uniquingKeysWith: { first, _ in first })
            var value = CellValue.empty
            if let picked = answer.stringValue {
                value = .text(labels[picked] ?? picked)
            } else if Self.otherText(in: answer) != nil {
                value = .text(ChoiceValues.otherLabel)
            }
            guard settings.allowsOther else { return [value] }
            return [value, Self.otherText(in: answer).map(CellValue.text) ?? .empty]
        case .multipleChoice(let settings):
            let selected = Self.selectedValues(in: answer)
            var labels = question.options.filter { selected.contains($0.value) }.map(\.label.da)
            let other = Self.otherText(in: answer)
            if other != nil { labels.append(ChoiceValues.otherLabel) }
            let value: CellValue = labels.isEmpty ? .empty : .text(labels.joined(separator: Self.pickSeparator))
            guard settings.allowsOther else { return [value] }
            return [value, other.map(CellValue.text) ?? .empty]
        case .scale(let settings):
            if answer.stringValue == ScaleSettings.dontKnowValue {
                return [.text(settings.dontKnowLabel?.da ?? ReportWording.dontKnow)]
            }
            return [answer.numberValue.map(CellValue.number) ?? .empty]
        case .ranking:
            return rankCells(answer)
        case .points:
            return pointCells(answer)
        case .info, .section:
            return []
        }
    }
}
