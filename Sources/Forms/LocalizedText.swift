/// A visible text in every form language: `{"da": "...", "en": "..."}`.
public struct LocalizedText: Codable, Hashable, Sendable {
    /// The Danish text.
    public var da: String
    /// The English text.
    public var en: String

    /// Creates a text in both languages.
    public init(da: String, en: String) {
        self.da = da
        self.en = en
    }

    /// The text in a language.
    public func text(in language: Language) -> String {
        switch language {
        case .da: da
        case .en: en
        }
    }
}
