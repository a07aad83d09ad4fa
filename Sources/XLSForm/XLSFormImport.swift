import Forms

/// What an XLSForm workbook held: a form document, the form when it is valid, and every problem.
public struct XLSFormImport: Sendable {
    /// The form document in the JSON file format; nil only when the file is not a workbook at all.
    public let document: JSONValue?
    /// The decoded form, when the document is a valid form (there may still be problems: parts left out).
    public let form: Form?
    /// Every problem: what was left out or could not be read, and what the form decoder found,
    /// each at its sheet, row and column where it can be placed.
    public let problems: [XLSFormProblem]

    /// Creates a result.
    public init(document: JSONValue?, form: Form?, problems: [XLSFormProblem]) {
        self.document = document
        self.form = form
        self.problems = problems
    }
}
