/// Reads the `questions` array of a form: common fields here, type settings and conditions in extensions.
struct QuestionListReader {
    let problems: ProblemCollector
    /// The form's themes that decoded, for theme tags and theme items.
    let themes: [PolicyTheme]
    /// Every theme key the file declares, including those of themes with problems.
    let declaredThemeKeys: Set<String>

    /// Fields every answerable question may have.
    private static let answerableKeys = FormFileKeys.answerableQuestion

    /// Reads every entry; entries with problems are reported and left out.
    func readQuestions(_ values: [JSONValue], at path: JSONPath) -> [Question] {
        // Collect all ids first, so a condition can tell a later question from an unknown one.
        var positionOfID: [String: Int] = [:]
        for (index, value) in values.enumerated() {
            if let id = value.objectValue?["id"]?.stringValue, positionOfID[id] == nil { positionOfID[id] = index }
        }
        var questions: [Question] = []
        var earlierQuestions: [String: Question] = [:]
        var firstPathOfID: [String: JSONPath] = [:]
        for (index, value) in values.enumerated() {
            let questionPath = path.appending(index: index)
            guard let reader = ObjectReader(value, at: questionPath, problems: problems) else { continue }
            var isDuplicate = false
            let id = reader.slug("id", required: true)
            if let id {
                if let first = firstPathOfID[id] {
                    problems.report(questionPath.appending(key: "id"),
                                    da: "spørgsmålets id '\(id)' er brugt før (første gang ved \(first))",
                                    en: "duplicate question id '\(id)' (first used at \(first))")
                    isDuplicate = true
                } else {
                    firstPathOfID[id] = questionPath
                }
            }
            let context = ConditionContext(index: index, positionOfID: positionOfID, earlierQuestions: earlierQuestions)
            guard let question = readQuestion(reader, id: id, context: context), !isDuplicate else { continue }
            questions.append(question)
            earlierQuestions[question.id] = question
        }
        return questions
    }

    private func readQuestion(_ reader: ObjectReader, id: String?, context: ConditionContext) -> Question? {
        guard let typeName = reader.string("type", required: true) else { return nil }
        guard let type = QuestionType(rawValue: typeName) else {
            let known = QuestionType.allCases.map(\.rawValue).joined(separator: ", ")
            problems.report(reader.path.appending(key: "type"),
                            da: "ukendt spørgsmålstype '\(typeName)' (kendte typer: \(known))",
                            en: "unknown question type '\(typeName)' (known types: \(known))")
            return nil
        }
        let allowedKeys = Self.allowedKeys(for: type)
        if !type.takesAnswer {
            for key in Self.answerableKeys.sorted() where reader.has(key) && !allowedKeys.contains(key) {
                if key == "showIf" {
                    problems.report(reader.path.appending(key: key),
                                    da: "en sektion kan ikke have en betingelse; sæt betingelsen på spørgsmålene efter den",
                                    en: "a section cannot be conditional; put the condition on the questions after it")
                } else {
                    problems.report(reader.path.appending(key: key),
                                    da: "'\(key)' gælder ikke for \(type.rawValue), som ikke besvares",
                                    en: "'\(key)' does not apply to \(type.rawValue), which takes no answer")
                }
            }
        }
        reader.rejectUnknownKeys(allowed: allowedKeys + Self.answerableKeys,
                                 in: LocalizedText(da: "i et spørgsmål af typen \(type.rawValue)",
                                                   en: "in a question of type \(type.rawValue)"))
        let label = reader.text("label", required: true)
        let help = reader.text("help", required: false)
        // Fields that do not apply to info and section were reported above; reading them again
        // would only repeat the problem.
        let isRequired = type.takesAnswer && reader.bool("required", default: false)
        let isBackground = type.takesAnswer && reader.bool("background", default: false)
        if isBackground, type != .singleChoice, type != .multipleChoice {
            problems.report(reader.path.appending(key: "background"),
                            da: "kun single_choice- og multiple_choice-spørgsmål kan være baggrundsspørgsmål",
                            en: "only single_choice and multiple_choice questions can be background questions")
        }
        let themeKeys = type.takesAnswer ? readThemeTags(reader) : []
        let purpose = type.takesAnswer ? readPurpose(reader) : nil
        let condition = reader.members["showIf"].flatMap {
            readCondition($0, at: reader.path.appending(key: "showIf"), context: context)
        }
        let kind = readKind(type, reader)
        guard let id, let label, let kind else { return nil }
        return Question(
            id: id, label: label, help: help, isRequired: isRequired, isBackground: isBackground,
            themes: themeKeys, purpose: purpose, condition: condition, kind: kind
        )
    }

    /// Info paragraphs take no answer; section headings are not conditional either, because a
    /// hidden page break would silently merge two pages.
    static func allowedKeys(for type: QuestionType) -> [String] {
        switch type {
        case .info: ["id", "type", "label", "help", "showIf"]
        case .section: ["id", "type", "label", "help"]
        case .text: answerableKeys + ["multiline", "maxLength", "placeholder"]
        case .singleChoice: answerableKeys + ["options", "allowOther", "otherLabel"]
        case .multipleChoice: answerableKeys + ["options", "allowOther", "otherLabel", "minSelected", "maxSelected"]
        case .scale: answerableKeys + ["min", "max", "minLabel", "maxLabel", "allowDontKnow", "dontKnowLabel"]
        case .yesNo: answerableKeys
        case .number: answerableKeys + ["min", "max", "integer", "unit"]
        case .ranking: answerableKeys + ["items", "options", "minRanked"]
        case .points: answerableKeys + ["items", "options", "total", "requireAll"]
        }
    }

    private func readThemeTags(_ reader: ObjectReader) -> [String] {
        guard let values = reader.array("themes", required: false) else { return [] }
        let path = reader.path.appending(key: "themes")
        let known = declaredThemeKeys
        var keys: [String] = []
        for (index, value) in values.enumerated() {
            guard let key = value.stringValue else {
                problems.report(path.appending(index: index),
                                da: "her skulle stå en temanøgle, men der står \(value.typeText.da)",
                                en: "expected a theme key, found \(value.typeName)")
                continue
            }
            if !known.contains(key) {
                problems.report(path.appending(index: index), da: "ukendt temanøgle '\(key)'", en: "unknown theme key '\(key)'")
            } else if keys.contains(key) {
                problems.report(path.appending(index: index), da: "temaet '\(key)' står der to gange",
                                en: "theme '\(key)' is listed twice")
            } else {
                keys.append(key)
            }
        }
        return keys
    }

    /// A question's `purpose`; a misspelt one is reported with the nearest known value.
    private func readPurpose(_ reader: ObjectReader) -> QuestionPurpose? {
        guard let text = reader.string("purpose", required: false) else { return nil }
        if let purpose = QuestionPurpose(rawValue: text) { return purpose }
        let known = QuestionPurpose.allCases.map(\.rawValue)
        let path = reader.path.appending(key: "purpose")
        if let suggestion = ObjectReader.nearest(to: text, among: known) {
            problems.report(path, da: "ukendt formål '\(text)' (mente du '\(suggestion)'?)",
                            en: "unknown purpose '\(text)' (did you mean '\(suggestion)'?)")
        } else {
            let list = known.map { "'\($0)'" }
            problems.report(path, da: "ukendt formål '\(text)' (brug \(list.joined(separator: ", ")))",
                            en: "unknown purpose '\(text)' (use \(list.joined(separator: ", ")))")
        }
        return nil
    }
}
