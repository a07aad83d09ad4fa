/// A language a form is written in; Danish is the default.
public enum Language: String, Codable, Sendable, CaseIterable {
    /// Danish, the default.
    case da
    /// English.
    case en

    /// The language shown when a client asks for none, or for one the forms do not have.
    public static let defaultLanguage: Language = .da

    /// The language's name in English, for messages to editors ("missing English translation").
    public var englishName: String {
        switch self {
        case .da: "Danish"
        case .en: "English"
        }
    }

    /// The language's name in Danish, lowercase as Danish writes it ("dansk").
    public var danishName: String {
        switch self {
        case .da: "dansk"
        case .en: "engelsk"
        }
    }

    /// The language's name in another language: `Language.en.name(in: .da)` is "engelsk".
    public func name(in language: Language) -> String {
        switch language {
        case .da: danishName
        case .en: englishName
        }
    }

    /// Reads a language code such as "en" or "en-GB"; nil when it is not a form language.
    public init?(code: String) {
        let primary = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init)
        guard let primary, let language = Language(rawValue: primary) else { return nil }
        self = language
    }
}
