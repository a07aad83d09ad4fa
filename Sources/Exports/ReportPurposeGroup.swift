/// The answers of one purpose within a theme (e.g. what works), with quotes of their own.
public struct ReportPurposeGroup: Sendable, Hashable {
    /// `works`, `change` or `idea` (the form's `purpose` of the questions), or `none` for the
    /// theme's answers to questions that say neither.
    public var purpose: String
    /// Answers with this purpose that carry the theme.
    public var size: Int
    /// Representative quotes of this purpose (already masked as asked).
    public var quotes: [ReportQuote]

    /// The purpose of the group of answers whose question says none.
    public static let withoutPurpose = "none"

    /// A group.
    public init(purpose: String, size: Int, quotes: [ReportQuote]) {
        self.purpose = purpose
        self.size = size
        self.quotes = quotes
    }
}
