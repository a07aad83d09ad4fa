import Forms

/// Answer sets a citizen could plausibly send for a form, to validate against forms that load.
enum FormAnswers {
    /// One answer per answerable question: the first (or last) option, the lowest (or highest) value.
    static func typical(for form: Form, pickingLast: Bool) -> [String: JSONValue] {
        var answers: [String: JSONValue] = [:]
        for question in form.answerableQuestions {
            answers[question.id] = typicalAnswer(to: question, pickingLast: pickingLast)
        }
        return answers
    }

    private static func typicalAnswer(to question: Question, pickingLast: Bool) -> JSONValue? {
        let values = question.options.map { JSONValue.string($0.value) }
        let picked = pickingLast ? values.last : values.first
        switch question.kind {
        case .text: return " Et svar med æ, ø og å "
        case .singleChoice: return picked
        case .multipleChoice: return .array(pickingLast ? values : Array(values.prefix(1)))
        case .scale(let settings): return .number(Double(pickingLast ? settings.max : settings.min))
        case .yesNo: return .bool(pickingLast)
        case .number(let settings): return .number((pickingLast ? settings.max : settings.min) ?? 0)
        case .ranking: return .array(pickingLast ? values.reversed() : values)
        case .points(let settings):
            guard let picked, case .string(let item) = picked else { return nil }
            return .object([item: .number(Double(settings.total))])
        case .info, .section: return nil
        }
    }
}
