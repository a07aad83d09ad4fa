/// One change between two versions of a form; `text` says it in Danish and English.
public enum FormChange: Hashable, Sendable {
    /// The form's id changed (two different forms were compared).
    case id(from: String, to: String)
    /// The title changed.
    case title(from: LocalizedText, to: LocalizedText)
    /// The welcome text was added, removed or changed.
    case intro(from: LocalizedText?, to: LocalizedText?)
    /// A theme was added.
    case themeAdded(PolicyTheme)
    /// A theme was removed.
    case themeRemoved(PolicyTheme)
    /// A theme was renamed.
    case themeName(key: String, from: LocalizedText, to: LocalizedText)
    /// A theme's description changed.
    case themeDescription(key: String, name: LocalizedText, from: LocalizedText, to: LocalizedText)
    /// A theme's keywords in one language changed.
    case themeKeywords(key: String, language: Language, added: [String], removed: [String])
    /// The themes kept are in another order (this changes the items of ranking and points questions).
    case themesReordered(from: [String], to: [String])
    /// A question (or info or section) was added at a position, counted from 0.
    case questionAdded(Question, position: Int)
    /// A question was removed.
    case questionRemoved(Question)
    /// A question kept its id but changed; `label` is its new text.
    case question(id: String, label: LocalizedText, QuestionChange)
    /// The contact block was added.
    case contactAdded
    /// The contact block was removed.
    case contactRemoved
    /// A text of the contact block (`label`, `help`, `consentText`, `nameLabel`, `emailLabel`) changed.
    case contactText(field: String, from: LocalizedText?, to: LocalizedText?)

    /// The change as one sentence in Danish and English.
    public var text: LocalizedText {
        switch self {
        case .id(let old, let new):
            LocalizedText(da: "Spørgeskemaets id er ændret fra '\(old)' til '\(new)'.", en: "The form's id changed from '\(old)' to '\(new)'.")
        case .title(let old, let new):
            LocalizedText(da: "Titlen er ændret fra »\(old.da)« til »\(new.da)«.", en: "The title changed from “\(old.en)” to “\(new.en)”.")
        case .intro(nil, _):
            LocalizedText(da: "Der er tilføjet en velkomsttekst.", en: "A welcome text was added.")
        case .intro(_, nil):
            LocalizedText(da: "Velkomstteksten er fjernet.", en: "The welcome text was removed.")
        case .intro(_, let new?):
            LocalizedText(da: "Velkomstteksten er ændret til »\(new.da)«.", en: "The welcome text changed to “\(new.en)”.")
        case .themeAdded(let theme):
            LocalizedText(da: "Nyt tema »\(theme.name.da)« (\(theme.key)).", en: "New theme “\(theme.name.en)” (\(theme.key)).")
        case .themeRemoved(let theme):
            LocalizedText(da: "Temaet »\(theme.name.da)« (\(theme.key)) er fjernet.", en: "The theme “\(theme.name.en)” (\(theme.key)) was removed.")
        case .themeName(let key, let old, let new):
            LocalizedText(da: "Temaet \(key) hedder nu »\(new.da)« (før »\(old.da)«).",
                          en: "The theme \(key) is now called “\(new.en)” (was “\(old.en)”).")
        case .themeDescription(let key, let name, _, let new):
            LocalizedText(da: "Beskrivelsen af temaet »\(name.da)« (\(key)) er ændret til »\(new.da)«.",
                          en: "The description of the theme “\(name.en)” (\(key)) changed to “\(new.en)”.")
        case .themeKeywords(let key, let language, let added, let removed):
            LocalizedText(
                da: "Nøgleord på \(language.danishName) for temaet \(key): " + Self.addedAndRemoved(added, removed, in: .da) + ".",
                en: "\(language.englishName) keywords of the theme \(key): " + Self.addedAndRemoved(added, removed, in: .en) + "."
            )
        case .themesReordered(_, let new):
            LocalizedText(da: "Temaerne står nu i rækkefølgen \(new.joined(separator: ", ")).",
                          en: "The themes are now in the order \(new.joined(separator: ", ")).")
        case .questionAdded(let question, let position):
            LocalizedText(da: "Nyt \(question.type.rawValue)-spørgsmål »\(question.label.da)« (\(question.id)) som nr. \(position + 1).",
                          en: "New \(question.type.rawValue) question “\(question.label.en)” (\(question.id)) at position \(position + 1).")
        case .questionRemoved(let question):
            LocalizedText(da: "Spørgsmålet »\(question.label.da)« (\(question.id)) er fjernet.",
                          en: "The question “\(question.label.en)” (\(question.id)) was removed.")
        case .question(let id, let label, let change):
            LocalizedText(da: "Spørgsmålet »\(label.da)« (\(id)): \(change.text.da)",
                          en: "The question “\(label.en)” (\(id)): \(change.text.en)")
        case .contactAdded:
            LocalizedText(da: "Der er tilføjet en kontaktblok.", en: "A contact block was added.")
        case .contactRemoved:
            LocalizedText(da: "Kontaktblokken er fjernet.", en: "The contact block was removed.")
        case .contactText(let field, nil, _):
            LocalizedText(da: "Kontaktblokken har fået en tekst i \(field).", en: "The contact block got a text in \(field).")
        case .contactText(let field, _, nil):
            LocalizedText(da: "Kontaktblokkens tekst i \(field) er fjernet.", en: "The contact block's text in \(field) was removed.")
        case .contactText(let field, _, let new?):
            LocalizedText(da: "Kontaktblokkens tekst i \(field) er ændret til »\(new.da)«.",
                          en: "The contact block's text in \(field) changed to “\(new.en)”.")
        }
    }

    /// "tilføjet: a, b; fjernet: c" / "added: a, b; removed: c".
    static func addedAndRemoved(_ added: [String], _ removed: [String], in language: Language) -> String {
        var parts: [String] = []
        if !added.isEmpty { parts.append((language == .da ? "tilføjet " : "added ") + added.joined(separator: ", ")) }
        if !removed.isEmpty { parts.append((language == .da ? "fjernet " : "removed ") + removed.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
