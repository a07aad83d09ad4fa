import Forms

/// Properties every parsed JSON value must have, whichever parser path produced it.
extension JSONValue {
    /// The canonical text (`jsonText`) parses back to the same value, and is its own canonical text.
    public func checkCanonicalRoundTrip(file: StaticString = #fileID, line: UInt = #line) {
        let canonical = jsonText
        let reparsed: JSONValue
        do {
            reparsed = try JSONValue(jsonText: canonical)
        } catch {
            Invariant.check(false, "canonical text does not parse (\(error)): \(canonical.prefix(300))", file: file, line: line)
            return
        }
        Invariant.check(reparsed == self, "canonical text parses to another value: \(canonical.prefix(300))", file: file, line: line)
        Invariant.check(reparsed.jsonText == canonical, "canonical text is not a fixed point: \(canonical.prefix(300))", file: file, line: line)
    }

    /// How many arrays and objects are nested at the deepest point (0 for a scalar).
    public var nestingDepth: Int {
        switch self {
        case .array(let elements): 1 + (elements.map(\.nestingDepth).max() ?? 0)
        case .object(let members): 1 + (members.values.map(\.nestingDepth).max() ?? 0)
        case .null, .bool, .number, .string: 0
        }
    }
}
