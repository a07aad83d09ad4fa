/// A theme of the policy a form is about; the analysis uses these as guided themes.
public struct PolicyTheme: Hashable, Sendable {
    /// A lowercase slug, unique within the form, e.g. "aeldreliv".
    public let key: String
    /// The theme's name as the policy words it.
    public let name: LocalizedText
    /// What the theme covers, in a sentence or two.
    public let description: LocalizedText
    /// Words that point to this theme in free text, per language (may be empty).
    public let keywords: [Language: [String]]

    /// Creates a theme.
    public init(key: String, name: LocalizedText, description: LocalizedText, keywords: [Language: [String]] = [:]) {
        self.key = key
        self.name = name
        self.description = description
        self.keywords = keywords
    }
}
