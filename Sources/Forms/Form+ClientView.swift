/// The form as the tablet page receives it.
extension Form {
    /// Every text resolved in `language`; settings that do not apply are left out.
    public func clientView(language: Language) -> ClientForm {
        ClientForm(
            id: id, version: contentHash, language: language, languages: Language.allCases,
            title: title.text(in: language), intro: intro?.text(in: language),
            themes: themes.map {
                ClientTheme(key: $0.key, name: $0.name.text(in: language), description: $0.description.text(in: language))
            },
            questions: questions.map { $0.clientView(language: language) },
            contact: contact.map {
                ClientContact(
                    label: $0.label.text(in: language), help: $0.help?.text(in: language),
                    consentText: $0.consentText.text(in: language), nameLabel: $0.nameLabel.text(in: language),
                    emailLabel: $0.emailLabel.text(in: language)
                )
            },
            ui: ClientInterfaceText.texts(in: language)
        )
    }
}

extension Question {
    /// This question in the client view.
    func clientView(language: Language) -> ClientQuestion {
        let showIf = condition.map { condition in
            switch condition.match {
            case .equals(let value): ClientCondition(question: condition.question, equals: value, values: nil)
            case .oneOf(let values): ClientCondition(question: condition.question, equals: nil, values: values)
            }
        }
        var view = ClientQuestion(
            id: id, type: type.rawValue, required: takesAnswer && isRequired, label: label.text(in: language),
            help: help?.text(in: language), background: isBackground, themes: themes, showIf: showIf
        )
        let resolvedOptions = options.map { ClientOption(value: $0.value, label: $0.label.text(in: language)) }
        switch kind {
        case .text(let settings):
            view.multiline = settings.isMultiline
            view.maxLength = settings.maxLength
            view.placeholder = settings.placeholder?.text(in: language)
        case .singleChoice(let settings):
            view.options = resolvedOptions
            view.allowOther = settings.allowsOther
            view.otherLabel = settings.otherLabel?.text(in: language)
        case .multipleChoice(let settings):
            view.options = resolvedOptions
            view.allowOther = settings.allowsOther
            view.otherLabel = settings.otherLabel?.text(in: language)
            view.minSelected = settings.minSelected
            view.maxSelected = settings.maxSelected
        case .scale(let settings):
            view.min = .number(Double(settings.min))
            view.max = .number(Double(settings.max))
            view.minLabel = settings.minLabel?.text(in: language)
            view.maxLabel = settings.maxLabel?.text(in: language)
            view.allowDontKnow = settings.allowsDontKnow
            view.dontKnowLabel = settings.dontKnowLabel?.text(in: language)
        case .number(let settings):
            view.min = settings.min.map(JSONValue.number)
            view.max = settings.max.map(JSONValue.number)
            view.integer = settings.isInteger
            view.unit = settings.unit?.text(in: language)
        case .ranking(let settings):
            view.options = resolvedOptions
            view.minRanked = settings.minRanked
        case .points(let settings):
            view.options = resolvedOptions
            view.total = settings.total
            view.requireAll = settings.requireAll
        case .yesNo, .info, .section:
            break
        }
        return view
    }
}
