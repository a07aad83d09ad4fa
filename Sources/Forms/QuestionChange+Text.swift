/// The words for each question change, Danish first.
extension QuestionChange {
    /// The change as the end of a sentence that starts with the question, in Danish and English.
    public var text: LocalizedText {
        switch self {
        case .label(let old, let new):
            LocalizedText(da: "teksten er ændret fra »\(old.da)« til »\(new.da)«.", en: "the text changed from “\(old.en)” to “\(new.en)”.")
        case .help(nil, let new?):
            LocalizedText(da: "har fået hjælpeteksten »\(new.da)«.", en: "got the help text “\(new.en)”.")
        case .help(_, nil):
            LocalizedText(da: "hjælpeteksten er fjernet.", en: "the help text was removed.")
        case .help(_, let new?):
            LocalizedText(da: "hjælpeteksten er ændret til »\(new.da)«.", en: "the help text changed to “\(new.en)”.")
        case .type(let old, let new):
            LocalizedText(da: "typen er ændret fra \(old.rawValue) til \(new.rawValue); tidligere svar passer måske ikke.",
                          en: "the type changed from \(old.rawValue) to \(new.rawValue); earlier answers may not fit.")
        case .required(true):
            LocalizedText(da: "skal nu besvares.", en: "must now be answered.")
        case .required(false):
            LocalizedText(da: "skal ikke længere besvares.", en: "no longer has to be answered.")
        case .background(true):
            LocalizedText(da: "er nu et baggrundsspørgsmål.", en: "is now a background question.")
        case .background(false):
            LocalizedText(da: "er ikke længere et baggrundsspørgsmål.", en: "is no longer a background question.")
        case .themes(let added, let removed):
            LocalizedText(da: "temaer " + FormChange.addedAndRemoved(added, removed, in: .da) + ".",
                          en: "themes " + FormChange.addedAndRemoved(added, removed, in: .en) + ".")
        case .purpose(nil, let new?):
            LocalizedText(da: "formålet er sat til \(new.rawValue) (\(new.label.da)).", en: "the purpose is set to \(new.rawValue) (\(new.label.en)).")
        case .purpose(_, nil):
            LocalizedText(da: "formålet er fjernet.", en: "the purpose was removed.")
        case .purpose(let old?, let new?):
            LocalizedText(da: "formålet er ændret fra \(old.rawValue) til \(new.rawValue).", en: "the purpose changed from \(old.rawValue) to \(new.rawValue).")
        case .condition(_, nil):
            LocalizedText(da: "vises nu altid.", en: "is now always shown.")
        case .condition(nil, let new?):
            LocalizedText(da: "vises nu kun, når \(Self.conditionText(new, in: .da)).", en: "is now shown only when \(Self.conditionText(new, in: .en)).")
        case .condition(_, let new?):
            LocalizedText(da: "betingelsen er ændret: vises nu, når \(Self.conditionText(new, in: .da)).",
                          en: "the condition changed: now shown when \(Self.conditionText(new, in: .en)).")
        case .optionAdded(let option):
            LocalizedText(da: "ny svarmulighed »\(option.label.da)« (\(option.value)).", en: "new choice “\(option.label.en)” (\(option.value)).")
        case .optionRemoved(let option):
            LocalizedText(da: "svarmuligheden »\(option.label.da)« (\(option.value)) er fjernet.",
                          en: "the choice “\(option.label.en)” (\(option.value)) was removed.")
        case .optionRenamed(let old, let new, let label):
            LocalizedText(da: "svarværdien for »\(label.da)« er ændret fra '\(old)' til '\(new)'; svar før og efter tælles ikke sammen.",
                          en: "the stored value of “\(label.en)” changed from '\(old)' to '\(new)'; answers before and after are not counted together.")
        case .optionRelabelled(let value, let old, let new):
            LocalizedText(da: "svarmuligheden '\(value)' hedder nu »\(new.da)« (før »\(old.da)«).",
                          en: "the choice '\(value)' now reads “\(new.en)” (was “\(old.en)”).")
        case .optionsReordered(_, let new):
            LocalizedText(da: "svarmulighederne står nu i rækkefølgen \(new.joined(separator: ", ")).",
                          en: "the choices are now in the order \(new.joined(separator: ", ")).")
        case .setting(let name, nil, let new?):
            LocalizedText(da: "\(name) er sat til \(Self.valueText(new, in: .da)).", en: "\(name) is set to \(Self.valueText(new, in: .en)).")
        case .setting(let name, let old?, nil):
            LocalizedText(da: "\(name) (\(Self.valueText(old, in: .da))) er fjernet.", en: "\(name) (\(Self.valueText(old, in: .en))) was removed.")
        case .setting(let name, let old, let new):
            LocalizedText(
                da: "\(name) er ændret fra \(old.map { Self.valueText($0, in: .da) } ?? "intet") til \(new.map { Self.valueText($0, in: .da) } ?? "intet").",
                en: "\(name) changed from \(old.map { Self.valueText($0, in: .en) } ?? "nothing") to \(new.map { Self.valueText($0, in: .en) } ?? "nothing")."
            )
        case .moved(let old, let new):
            LocalizedText(da: "er flyttet fra nr. \(old + 1) til nr. \(new + 1).", en: "moved from position \(old + 1) to \(new + 1).")
        }
    }

    /// "'role' er 'volunteer' eller 'network'" / "'role' is 'volunteer' or 'network'".
    static func conditionText(_ condition: DisplayCondition, in language: Language) -> String {
        let values = condition.match.values.map { valueText($0, in: language) }
        let joined = values.count <= 1 ? values.joined()
            : values.dropLast().joined(separator: ", ") + (language == .da ? " eller " : " or ") + (values.last ?? "")
        return "'\(condition.question)'" + (language == .da ? " er " : " is ") + joined
    }

    /// A setting or condition value: text in quotes, a translation in the language, yes/no, numbers as written.
    static func valueText(_ value: JSONValue, in language: Language) -> String {
        switch value {
        case .bool(let flag): flag ? (language == .da ? "ja" : "yes") : (language == .da ? "nej" : "no")
        case .string(let text): "'\(text)'"
        case .object(let members):
            if let text = members[language.rawValue]?.stringValue { language == .da ? "»\(text)«" : "“\(text)”" } else { value.jsonText }
        default: value.jsonText
        }
    }
}
