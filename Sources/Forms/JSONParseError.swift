/// Why JSON text could not be read, and where (1-based line and column, counted in characters).
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line of the offending character, from 1.
    public let line: Int
    /// The column of the offending character within its line, from 1.
    public let column: Int
    /// What was wrong, e.g. "expected ',' or '}'".
    public let reason: String

    /// Creates an error at a position.
    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// "line 3, column 7: expected ',' or '}'".
    public var description: String { "line \(line), column \(column): \(reason)" }
}
