/// One thing wrong with a form file: where it is and why it is wrong.
public struct FormProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as given to the decoder, e.g. "Forms/quick-poll.json".
    public let file: String
    /// A JSON path to the offending value, e.g. "$.questions[3].showIf.question".
    public let path: String
    /// What is wrong, in a sentence an editor can act on.
    public let reason: String

    /// Creates a problem.
    public init(file: String, path: String, reason: String) {
        self.file = file
        self.path = path
        self.reason = reason
    }

    /// "Forms/x.json: $.questions[3].type: unknown question type 'slider' ...".
    public var description: String { "\(file): \(path): \(reason)" }
}
