/// Text made safe for spreadsheets, which run a cell starting with `=`, `+`, `-` or `@` as a formula.
enum SpreadsheetText {
    /// Characters that make a spreadsheet treat a cell as a formula (tab and CR too: some strip them first).
    static let formulaStarters: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// The text with `'` in front when it would start a formula, as OWASP advises for CSV.
    static func neutralized(_ text: String) -> String {
        guard let first = text.first, formulaStarters.contains(first) else { return text }
        return "'" + text
    }
}
