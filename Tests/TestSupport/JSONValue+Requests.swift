import Forms

/// Request bodies written as `JSONValue` literals: `["submissionId": "abc", "answers": ["idea": "Flere træer"]]`.
extension JSONValue {
    /// The value as a request body: its canonical JSON text (sorted keys) in UTF-8.
    public var bytes: [UInt8] { Array(jsonText.utf8) }

    /// The member called `key`, when this is an object.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// A whole number, e.g. a run's id.
    public static func int(_ value: some BinaryInteger) -> JSONValue { .number(Double(value)) }
}
