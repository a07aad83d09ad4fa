/// What a question asks for, so each theme can show what works apart from what should change.
public enum AnswerPurpose: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// What works today (keep it).
    case works
    /// What should change.
    case change
    /// An idea or a wish.
    case idea

    /// Orders purposes as declared (works, change, idea), so the output order is fixed.
    public static func < (left: AnswerPurpose, right: AnswerPurpose) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}
