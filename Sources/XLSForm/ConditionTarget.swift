import Forms

/// What the question a condition looks at can hold, so the values in `relevant` get the right JSON type.
enum ConditionTarget: Hashable {
    /// A choice question; values are option values. `multiple` for a select_multiple.
    case choice(multiple: Bool)
    /// Yes or no: written `'yes'`/`'no'`, stored as true/false.
    case yesNo
    /// A scale from `minimum` to `maximum`; comparisons such as `>= 4` become lists of its values.
    case scale(minimum: Int, maximum: Int)
    /// A number.
    case number
    /// A text.
    case text

    /// The target kind of a decoded question; nil for questions a condition cannot use.
    init?(_ question: Question) {
        switch question.kind {
        case .singleChoice: self = .choice(multiple: false)
        case .multipleChoice: self = .choice(multiple: true)
        case .yesNo: self = .yesNo
        case .scale(let settings): self = .scale(minimum: settings.min, maximum: settings.max)
        case .number: self = .number
        case .text: self = .text
        case .ranking, .points, .info, .section: return nil
        }
    }
}
