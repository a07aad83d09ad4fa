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
        let outcome: Result<JSONValue?, AnswerFailure> = switch kind {
        case .text(let settings): Self.normalizeText(raw, maxLength: settings.maxLength)
        case .singleChoice(let settings): normalizeSingleChoice(raw, settings)
        case .multipleChoice(let settings): normalizeMultipleChoice(raw, settings)
        case .scale(let settings): Self.normalizeScale(raw, settings)
        case .yesNo: raw.boolValue != nil ? .success(raw) : .failure("expected true or false, found \(raw.typeName)")
        case .number(let settings): Self.normalizeNumber(raw, settings)
        case .ranking(let settings): normalizeRanking(raw, settings)
        case .points(let settings): normalizePoints(raw, settings)
        case .info, .section: .failure("\(type.rawValue) takes no answer")
        }
        return outcome.mapError { AnswerProblem(question: id, reason: $0.reason) }
    }

    private static func normalizeText(_ raw: JSONValue, maxLength: Int) -> Result<JSONValue?, AnswerFailure> {
        guard let text = raw.stringValue else { return .failure("expected text, found \(raw.typeName)") }
        let trimmed = text.trimmingWhitespace
        guard trimmed.count <= maxLength else {
            return .failure("the text is \(trimmed.count) characters long; at most \(maxLength) are allowed")
        }
        return .success(.string(trimmed))
    }

    /// The trimmed "other" text, or nil when blank; a failure when it is not text or too long.
    private static func otherText(_ raw: JSONValue?) -> Result<String?, AnswerFailure> {
        guard let raw else { return .success(nil) }
        switch normalizeText(raw, maxLength: otherMaxLength) {
        case .success(let value): return .success(value?.stringValue.flatMap { $0.isEmpty ? nil : $0 })
        case .failure(let failure): return .failure(AnswerFailure(reason: "other: " + failure.reason))
        }
    }

    private func optionValue(_ raw: JSONValue) -> Result<String, AnswerFailure> {
        guard let value = raw.stringValue else { return .failure("expected an option value, found \(raw.typeName)") }
        guard options.contains(where: { $0.value == value }) else { return .failure("'\(value)' is not an option") }
        return .success(value)
    }

    private func normalizeSingleChoice(_ raw: JSONValue, _ settings: SingleChoiceSettings) -> Result<JSONValue?, AnswerFailure> {
        guard case .object(let members) = raw else { return optionValue(raw).map { .string($0) } }
        guard settings.allowsOther else { return .failure("this question has no \"other\" answer") }
        guard Set(members.keys) == ["other"] else { return .failure("expected {\"other\": \"text\"}") }
        return Self.otherText(members["other"]).map { text in text.map { .object(["other": .string($0)]) } }
    }

    private func normalizeMultipleChoice(_ raw: JSONValue, _ settings: MultipleChoiceSettings) -> Result<JSONValue?, AnswerFailure> {
        let selectedValues: [JSONValue]
        var other: String?
        switch raw {
        case .array(let elements):
            selectedValues = elements
        case .object(let members):
            guard settings.allowsOther else { return .failure("this question has no \"other\" answer") }
            guard Set(members.keys).isSubset(of: ["selected", "other"]) else {
                return .failure("expected {\"selected\": [...], \"other\": \"text\"}")
            }
            let selected = members["selected"] ?? .array([])
            guard case .array(let elements) = selected else { return .failure("selected: expected an array, found \(selected.typeName)") }
            selectedValues = elements
            switch Self.otherText(members["other"]) {
            case .success(let text): other = text
            case .failure(let reason): return .failure(reason)
            }
        default:
            return .failure("expected an array of option values, found \(raw.typeName)")
        }
        var selected = Set<String>()
        for element in selectedValues {
            switch optionValue(element) {
            case .success(let value):
                guard selected.insert(value).inserted else { return .failure("'\(value)' is selected twice") }
            case .failure(let reason):
                return .failure(reason)
            }
        }
        let count = selected.count + (other == nil ? 0 : 1)
        if count == 0 { return .success(nil) }
        if let minimum = settings.minSelected, count < minimum { return .failure("pick at least \(minimum) (picked \(count))") }
        if let maximum = settings.maxSelected, count > maximum { return .failure("pick at most \(maximum) (picked \(count))") }
        let ordered = JSONValue.array(settings.options.map(\.value).filter(selected.contains).map(JSONValue.string))
        guard let other else { return .success(ordered) }
        return .success(.object(["selected": ordered, "other": .string(other)]))
    }

    private static func normalizeScale(_ raw: JSONValue, _ settings: ScaleSettings) -> Result<JSONValue?, AnswerFailure> {
        if settings.allowsDontKnow, raw.stringValue == ScaleSettings.dontKnowValue { return .success(raw) }
        guard let value = raw.integerValue, (settings.min...settings.max).contains(value) else {
            let dontKnow = settings.allowsDontKnow ? " or \"\(ScaleSettings.dontKnowValue)\"" : ""
            return .failure("expected a whole number from \(settings.min) to \(settings.max)\(dontKnow), found \(raw.jsonText)")
        }
        return .success(.number(Double(value)))
    }

    private static func normalizeNumber(_ raw: JSONValue, _ settings: NumberSettings) -> Result<JSONValue?, AnswerFailure> {
        guard let value = raw.numberValue else { return .failure("expected a number, found \(raw.typeName)") }
        if settings.isInteger, value.rounded() != value { return .failure("expected a whole number, found \(raw.jsonText)") }
        if let minimum = settings.min, value < minimum {
            return .failure("\(raw.jsonText) is below the minimum \(JSONValue.numberText(minimum))")
        }
        if let maximum = settings.max, value > maximum {
            return .failure("\(raw.jsonText) is above the maximum \(JSONValue.numberText(maximum))")
        }
        return .success(raw)
    }

    private func normalizeRanking(_ raw: JSONValue, _ settings: RankingSettings) -> Result<JSONValue?, AnswerFailure> {
        guard case .array(let elements) = raw else { return .failure("expected an array of items in order, found \(raw.typeName)") }
        var seen = Set<String>()
        for element in elements {
            guard let value = element.stringValue else { return .failure("expected item values, found \(element.typeName)") }
            guard settings.items.contains(where: { $0.value == value }) else { return .failure("'\(value)' is not an item") }
            guard seen.insert(value).inserted else { return .failure("'\(value)' is ranked twice") }
        }
        if let minimum = settings.minRanked {
            if elements.count < minimum { return .failure("rank at least \(minimum) items (ranked \(elements.count))") }
        } else if elements.count != settings.items.count {
            return .failure("rank all \(settings.items.count) items (ranked \(elements.count))")
        }
        return .success(raw)
    }

    private func normalizePoints(_ raw: JSONValue, _ settings: PointsSettings) -> Result<JSONValue?, AnswerFailure> {
        guard case .object(let members) = raw else { return .failure("expected an object of item → points, found \(raw.typeName)") }
        var kept: [String: JSONValue] = [:]
        var sum = 0
        for key in members.keys.sorted() {
            guard settings.items.contains(where: { $0.value == key }) else { return .failure("'\(key)' is not an item") }
            guard let points = members[key]?.integerValue, points >= 0, points <= settings.total else {
                return .failure("points for '\(key)' must be a whole number from 0 to \(settings.total)")
            }
            sum += points
            if points > 0 { kept[key] = .number(Double(points)) }
        }
        if sum > settings.total { return .failure("\(sum) points given; at most \(settings.total) are available") }
        if sum == 0 { return .success(nil) }
        if settings.requireAll, sum != settings.total {
            return .failure("\(sum) points given; all \(settings.total) must be used")
        }
        return .success(.object(kept))
    }
}

/// Why an answer is wrong, before the question id is attached.
struct AnswerFailure: Error, ExpressibleByStringInterpolation {
    let reason: String

    init(reason: String) {
        self.reason = reason
    }

    init(stringLiteral value: String) {
        reason = value
    }
}
