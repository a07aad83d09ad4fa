/// Summarising the answers to one question.
extension Question {
    /// A summary of this question's answers (non-empty values only), in a language.
    public func summary(of answers: [JSONValue], language: Language = .da) -> QuestionSummary {
        let label = label.text(in: language)
        switch kind {
        case .text:
            let answered = answers.filter { $0.stringValue != nil && !Self.isEmptyAnswer($0) }.count
            return QuestionSummary(question: id, label: label, type: type, answered: answered)
        case .singleChoice(let settings):
            let picks = answers.map { answer -> (selected: [String], other: Bool) in
                if let value = answer.stringValue { return ([value], false) }
                return ([], settings.allowsOther && Self.hasOtherText(answer.objectValue?["other"]))
            }
            return choiceSummary(picks, allowsOther: settings.allowsOther, label: label, language: language)
        case .multipleChoice(let settings):
            let picks = answers.map { answer -> (selected: [String], other: Bool) in
                if let elements = answer.arrayValue { return (elements.compactMap(\.stringValue), false) }
                let members = answer.objectValue ?? [:]
                let selected = members["selected"]?.arrayValue?.compactMap(\.stringValue) ?? []
                return (selected, settings.allowsOther && Self.hasOtherText(members["other"]))
            }
            return choiceSummary(picks, allowsOther: settings.allowsOther, label: label, language: language)
        case .yesNo:
            return yesNoSummary(answers.compactMap(\.boolValue), label: label, language: language)
        case .scale(let settings):
            return scaleSummary(answers, settings: settings, label: label)
        case .number:
            return numberSummary(answers.compactMap(\.numberValue), label: label)
        case .ranking(let settings):
            return rankingSummary(answers, items: settings.items, label: label, language: language)
        case .points(let settings):
            return pointsSummary(answers, items: settings.items, label: label, language: language)
        case .info, .section:
            return QuestionSummary(question: id, label: label, type: type, answered: 0)
        }
    }

    // MARK: - Per type

    private func choiceSummary(
        _ picks: [(selected: [String], other: Bool)], allowsOther: Bool, label: String, language: Language
    ) -> QuestionSummary {
        let known = Set(options.map(\.value))
        var counts: [String: Int] = [:]
        var answered = 0
        var otherCount = 0
        for pick in picks {
            let selected = Set(pick.selected.filter(known.contains))
            guard !selected.isEmpty || pick.other else { continue }
            answered += 1
            for value in selected { counts[value, default: 0] += 1 }
            if pick.other { otherCount += 1 }
        }
        var summary = QuestionSummary(question: id, label: label, type: type, answered: answered)
        summary.options = options.map { option in
            let count = counts[option.value, default: 0]
            return QuestionSummary.OptionCount(
                value: option.value, label: option.label.text(in: language),
                count: count, share: Self.share(count, of: answered)
            )
        }
        if allowsOther { summary.other = otherCount }
        return summary
    }

    private func yesNoSummary(_ values: [Bool], label: String, language: Language) -> QuestionSummary {
        let yes = values.filter { $0 }.count
        let no = values.count - yes
        var summary = QuestionSummary(question: id, label: label, type: type, answered: values.count)
        summary.options = [("yes", yes), ("no", no)].map { value, count in
            QuestionSummary.OptionCount(
                value: value, label: ClientInterfaceText.entries[value]?.text(in: language) ?? value,
                count: count, share: Self.share(count, of: values.count)
            )
        }
        return summary
    }

    private func scaleSummary(_ answers: [JSONValue], settings: ScaleSettings, label: String) -> QuestionSummary {
        let values = answers.compactMap(\.integerValue).filter { (settings.min...settings.max).contains($0) }
        let dontKnow = answers.filter { $0.stringValue == ScaleSettings.dontKnowValue }.count
        let countedDontKnow = settings.allowsDontKnow ? dontKnow : 0
        var summary = QuestionSummary(question: id, label: label, type: type, answered: values.count + countedDontKnow)
        var counts: [Int: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        summary.distribution = (settings.min...settings.max).map {
            QuestionSummary.ValueCount(value: $0, count: counts[$0, default: 0])
        }
        summary.mean = Self.mean(values.map(Double.init))
        if settings.allowsDontKnow { summary.dontKnow = dontKnow }
        return summary
    }

    private func numberSummary(_ values: [Double], label: String) -> QuestionSummary {
        var summary = QuestionSummary(question: id, label: label, type: type, answered: values.count)
        let sorted = values.sorted()
        summary.mean = Self.mean(values)
        summary.minimum = sorted.first
        summary.maximum = sorted.last
        if !sorted.isEmpty {
            let middle = sorted.count / 2
            let median = sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
            summary.median = Self.rounded(median)
        }
        return summary
    }

    private func rankingSummary(_ answers: [JSONValue], items: [ChoiceOption], label: String, language: Language) -> QuestionSummary {
        let known = Set(items.map(\.value))
        var rankSums: [String: Int] = [:]
        var counts: [String: Int] = [:]
        var answered = 0
        for answer in answers {
            var seen = Set<String>()
            // The position among the known items: an unknown value does not push the rest down.
            let ranked = (answer.arrayValue ?? []).compactMap(\.stringValue).filter { known.contains($0) && seen.insert($0).inserted }
            guard !ranked.isEmpty else { continue }
            answered += 1
            for (position, value) in ranked.enumerated() {
                rankSums[value, default: 0] += position + 1
                counts[value, default: 0] += 1
            }
        }
        var summary = QuestionSummary(question: id, label: label, type: type, answered: answered)
        summary.items = items.map { item in
            let count = counts[item.value, default: 0]
            return QuestionSummary.ItemSummary(
                value: item.value, label: item.label.text(in: language), count: count,
                meanRank: count == 0 ? nil : Self.rounded(Double(rankSums[item.value, default: 0]) / Double(count))
            )
        }
        return summary
    }

    private func pointsSummary(_ answers: [JSONValue], items: [ChoiceOption], label: String, language: Language) -> QuestionSummary {
        let known = Set(items.map(\.value))
        var totals: [String: Double] = [:]
        var counts: [String: Int] = [:]
        var answered = 0
        for answer in answers {
            let given = (answer.objectValue ?? [:]).compactMapValues(\.numberValue)
                .filter { known.contains($0.key) && $0.value > 0 }
            guard !given.isEmpty else { continue }
            answered += 1
            for (value, points) in given {
                totals[value, default: 0] += points
                counts[value, default: 0] += 1
            }
        }
        var summary = QuestionSummary(question: id, label: label, type: type, answered: answered)
        summary.items = items.map { item in
            let total = totals[item.value, default: 0]
            return QuestionSummary.ItemSummary(
                value: item.value, label: item.label.text(in: language), count: counts[item.value, default: 0],
                totalPoints: total, meanPoints: answered == 0 ? nil : Self.rounded(total / Double(answered))
            )
        }
        return summary
    }

    // MARK: - Arithmetic

    private static func hasOtherText(_ value: JSONValue?) -> Bool {
        guard let text = value?.stringValue else { return false }
        return !isEmptyAnswer(.string(text))
    }

    private static func share(_ count: Int, of total: Int) -> Double {
        total == 0 ? 0 : rounded(Double(count) / Double(total))
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : rounded(values.reduce(0, +) / Double(values.count))
    }

    /// Four decimals: readable, and the same on every machine once encoded.
    private static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
