import Foundation

/// Checking and normalising one answer against a question's type and settings.
extension Question {
    /// The most characters of an "other" answer to a choice question.
    public static let otherMaxLength = 500

    /// Whether a raw answer counts as no answer: missing, null, blank text, empty array or object.
    public static func isEmptyAnswer(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let text): text.isBlank
        case .array(let elements): elements.isEmpty
        case .object(let members): members.isEmpty
        case .bool, .number: false
        }
    }

    /// The answer as it is stored; `.success(nil)` means no answer; `.failure` says why it is wrong.
    public func normalizedAnswer(_ raw: JSONValue?) -> Result<JSONValue?, AnswerProblem> {
        guard let raw, !Self.isEmptyAnswer(raw) else { return .success(nil) }
        let outcome: Result<JSONValue?, AnswerReason> = switch kind {
        case .text(let settings): Self.normalizeText(raw, maxLength: settings.maxLength)
        case .singleChoice(let settings): normalizeSingleChoice(raw, settings)
        case .multipleChoice(let settings): normalizeMultipleChoice(raw, settings)
        case .scale(let settings): Self.normalizeScale(raw, settings)
        case .yesNo: raw.boolValue != nil ? .success(raw) : .failure(.unreadable(expected: .yesOrNo))
        case .number(let settings): Self.normalizeNumber(raw, settings)
        case .ranking(let settings): normalizeRanking(raw, settings)
        case .points(let settings): normalizePoints(raw, settings)
        case .info, .section: .failure(.takesNoAnswer)
        }
        return outcome.mapError { AnswerProblem(field: id, reason: $0) }
    }

    private static func normalizeText(_ raw: JSONValue, maxLength: Int) -> Result<JSONValue?, AnswerReason> {
        guard let text = raw.stringValue else { return .failure(.unreadable(expected: .text)) }
        let trimmed = text.trimmingWhitespace
        guard trimmed.count <= maxLength else { return .failure(.textTooLong(length: trimmed.count, maximum: maxLength)) }
        return .success(.string(trimmed))
    }

    /// The trimmed "other" text, or nil when blank; a failure when it is not text or too long.
    private static func otherText(_ raw: JSONValue?) -> Result<String?, AnswerReason> {
        guard let raw else { return .success(nil) }
        guard let text = raw.stringValue else { return .failure(.unreadable(expected: .otherAnswer)) }
        let trimmed = text.trimmingWhitespace
        guard trimmed.count <= otherMaxLength else {
            return .failure(.otherTextTooLong(length: trimmed.count, maximum: otherMaxLength))
        }
        return .success(trimmed.isEmpty ? nil : trimmed)
    }

    private func optionValue(_ raw: JSONValue) -> Result<String, AnswerReason> {
        guard let value = raw.stringValue else { return .failure(.unreadable(expected: .option)) }
        guard options.contains(where: { $0.value == value }) else { return .failure(.notAnOption(value)) }
        return .success(value)
    }

    private func normalizeSingleChoice(_ raw: JSONValue, _ settings: SingleChoiceSettings) -> Result<JSONValue?, AnswerReason> {
        guard case .object(let members) = raw else { return optionValue(raw).map { .string($0) } }
        guard settings.allowsOther else { return .failure(.noOtherAnswer) }
        guard Set(members.keys) == ["other"] else { return .failure(.unreadable(expected: .otherAnswer)) }
        return Self.otherText(members["other"]).map { text in text.map { .object(["other": .string($0)]) } }
    }

    private func normalizeMultipleChoice(_ raw: JSONValue, _ settings: MultipleChoiceSettings) -> Result<JSONValue?, AnswerReason> {
        let selectedValues: [JSONValue]
        var other: String?
        switch raw {
        case .array(let elements):
            selectedValues = elements
        case .object(let members):
            guard settings.allowsOther else { return .failure(.noOtherAnswer) }
            guard Set(members.keys).isSubset(of: ["selected", "other"]) else { return .failure(.unreadable(expected: .options)) }
            let selected = members["selected"] ?? .array([])
            guard case .array(let elements) = selected else { return .failure(.unreadable(expected: .options)) }
            selectedValues = elements
            switch Self.otherText(members["other"]) {
            case .success(let text): other = text
            case .failure(let reason): return .failure(reason)
            }
        default:
            return .failure(.unreadable(expected: .options))
        }
        var selected = Set<String>()
        for element in selectedValues {
            switch optionValue(element) {
            case .success(let value):
                guard selected.insert(value).inserted else { return .failure(.selectedTwice(value)) }
            case .failure(let reason):
                return .failure(reason)
            }
        }
        let count = selected.count + (other == nil ? 0 : 1)
        if count == 0 { return .success(nil) }
        if let minimum = settings.minSelected, count < minimum { return .failure(.tooFewSelected(minimum: minimum, selected: count)) }
        if let maximum = settings.maxSelected, count > maximum { return .failure(.tooManySelected(maximum: maximum, selected: count)) }
        let ordered = JSONValue.array(settings.options.map(\.value).filter(selected.contains).map(JSONValue.string))
        guard let other else { return .success(ordered) }
        return .success(.object(["selected": ordered, "other": .string(other)]))
    }

    private static func normalizeScale(_ raw: JSONValue, _ settings: ScaleSettings) -> Result<JSONValue?, AnswerReason> {
        if settings.allowsDontKnow, raw.stringValue == ScaleSettings.dontKnowValue { return .success(raw) }
        guard let value = raw.integerValue, (settings.min...settings.max).contains(value) else {
            return .failure(.outsideScale(minimum: settings.min, maximum: settings.max, allowsDontKnow: settings.allowsDontKnow))
        }
        return .success(.number(Double(value)))
    }

    private static func normalizeNumber(_ raw: JSONValue, _ settings: NumberSettings) -> Result<JSONValue?, AnswerReason> {
        guard let value = raw.numberValue else { return .failure(.unreadable(expected: .number)) }
        if settings.isInteger, value.rounded() != value { return .failure(.notWholeNumber) }
        if let minimum = settings.min, value < minimum { return .failure(.belowMinimum(minimum)) }
        if let maximum = settings.max, value > maximum { return .failure(.aboveMaximum(maximum)) }
        return .success(raw)
    }

    private func normalizeRanking(_ raw: JSONValue, _ settings: RankingSettings) -> Result<JSONValue?, AnswerReason> {
        guard case .array(let elements) = raw else { return .failure(.unreadable(expected: .order)) }
        var seen = Set<String>()
        for element in elements {
            guard let value = element.stringValue else { return .failure(.unreadable(expected: .order)) }
            guard settings.items.contains(where: { $0.value == value }) else { return .failure(.notAnItem(value)) }
            guard seen.insert(value).inserted else { return .failure(.rankedTwice(value)) }
        }
        if let minimum = settings.minRanked {
            if elements.count < minimum { return .failure(.tooFewRanked(minimum: minimum, ranked: elements.count)) }
        } else if elements.count != settings.items.count {
            return .failure(.notAllRanked(count: settings.items.count, ranked: elements.count))
        }
        return .success(raw)
    }

    private func normalizePoints(_ raw: JSONValue, _ settings: PointsSettings) -> Result<JSONValue?, AnswerReason> {
        guard case .object(let members) = raw else { return .failure(.unreadable(expected: .points)) }
        var kept: [String: JSONValue] = [:]
        var sum = 0
        for key in members.keys.sorted() {
            guard settings.items.contains(where: { $0.value == key }) else { return .failure(.notAnItem(key)) }
            guard let points = members[key]?.integerValue, points >= 0, points <= settings.total else {
                return .failure(.pointsOutOfRange(item: key, total: settings.total))
            }
            sum += points
            if points > 0 { kept[key] = .number(Double(points)) }
        }
        if sum > settings.total { return .failure(.tooManyPoints(given: sum, total: settings.total)) }
        if sum == 0 { return .success(nil) }
        if settings.requireAll, sum != settings.total { return .failure(.pointsNotAllUsed(given: sum, total: settings.total)) }
        return .success(.object(kept))
    }
}
