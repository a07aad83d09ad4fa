import Foundation

/// Reads the parts of a form document, collecting problems instead of stopping at the first.
struct FormReader {
    /// The parts of a form that decoded without problems.
    struct Parts {
        let id: String
        let title: LocalizedText
        let intro: LocalizedText?
        let themes: [PolicyTheme]
        let questions: [Question]
        let contact: ContactBlock?
    }

    let problems: ProblemCollector
    /// The id the file name demands, if the file has a `.json` name.
    let expectedID: String?

    /// Reads the whole document; nil when a required part is unusable (problems say why).
    func readForm(_ document: JSONValue) -> Parts? {
        guard let reader = ObjectReader(document, at: .root, problems: problems) else { return nil }
        reader.rejectUnknownKeys(allowed: FormFileKeys.form, in: LocalizedText(da: "i spørgeskemaet", en: "in the form"))
        if let schema = reader.members["$schema"], schema.stringValue == nil {
            reader.reportExpectedString(at: JSONPath.root.appending(key: "$schema"), found: schema)
        }
        readFormatVersion(reader)
        let id = readID(reader)
        let title = reader.text("title", required: true)
        let intro = reader.text("intro", required: false)
        let themes = readThemes(reader.array("themes", required: true) ?? [], at: JSONPath.root.appending(key: "themes"))
        let questionsPath = JSONPath.root.appending(key: "questions")
        let questionValues = reader.array("questions", required: true)
        // Tags are checked against every declared key, so a theme with another mistake does not
        // also make each question tagged with it "unknown".
        let declaredThemeKeys = Set((reader.members["themes"]?.arrayValue ?? []).compactMap { $0.objectValue?["key"]?.stringValue })
        let questions = QuestionListReader(problems: problems, themes: themes, declaredThemeKeys: declaredThemeKeys)
            .readQuestions(questionValues ?? [], at: questionsPath)
        if let questionValues, questionValues.isEmpty {
            problems.report(questionsPath, da: "et spørgeskema skal have mindst ét spørgsmål",
                            en: "a form needs at least one question")
        } else if let questionValues, questions.count == questionValues.count, !questions.contains(where: \.takesAnswer) {
            problems.report(questionsPath, da: "et spørgeskema skal have mindst ét spørgsmål, der kan besvares",
                            en: "a form needs at least one question that takes an answer")
        }
        let contact = reader.members["contact"].flatMap { readContact($0, at: JSONPath.root.appending(key: "contact")) }
        guard let id, let title else { return nil }
        return Parts(id: id, title: title, intro: intro, themes: themes, questions: questions, contact: contact)
    }

    private func readFormatVersion(_ reader: ObjectReader) {
        let path = JSONPath.root.appending(key: "formatVersion")
        guard let value = reader.members["formatVersion"] else {
            reader.reportMissing("formatVersion")
            return
        }
        guard value.integerValue == Form.formatVersion else {
            let found = value.numberValue.map(JSONValue.numberText) ?? value.typeName
            problems.report(path, da: "formatVersion \(found) kendes ikke (denne udgave af Borgerdialog læser formatVersion \(Form.formatVersion))",
                            en: "unsupported formatVersion \(found) (this version of Borgerdialog reads formatVersion \(Form.formatVersion))")
            return
        }
    }

    private func readID(_ reader: ObjectReader) -> String? {
        guard let id = reader.slug("id", required: true) else { return nil }
        if let expectedID, id != expectedID {
            problems.report(JSONPath.root.appending(key: "id"),
                            da: "spørgeskemaets id '\(id)' passer ikke til filnavnet '\(expectedID).json'",
                            en: "form id '\(id)' does not match the file name '\(expectedID).json'")
        }
        return id
    }

    private func readThemes(_ values: [JSONValue], at path: JSONPath) -> [PolicyTheme] {
        var themes: [PolicyTheme] = []
        var firstPathOfKey: [String: JSONPath] = [:]
        for (index, value) in values.enumerated() {
            let themePath = path.appending(index: index)
            guard let reader = ObjectReader(value, at: themePath, problems: problems) else { continue }
            reader.rejectUnknownKeys(allowed: FormFileKeys.theme, in: LocalizedText(da: "i et tema", en: "in a theme"))
            let key = reader.slug("key", required: true)
            let name = reader.text("name", required: true)
            let description = reader.text("description", required: true)
            let keywords = reader.members["keywords"].map { readKeywords($0, at: themePath.appending(key: "keywords")) } ?? [:]
            if let key {
                if let first = firstPathOfKey[key] {
                    problems.report(themePath.appending(key: "key"),
                                    da: "temanøglen '\(key)' er brugt før (første gang ved \(first))",
                                    en: "duplicate theme key '\(key)' (first used at \(first))")
                    continue
                }
                firstPathOfKey[key] = themePath
            }
            if let key, let name, let description {
                themes.append(PolicyTheme(key: key, name: name, description: description, keywords: keywords))
            }
        }
        return themes
    }

    /// Keywords are not shown to citizens, so a language may be left out.
    private func readKeywords(_ value: JSONValue, at path: JSONPath) -> [Language: [String]] {
        guard let reader = ObjectReader(value, at: path, problems: problems) else { return [:] }
        reader.rejectUnknownKeys(allowed: FormFileKeys.languages,
                                 in: LocalizedText(da: "i nøgleord (sprogene er da og en)", en: "in keywords (the languages are da and en)"))
        var keywords: [Language: [String]] = [:]
        for language in Language.allCases {
            guard let words = reader.array(language.rawValue, required: false) else { continue }
            let languagePath = path.appending(key: language.rawValue)
            keywords[language] = words.enumerated().compactMap { index, word in
                guard let text = word.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    problems.report(languagePath.appending(index: index),
                                    da: "her skulle stå en tekst, der ikke er tom, men der står \(word.typeText.da)",
                                    en: "expected a non-empty string, found \(word.typeName)")
                    return nil
                }
                return text
            }
        }
        return keywords
    }

    private func readContact(_ value: JSONValue, at path: JSONPath) -> ContactBlock? {
        guard let reader = ObjectReader(value, at: path, problems: problems) else { return nil }
        reader.rejectUnknownKeys(allowed: FormFileKeys.contact,
                                 in: LocalizedText(da: "i kontaktblokken", en: "in the contact block"))
        let label = reader.text("label", required: true)
        let help = reader.text("help", required: false)
        let consentText = reader.text("consentText", required: true)
        let nameLabel = reader.text("nameLabel", required: true)
        let emailLabel = reader.text("emailLabel", required: true)
        guard let label, let consentText, let nameLabel, let emailLabel else { return nil }
        return ContactBlock(label: label, help: help, consentText: consentText, nameLabel: nameLabel, emailLabel: emailLabel)
    }
}
