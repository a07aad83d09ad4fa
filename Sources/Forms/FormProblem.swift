/// One thing wrong with a form file: where it is and why it is wrong.
public struct FormProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as given to the decoder, e.g. "Forms/quick-poll.json"; empty for a draft.
    public let file: String
    /// A JSON path to the offending value, e.g. "$.questions[3].showIf.question".
    public let path: String
    /// What is wrong, in a sentence an editor can act on, in Danish and English.
    public let reason: LocalizedText

    /// Creates a problem.
    public init(file: String, path: String, reason: LocalizedText) {
        self.file = file
        self.path = path
        self.reason = reason
    }

    /// The reason in one language.
    public func reason(in language: Language) -> String {
        reason.text(in: language)
    }

    /// "Forms/x.json: $.questions[3].type: ..." in one language; a draft's problem starts at the path.
    public func description(in language: Language) -> String {
        let place = file.isEmpty ? path : "\(file): \(path)"
        return "\(place): \(reason.text(in: language))"
    }

    /// The English line, for the command line and logs.
    public var description: String { description(in: .en) }
}
