/// The theme an answer is counted under.
extension ThemeAssignment {
    /// The theme the answer counts under in sizes and breakdowns: its first key, except that an
    /// answer in an emerging theme (`["other", "emerging-2"]`) counts under that emerging theme.
    public var effectiveThemeKey: String? {
        guard let first = themes.first else { return nil }
        if first == ThemeAnalysisResult.otherKey, themes.count > 1 { return themes[1] }
        return first
    }
}
