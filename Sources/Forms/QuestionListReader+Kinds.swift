/// Reading the settings that belong to each question type.
extension QuestionListReader {
    /// The most characters a text answer may ever be limited to.
    static let largestMaxLength = 10_000

    /// The type's settings; nil when they have problems (reported).
    func readKind(_ type: QuestionType, _ reader: ObjectReader) -> QuestionKind? {
        switch type {
        case .text: readText(reader).map(QuestionKind.text)
        case .singleChoice: readSingleChoice(reader).map(QuestionKind.singleChoice)
        case .multipleChoice: readMultipleChoice(reader).map(QuestionKind.multipleChoice)
        case .scale: readScale(reader).map(QuestionKind.scale)
        case .yesNo: .yesNo
        case .number: readNumber(reader).map(QuestionKind.number)
        case .ranking: readRanking(reader).map(QuestionKind.ranking)
        case .points: readPoints(reader).map(QuestionKind.points)
        case .info: .info
        case .section: .section
        }
    }

    private func readText(_ reader: ObjectReader) -> TextSettings? {
        let isMultiline = reader.bool("multiline", default: false)
        let maxLength = reader.integer("maxLength", in: 1...Self.largestMaxLength)
        let placeholder = reader.text("placeholder", required: false)
        if reader.has("maxLength"), maxLength == nil { return nil }
        return TextSettings(
            isMultiline: isMultiline, maxLength: maxLength ?? TextSettings.defaultMaxLength(multiline: isMultiline),
            placeholder: placeholder
        )
    }

    private func readSingleChoice(_ reader: ObjectReader) -> SingleChoiceSettings? {
        let options = readOptions(reader, required: true)
        let (allowsOther, otherLabel) = readOther(reader)
        guard let options else { return nil }
        return SingleChoiceSettings(options: options, allowsOther: allowsOther, otherLabel: otherLabel)
    }

    private func readMultipleChoice(_ reader: ObjectReader) -> MultipleChoiceSettings? {
        let options = readOptions(reader, required: true)
        let (allowsOther, otherLabel) = readOther(reader)
        let minSelected = reader.integer("minSelected", in: 0...1000)
        let maxSelected = reader.integer("maxSelected", in: 1...1000)
        guard let options else { return nil }
        let choices = options.count + (allowsOther ? 1 : 0)
        var isValid = true
        if let minSelected, let maxSelected, minSelected > maxSelected {
            reader.problems.report(reader.path.appending(key: "minSelected"),
                                   da: "minSelected (\(minSelected)) er større end maxSelected (\(maxSelected))",
                                   en: "minSelected (\(minSelected)) is above maxSelected (\(maxSelected))")
            isValid = false
        }
        for (key, limit) in [("minSelected", minSelected), ("maxSelected", maxSelected)] {
            if let limit, limit > choices {
                reader.problems.report(reader.path.appending(key: key),
                                       da: "\(key) (\(limit)) er større end antallet af svarmuligheder (\(choices))",
                                       en: "\(key) (\(limit)) is above the number of choices (\(choices))")
                isValid = false
            }
        }
        guard isValid else { return nil }
        return MultipleChoiceSettings(
            options: options, allowsOther: allowsOther, otherLabel: otherLabel,
            minSelected: minSelected, maxSelected: maxSelected
        )
    }

    private func readOther(_ reader: ObjectReader) -> (Bool, LocalizedText?) {
        let allowsOther = reader.bool("allowOther", default: false)
        let otherLabel = reader.text("otherLabel", required: false)
        if otherLabel != nil, !allowsOther {
            reader.problems.report(reader.path.appending(key: "otherLabel"), da: "otherLabel kræver \"allowOther\": true",
                                   en: "otherLabel needs \"allowOther\": true")
        }
        return (allowsOther, otherLabel)
    }

    private func readScale(_ reader: ObjectReader) -> ScaleSettings? {
        let minimum = reader.integer("min", in: -100...100)
        let maximum = reader.integer("max", in: -100...100)
        let minLabel = reader.text("minLabel", required: false)
        let maxLabel = reader.text("maxLabel", required: false)
        let allowsDontKnow = reader.bool("allowDontKnow", default: false)
        let dontKnowLabel = reader.text("dontKnowLabel", required: false)
        if dontKnowLabel != nil, !allowsDontKnow {
            reader.problems.report(reader.path.appending(key: "dontKnowLabel"), da: "dontKnowLabel kræver \"allowDontKnow\": true",
                                   en: "dontKnowLabel needs \"allowDontKnow\": true")
        }
        if (reader.has("min") && minimum == nil) || (reader.has("max") && maximum == nil) { return nil }
        let low = minimum ?? 1, high = maximum ?? 5
        guard low < high else {
            if low == high {
                reader.problems.report(reader.path.appending(key: "min"),
                                       da: "min (\(low)) er lig med max (\(high)); en skala skal have mindst to trin",
                                       en: "min (\(low)) equals max (\(high)); a scale needs at least two points")
            } else {
                reader.problems.report(reader.path.appending(key: "min"), da: "min (\(low)) er større end max (\(high))",
                                       en: "min (\(low)) is above max (\(high))")
            }
            return nil
        }
        guard high - low <= 10 else {
            reader.problems.report(reader.path.appending(key: "max"),
                                   da: "en skala har højst 11 trin (\(low) til \(high) har \(high - low + 1))",
                                   en: "a scale has at most 11 points (\(low) to \(high) has \(high - low + 1))")
            return nil
        }
        return ScaleSettings(
            min: low, max: high, minLabel: minLabel, maxLabel: maxLabel,
            allowsDontKnow: allowsDontKnow, dontKnowLabel: dontKnowLabel
        )
    }

    private func readNumber(_ reader: ObjectReader) -> NumberSettings? {
        let minimum = reader.number("min")
        let maximum = reader.number("max")
        let isInteger = reader.bool("integer", default: false)
        let unit = reader.text("unit", required: false)
        if let minimum, let maximum, minimum > maximum {
            let low = JSONValue.numberText(minimum), high = JSONValue.numberText(maximum)
            reader.problems.report(reader.path.appending(key: "min"), da: "min (\(low)) er større end max (\(high))",
                                   en: "min (\(low)) is above max (\(high))")
            return nil
        }
        return NumberSettings(min: minimum, max: maximum, isInteger: isInteger, unit: unit)
    }

    private func readRanking(_ reader: ObjectReader) -> RankingSettings? {
        let items = readItems(reader)
        let minRanked = reader.integer("minRanked", in: 1...1000)
        guard let (source, options) = items else { return nil }
        if let minRanked, minRanked > options.count {
            reader.problems.report(reader.path.appending(key: "minRanked"),
                                   da: "minRanked (\(minRanked)) er større end antallet af punkter (\(options.count))",
                                   en: "minRanked (\(minRanked)) is above the number of items (\(options.count))")
            return nil
        }
        return RankingSettings(itemSource: source, items: options, minRanked: minRanked)
    }

    private func readPoints(_ reader: ObjectReader) -> PointsSettings? {
        let items = readItems(reader)
        let total = reader.integer("total", required: true, in: 1...1000)
        let requireAll = reader.bool("requireAll", default: false)
        guard let (source, options) = items, let total else { return nil }
        return PointsSettings(itemSource: source, items: options, total: total, requireAll: requireAll)
    }

    /// The items of a ranking or points question: the form's themes unless the question has options.
    private func readItems(_ reader: ObjectReader) -> (ItemSource, [ChoiceOption])? {
        let itemsPath = reader.path.appending(key: "items")
        var source: ItemSource = reader.has("options") ? .options : .themes
        if let value = reader.members["items"] {
            guard let text = value.stringValue, let declared = ItemSource(rawValue: text) else {
                reader.problems.report(itemsPath, da: "items skal være \"themes\" eller \"options\", men der står \(value.jsonText)",
                                       en: "items must be \"themes\" or \"options\", found \(value.jsonText)")
                return nil
            }
            source = declared
        }
        switch source {
        case .options:
            guard let options = readOptions(reader, required: true) else { return nil }
            return (.options, options)
        case .themes:
            if reader.has("options") {
                reader.problems.report(reader.path.appending(key: "options"),
                                       da: "options bruges ikke, når items er \"themes\"; fjern en af dem",
                                       en: "options are not used when items is \"themes\"; remove one of them")
                return nil
            }
            guard themes.count >= 2 else {
                reader.problems.report(itemsPath, da: "punkterne er spørgeskemaets temaer, men spørgeskemaet har færre end to",
                                       en: "the items are the form's themes, but the form declares fewer than two")
                return nil
            }
            return (.themes, themes.map { ChoiceOption(value: $0.key, label: $0.name) })
        }
    }

    /// The `options` of a question: at least two, each with a unique value and a translated label.
    private func readOptions(_ reader: ObjectReader, required: Bool) -> [ChoiceOption]? {
        guard let values = reader.array("options", required: required) else { return nil }
        let path = reader.path.appending(key: "options")
        var options: [ChoiceOption] = []
        var firstPathOfValue: [String: JSONPath] = [:]
        var isValid = values.count >= 2
        if !isValid {
            problems.report(path, da: "et spørgsmål skal have mindst to svarmuligheder", en: "a question needs at least two options")
        }
        for (index, value) in values.enumerated() {
            let optionPath = path.appending(index: index)
            guard let optionReader = ObjectReader(value, at: optionPath, problems: problems) else {
                isValid = false
                continue
            }
            optionReader.rejectUnknownKeys(allowed: FormFileKeys.option,
                                           in: LocalizedText(da: "i en svarmulighed", en: "in an option"))
            let optionValue = optionReader.string("value", required: true)
            let label = optionReader.text("label", required: true)
            if let optionValue {
                if !Self.isOptionValue(optionValue) {
                    problems.report(optionPath.appending(key: "value"),
                                    da: "'\(optionValue)' er ikke en gyldig svarværdi (brug a-z, 0-9, '-' og '_', fx '30-49')",
                                    en: "'\(optionValue)' is not a valid option value (use a-z, 0-9, '-' and '_', e.g. '30-49')")
                    isValid = false
                } else if let first = firstPathOfValue[optionValue] {
                    problems.report(optionPath.appending(key: "value"),
                                    da: "svarværdien '\(optionValue)' er brugt før (første gang ved \(first))",
                                    en: "duplicate option value '\(optionValue)' (first used at \(first))")
                    isValid = false
                } else {
                    firstPathOfValue[optionValue] = optionPath
                }
            }
            guard let optionValue, let label else {
                isValid = false
                continue
            }
            options.append(ChoiceOption(value: optionValue, label: label))
        }
        return isValid ? options : nil
    }

    /// Option values are stored and exported, so they stay plain ASCII: "30-49", "under_18".
    static func isOptionValue(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, text.count <= 64 else { return false }
        let isAlphanumeric: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        return isAlphanumeric(first) && isAlphanumeric(last)
            && text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" }
    }
}
