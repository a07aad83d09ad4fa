/// The answers of one purpose within a theme: how many, and which to quote.
public struct PurposeGroup: Sendable, Hashable, Codable {
    /// The purpose.
    public var purpose: AnswerPurpose
    /// Number of answers with this purpose that carry the theme.
    public var size: Int
    /// Ids of up to 3 representative answers with this purpose.
    public var quotes: [String]

    /// Creates a group.
    public init(purpose: AnswerPurpose, size: Int, quotes: [String]) {
        self.purpose = purpose
        self.size = size
        self.quotes = quotes
    }
}
