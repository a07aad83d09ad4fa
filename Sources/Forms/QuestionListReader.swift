/// Reads the `questions` array of a form: common fields here, type settings and conditions in extensions.
struct QuestionListReader {
    let problems: ProblemCollector
    /// The form's themes that decoded, for theme tags and theme items.
    let themes: [PolicyTheme]
    /// Every theme key the file declares, including those of themes with problems.
    let declaredThemeKeys: Set<String>

    /// Fields every answerable question may have.
    private static let answerableKeys = ["id", "type", "label", "help", "required", "background", "themes", "showIf"]

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
                    problems.report(questionPath.appending(key: "id"), "duplicate question id '\(id)' (first used at \(first))")
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
            problems.report(reader.path.appending(key: "type"), "unknown question type '\(typeName)' (known types: \(known))")
            return nil
        }
        let allowedKeys = Self.allowedKeys(for: type)
        if !type.takesAnswer {
            for key in Self.answerableKeys.sorted() where reader.has(key) && !allowedKeys.contains(key) {
                let reason = key == "showIf"
                    ? "a section cannot be conditional; put the condition on the questions after it"
                    : "'\(key)' does not apply to \(type.rawValue), which takes no answer"
                problems.report(reader.path.appending(key: key), reason)
            }
        }
        reader.rejectUnknownKeys(allowed: allowedKeys + Self.answerableKeys, in: "a question of type \(type.rawValue)")
        let label = reader.text("label", required: true)
        let help = reader.text("help", required: false)
        // Fields that do not apply to info and section were reported above; reading them again
        // would only repeat the problem.
        let isRequired = type.takesAnswer && reader.bool("required", default: false)
        let isBackground = type.takesAnswer && reader.bool("background", default: false)
        if isBackground, type != .singleChoice, type != .multipleChoice {
            problems.report(reader.path.appending(key: "background"),
                            "only single_choice and multiple_choice questions can be background questions")
        }
        let themeKeys = type.takesAnswer ? readThemeTags(reader) : []
        let condition = reader.members["showIf"].flatMap {
            readCondition($0, at: reader.path.appending(key: "showIf"), context: context)
        }
        let kind = readKind(type, reader)
        guard let id, let label, let kind else { return nil }
        return Question(
            id: id, label: label, help: help, isRequired: isRequired, isBackground: isBackground,
            themes: themeKeys, condition: condition, kind: kind
        )
    }

    /// Info paragraphs take no answer; section headings are not conditional either, because a
    /// hidden page break would silently merge two pages.
    private static func allowedKeys(for type: QuestionType) -> [String] {
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
                problems.report(path.appending(index: index), "expected a theme key, found \(value.typeName)")
                continue
            }
            if !known.contains(key) {
                problems.report(path.appending(index: index), "unknown theme key '\(key)'")
            } else if keys.contains(key) {
                problems.report(path.appending(index: index), "theme '\(key)' is listed twice")
            } else {
                keys.append(key)
            }
        }
        return keys
    }
}
