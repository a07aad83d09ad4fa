/// The `type` of a question in a form file.
public enum QuestionType: String, Hashable, Sendable, CaseIterable {
    /// Free text, short or long.
    case text
    /// Pick one option.
    case singleChoice = "single_choice"
    /// Pick several options.
    case multipleChoice = "multiple_choice"
    /// A rating such as 1–5.
    case scale
    /// Yes or no.
    case yesNo = "yes_no"
    /// A number.
    case number
    /// Put items (by default the policy's themes) in order.
    case ranking
    /// Distribute a number of points among items.
    case points
    /// A paragraph of text; takes no answer.
    case info
    /// A heading that starts a new page; takes no answer.
    case section

    /// Whether a citizen answers this type (everything except `info` and `section`).
    public var takesAnswer: Bool { self != .info && self != .section }
}
