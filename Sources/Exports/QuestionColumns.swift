import Forms

/// The columns one question takes in the response table, and how an answer fills them.
///
/// Layout, documented in the codebook sheet:
/// - text, number: one column `id`.
/// - single choice: `id` holds the option value (or `other`); with "other" allowed, `id:other` holds its text.
/// - multiple choice: `id:value` per option, 1 when picked and 0 when not; `id:other` for the other text.
/// - scale: `id` holds the number; with "don't know" allowed, `id:dont_know` is 1 for "don't know"
///   (then `id` is empty) and 0 for a number, so averages over `id` are never skewed by a text.
/// - yes/no: `id` is 1 for yes, 0 for no.
/// - ranking: `id:item` holds the item's rank (1 = most important), empty when not ranked.
/// - points: `id:item` holds the points given (0 when the citizen gave the item none).
/// Every column is empty when the question was not answered.
struct QuestionColumns: Sendable {
    /// The question.
    let question: Question
    /// Column headers, in order.
    let headers: [String]

    /// Suffix of the column holding an "other" text.
    static let otherSuffix = "other"
    /// Suffix of a scale's "don't know" flag column.
    static let dontKnowSuffix = ScaleSettings.dontKnowValue

    init(question: Question) {
        self.question = question
        let id = question.id
        let itemHeaders = question.options.map { "\(id):\($0.value)" }
        let otherHeader = "\(id):\(Self.otherSuffix)"
        switch question.kind {
        case .text, .number, .yesNo:
            headers = [id]
        case .singleChoice(let settings):
            headers = settings.allowsOther ? [id, otherHeader] : [id]
        case .multipleChoice(let settings):
            headers = itemHeaders + (settings.allowsOther ? [otherHeader] : [])
        case .scale(let settings):
            headers = settings.allowsDontKnow ? [id, "\(id):\(Self.dontKnowSuffix)"] : [id]
        case .ranking, .points:
            headers = itemHeaders
        case .info, .section:
            headers = []
        }
    }

    /// The columns of every answerable question of a form, in form order.
    static func all(for form: Form) -> [QuestionColumns] {
        form.answerableQuestions.map(QuestionColumns.init(question:))
    }

    /// The cells for one answer (nil or `null` when unanswered), as many as `headers`.
    func cells(for answer: JSONValue?) -> [CellValue] {
        let empty = [CellValue](repeating: .empty, count: headers.count)
        guard let answer, answer != .null else { return empty }
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
            let ranked = answer.arrayValue?.compactMap(\.stringValue) ?? []
            return question.options.map { option in
                ranked.firstIndex(of: option.value).map { .number(Double($0 + 1)) } ?? .empty
            }
        case .points:
            let given = answer.objectValue ?? [:]
            return question.options.map { .number(given[$0.value]?.numberValue ?? 0) }
        case .info, .section:
            return []
        }
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
        let selectedValues = answer.arrayValue ?? answer.objectValue?["selected"]?.arrayValue ?? []
        let selected = Set(selectedValues.compactMap(\.stringValue))
        var cells = question.options.map { CellValue.flag(selected.contains($0.value)) }
        if allowsOther {
            cells.append(answer.objectValue?[Self.otherSuffix]?.stringValue.map(CellValue.text) ?? .empty)
        }
        return cells
    }

    private func scaleCells(_ answer: JSONValue, allowsDontKnow: Bool) -> [CellValue] {
        let isDontKnow = answer.stringValue == ScaleSettings.dontKnowValue
        let value = answer.numberValue.map(CellValue.number) ?? .empty
        return allowsDontKnow ? [value, .flag(isDontKnow)] : [value]
    }
}
