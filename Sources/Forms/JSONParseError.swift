/// Why JSON text could not be read, and where (1-based line and column, counted in characters).
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line of the offending character, from 1.
    public let line: Int
    /// The column of the offending character within its line, from 1.
    public let column: Int
    /// What was wrong, e.g. "expected ',' or '}'", in Danish and English.
    public let reason: LocalizedText

    /// Creates an error at a position.
    public init(line: Int, column: Int, reason: LocalizedText) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// "linje 3, kolonne 7: ..." or "line 3, column 7: ...".
    public func description(in language: Language) -> String {
        switch language {
        case .da: "linje \(line), kolonne \(column): \(reason.da)"
        case .en: "line \(line), column \(column): \(reason.en)"
        }
    }

    /// "line 3, column 7: expected ',' or '}'".
    public var description: String { description(in: .en) }
}
