/// What a condition may refer to: the questions before the one being read.
struct ConditionContext {
    /// The position of the question being read.
    let index: Int
    /// The first position of every id in the form, including later ones.
    let positionOfID: [String: Int]
    /// The questions before this one that decoded without problems.
    let earlierQuestions: [String: Question]
}

/// Reading and checking `showIf`.
extension QuestionListReader {
    /// Reads a condition and checks that it points to an earlier answerable question and to values
    /// that question can have; nil when it has problems (reported).
    func readCondition(_ value: JSONValue, at path: JSONPath, context: ConditionContext) -> DisplayCondition? {
        guard let reader = ObjectReader(value, at: path, problems: problems) else { return nil }
        reader.rejectUnknownKeys(allowed: FormFileKeys.condition, in: LocalizedText(da: "i en betingelse", en: "in a condition"))
        let targetID = reader.string("question", required: true)
        let match: DisplayCondition.Match?
        switch (reader.members["equals"], reader.members["in"]) {
        case (nil, nil):
            problems.report(path, da: "en betingelse skal have \"equals\" eller \"in\"", en: "a condition needs \"equals\" or \"in\"")
            match = nil
        case (.some, .some):
            problems.report(path, da: "en betingelse har enten \"equals\" eller \"in\", ikke begge",
                            en: "a condition has either \"equals\" or \"in\", not both")
            match = nil
        case (let equals?, nil):
            match = .equals(equals)
        case (nil, let list?):
            if case .array(let values) = list, !values.isEmpty {
                match = .oneOf(values)
            } else {
                problems.report(path.appending(key: "in"), da: "her skulle stå en liste med mindst én værdi",
                                en: "expected a non-empty array of values")
                match = nil
            }
        }
        guard let targetID, let target = checkTarget(targetID, at: path.appending(key: "question"), context: context)
        else { return nil }
        guard let match else { return nil }
        var isValid = true
        let valuePaths: [JSONPath] = switch match {
        case .equals: [path.appending(key: "equals")]
        case .oneOf(let values): values.indices.map { path.appending(key: "in").appending(index: $0) }
        }
        for (conditionValue, valuePath) in zip(match.values, valuePaths) {
            if let reason = Self.problem(with: conditionValue, for: target) {
                problems.report(valuePath, reason)
                isValid = false
            }
        }
        return isValid ? DisplayCondition(question: targetID, match: match) : nil
    }

    /// The earlier question a condition refers to; nil (with a problem, unless the target itself
    /// failed to decode and was reported already) when it cannot be used.
    private func checkTarget(_ targetID: String, at path: JSONPath, context: ConditionContext) -> Question? {
        guard let position = context.positionOfID[targetID] else {
            problems.report(path, da: "betingelsen henviser til et ukendt spørgsmål '\(targetID)'",
                            en: "condition refers to unknown question '\(targetID)'")
            return nil
        }
        guard position < context.index else {
            if position == context.index {
                problems.report(path, da: "et spørgsmål kan ikke afhænge af sig selv", en: "a question cannot depend on itself")
            } else {
                problems.report(path,
                                da: "betingelsen henviser til spørgsmålet '\(targetID)', som kommer senere i spørgeskemaet (en betingelse kan kun bruge tidligere svar)",
                                en: "condition refers to question '\(targetID)', which comes later in the form (a condition can only use earlier answers)")
            }
            return nil
        }
        guard let target = context.earlierQuestions[targetID] else { return nil }
        switch target.type {
        case .info, .section:
            problems.report(path, da: "betingelsen henviser til '\(targetID)', som er \(target.type.rawValue) og ikke besvares",
                            en: "condition refers to '\(targetID)', which is \(target.type.rawValue) and takes no answer")
            return nil
        case .ranking, .points:
            problems.report(path, da: "en betingelse kan ikke afhænge af et \(target.type.rawValue)-spørgsmål ('\(targetID)')",
                            en: "a condition cannot depend on a \(target.type.rawValue) question ('\(targetID)')")
            return nil
        case .text, .singleChoice, .multipleChoice, .scale, .yesNo, .number:
            return target
        }
    }

    /// Why a value can never be an answer of the target question; nil when it can.
    private static func problem(with value: JSONValue, for target: Question) -> LocalizedText? {
        let shown = value.jsonText
        let id = target.id
        switch target.kind {
        case .singleChoice, .multipleChoice:
            guard let text = value.stringValue, target.options.contains(where: { $0.value == text }) else {
                let known = target.options.map(\.value).joined(separator: ", ")
                return LocalizedText(da: "\(shown) er ikke en svarværdi i '\(id)' (dens værdier: \(known))",
                                     en: "\(shown) is not an option value of '\(id)' (its values: \(known))")
            }
            return nil
        case .yesNo:
            guard value.boolValue == nil else { return nil }
            return LocalizedText(da: "'\(id)' er et yes_no-spørgsmål; sammenlign med true eller false, ikke \(shown)",
                                 en: "'\(id)' is a yes_no question; compare with true or false, not \(shown)")
        case .scale(let settings):
            if settings.allowsDontKnow, value.stringValue == ScaleSettings.dontKnowValue { return nil }
            guard let number = value.integerValue, (settings.min...settings.max).contains(number) else {
                return LocalizedText(da: "\(shown) er ikke en værdi på skalaen '\(id)' (\(settings.min) til \(settings.max))",
                                     en: "\(shown) is not a value of the scale '\(id)' (\(settings.min) to \(settings.max))")
            }
            return nil
        case .number:
            guard value.numberValue == nil else { return nil }
            return LocalizedText(da: "'\(id)' er et number-spørgsmål; sammenlign med et tal, ikke \(shown)",
                                 en: "'\(id)' is a number question; compare with a number, not \(shown)")
        case .text:
            guard let text = value.stringValue, !text.isEmpty else {
                return LocalizedText(da: "'\(id)' er et text-spørgsmål; sammenlign med en tekst, der ikke er tom, ikke \(shown)",
                                     en: "'\(id)' is a text question; compare with a non-empty string, not \(shown)")
            }
            return nil
        case .ranking, .points, .info, .section:
            return LocalizedText(da: "'\(id)' kan ikke bruges i en betingelse", en: "'\(id)' cannot be used in a condition")
        }
    }
}
