/// What a cell holds, as stored in the file (formulas give their last computed value).
public enum CellValue: Hashable, Sendable {
    /// Nothing.
    case empty
    /// Text: a shared, inline or formula string.
    case text(String)
    /// A number; Excel dates are numbers too, as this reader does not interpret styles.
    case number(Double)
    /// TRUE or FALSE.
    case bool(Bool)
    /// An error value such as "#N/A".
    case error(String)

    /// Whether the cell is empty.
    public var isEmpty: Bool { self == .empty }

    /// The value as text: text itself, whole numbers without ".0", "TRUE"/"FALSE", the error's code; nil when empty.
    public var text: String? {
        switch self {
        case .empty: nil
        case .text(let text): text
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }
}
