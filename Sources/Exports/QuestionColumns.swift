import Forms

/// The columns one question takes in the response table, and how an answer fills them.
///
/// With `ExportValues.codes` (documented in the codebook sheet):
/// - text, number: one column `id`.
/// - single choice: `id` holds the option value (or `other`); with "other" allowed, `id:other` holds its text.
/// - multiple choice: `id:value` per option, 1 when picked and 0 when not; `id:other` for the other text.
/// - scale: `id` holds the number; with "don't know" allowed, `id:dont_know` is 1 for "don't know"
///   (then `id` is empty) and 0 for a number, so averages over `id` are never skewed by a text.
/// - yes/no: `id` is 1 for yes, 0 for no.
/// - ranking: `id:item` holds the item's rank (1 = most important), empty when not ranked.
/// - points: `id:item` holds the points given (0 when the citizen gave the item none).
///
/// With `ExportValues.text` the headers are the Danish question texts and the values are words
/// (see `QuestionColumns+Text.swift`). Every column is empty when the question was not answered.
struct QuestionColumns: Sendable {
    /// The question.
    let question: Question
    /// Texts or codes.
    let values: ExportValues
    /// Column headers, in order.
    let headers: [String]

    /// Suffix of the column holding an "other" text.
    static let otherSuffix = "other"
    /// Suffix of a scale's "don't know" flag column.
    static let dontKnowSuffix = ScaleSettings.dontKnowValue

    init(question: Question, values: ExportValues = .codes) {
        self.question = question
        self.values = values
        headers = switch values {
        case .codes: Self.codeHeaders(of: question)
        case .text: Self.textHeaders(of: question)
        }
    }

    /// The columns of every answerable question of a form, in form order.
    static func all(for form: Form, values: ExportValues = .codes) -> [QuestionColumns] {
        form.answerableQuestions.map { QuestionColumns(question: $0, values: values) }
    }

    /// The cells for one answer (nil or `null` when unanswered), as many as `headers`.
    func cells(for answer: JSONValue?) -> [CellValue] {
        let empty = [CellValue](repeating: .empty, count: headers.count)
        guard let answer, answer != .null else { return empty }
        switch values {
        case .codes: return codeCells(for: answer)
        case .text: return textCells(for: answer)
        }
    }

    private static func codeHeaders(of question: Question) -> [String] {
        let id = question.id
        let itemHeaders = question.options.map { "\(id):\($0.value)" }
        let otherHeader = "\(id):\(otherSuffix)"
        switch question.kind {
        case .text, .number, .yesNo:
            return [id]
        case .singleChoice(let settings):
            return settings.allowsOther ? [id, otherHeader] : [id]
        case .multipleChoice(let settings):
            return itemHeaders + (settings.allowsOther ? [otherHeader] : [])
        case .scale(let settings):
            return settings.allowsDontKnow ? [id, "\(id):\(dontKnowSuffix)"] : [id]
        case .ranking, .points:
            return itemHeaders
        case .info, .section:
            return []
        }
    }

    private func codeCells(for answer: JSONValue) -> [CellValue] {
        switch question.kind {
        case .text:
            return [answer.stringValue.map(CellValue.text) ?? .empty]
        case .number:
            return [answer.numberValue.map(CellValue.number) ?? .empty]
        case .yesNo:
            return [answer.boolValue.map(CellValue.flag) ?? .empty]
        case .singleChoice(let settings):
            return singleChoiceCells(answer, allowsOther: settings.allowsOther)
        case .multipleChoice(let settings):
            return multipleChoiceCells(answer, allowsOther: settings.allowsOther)
        case .scale(let settings):
            return scaleCells(answer, allowsDontKnow: settings.allowsDontKnow)
        case .ranking:
            return rankCells(answer)
        case .points:
            return pointCells(answer)
        case .info, .section:
            return []
        }
    }

    func rankCells(_ answer: JSONValue) -> [CellValue] {
        let ranked = answer.arrayValue?.compactMap(\.stringValue) ?? []
        return question.options.map { option in
            ranked.firstIndex(of: option.value).map { .number(Double($0 + 1)) } ?? .empty
        }
    }

    func pointCells(_ answer: JSONValue) -> [CellValue] {
        let given = answer.objectValue ?? [:]
        return question.options.map { .number(given[$0.value]?.numberValue ?? 0) }
    }

    private func singleChoiceCells(_ answer: JSONValue, allowsOther: Bool) -> [CellValue] {
        var value = CellValue.empty
        var other = CellValue.empty
        if let picked = answer.stringValue {
            value = .text(picked)
        } else if let text = answer.objectValue?[Self.otherSuffix]?.stringValue {
            value = .text(Self.otherSuffix)
            other = .text(text)
        }
        return allowsOther ? [value, other] : [value]
    }

    private func multipleChoiceCells(_ answer: JSONValue, allowsOther: Bool) -> [CellValue] {
        let selected = Self.selectedValues(in: answer)
        var cells = question.options.map { CellValue.flag(selected.contains($0.value)) }
        if allowsOther {
            cells.append(Self.otherText(in: answer).map(CellValue.text) ?? .empty)
        }
        return cells
    }

    private func scaleCells(_ answer: JSONValue, allowsDontKnow: Bool) -> [CellValue] {
        let isDontKnow = answer.stringValue == ScaleSettings.dontKnowValue
        let value = answer.numberValue.map(CellValue.number) ?? .empty
        return allowsDontKnow ? [value, .flag(isDontKnow)] : [value]
    }

    /// The option values a multiple-choice answer picked (`["x"]` or `{"selected": [...]}`).
    static func selectedValues(in answer: JSONValue) -> Set<String> {
        let selectedValues = answer.arrayValue ?? answer.objectValue?["selected"]?.arrayValue ?? []
        return Set(selectedValues.compactMap(\.stringValue))
    }

    /// The citizen's own "other" text of a choice answer, if any.
    static func otherText(in answer: JSONValue) -> String? {
        guard let text = answer.objectValue?[otherSuffix]?.stringValue, !text.isEmpty else { return nil }
        return text
    }
}
