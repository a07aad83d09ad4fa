import Forms

/// How the form languages are named in XLSForm column headings: `label::Dansk (da)`.
enum XLSFormLanguage {
    /// The name written after `::`, with the code in brackets as XLSForm recommends.
    static func columnSuffix(_ language: Language) -> String {
        switch language {
        case .da: "Dansk (da)"
        case .en: "English (en)"
        }
    }

    /// A heading for a text in one language, e.g. `hint::English (en)`.
    static func heading(_ base: String, _ language: Language) -> String {
        base + "::" + columnSuffix(language)
    }

    /// Reads the language part of a heading or the `default_language` setting: "Dansk (da)",
    /// "English (en)", "Danish", "english", "da", "EN", "en-GB"; nil for any other language.
    static func language(named text: String) -> Language? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "("), let close = trimmed.lastIndex(of: ")"), open < close {
            return Language(code: String(trimmed[trimmed.index(after: open)..<close]))
        }
        switch trimmed.lowercased() {
        case "danish", "dansk": return .da
        case "english", "engelsk": return .en
        default: return Language(code: trimmed)
        }
    }
}
