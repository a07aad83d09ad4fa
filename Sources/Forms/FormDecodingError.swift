/// Every problem found in a form file, reported at once.
public struct FormDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, in the order they occur in the file; never empty.
    public let problems: [FormProblem]

    /// Creates the error.
    public init(problems: [FormProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
