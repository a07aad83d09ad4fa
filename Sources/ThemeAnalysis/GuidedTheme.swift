/// A theme given in advance (e.g. a form's policy theme): answers are assigned to these first.
public struct GuidedTheme: Sendable, Hashable, Codable {
    /// The key used in assignments.
    public let key: String
    /// The theme's name as the policy words it.
    public let name: String
    /// An optional longer description.
    public let description: String
    /// Optional keywords that signal the theme.
    public let keywords: [String]

    /// Creates a guided theme.
    public init(key: String, name: String, description: String = "", keywords: [String] = []) {
        self.key = key
        self.name = name
        self.description = description
        self.keywords = keywords
    }
}
