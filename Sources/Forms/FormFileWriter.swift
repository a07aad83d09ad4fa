/// Writes a form document as a form file that reads like the shipped ones.
///
/// Deterministic: two-space indent, keys in the order the README lists them (unknown keys last,
/// sorted), forms, themes, questions and the contact block always spread over lines, and any other
/// object or array on one line when it fits in `lineWidth` characters. Lists of plain values that do
/// not fit are wrapped, several per line. The text decodes to the same document, so the form keeps
/// its content hash.
public enum FormFileWriter {
    /// The widest line the writer aims for (strings are never broken, so a long text can go beyond).
    public static let lineWidth = 120

    /// The document as the text of a form file, ending with a line break.
    public static func text(of document: JSONValue) -> String {
        var output = ""
        write(document, part: .form, indent: "", prefix: "", suffix: "", into: &output)
        return output
    }

    /// What an object is in a form file, which decides its key order and layout.
    private enum Part {
        case form, theme, question, option, condition, contact, languages, other

        /// Parts spread over lines even when they would fit on one.
        var isAlwaysSpread: Bool {
            switch self {
            case .form, .theme, .question, .contact: true
            case .option, .condition, .languages, .other: false
            }
        }

        /// The order of keys in this part.
        var keyOrder: [String] {
            switch self {
            case .form: FormFileKeys.form
            case .theme: FormFileKeys.theme
            case .question: FormFileKeys.question
            case .option: FormFileKeys.option
            case .condition: FormFileKeys.condition
            case .contact: FormFileKeys.contact
            case .languages: FormFileKeys.languages
            case .other: []
            }
        }

        /// The part of a member's value (for an array: of its elements).
        func child(_ key: String) -> Part {
            switch (self, key) {
            case (.form, "themes"): .theme
            case (.form, "questions"): .question
            case (.form, "contact"): .contact
            case (.question, "options"): .option
            case (.question, "showIf"): .condition
            case (.form, _), (.theme, _), (.question, _), (.option, _), (.contact, _): .languages
            case (.condition, _), (.languages, _), (.other, _): .other
            }
        }
    }

    /// The keys of an object in the part's order, then the unknown ones sorted by their UTF-8 bytes.
    private static func orderedKeys(of members: [String: JSONValue], part: Part) -> [String] {
        let known = part.keyOrder.filter { members[$0] != nil }
        let unknown = members.keys.filter { !part.keyOrder.contains($0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return known + unknown
    }

    /// Writes `prefix` (a key and colon, or nothing), the value and `suffix` (a comma, or nothing),
    /// starting a line at `indent` and ending it.
    private static func write(
        _ value: JSONValue, part: Part, indent: String, prefix: String, suffix: String, into output: inout String
    ) {
        let inline = inlineText(value, part: part)
        let fits = indent.count + prefix.count + inline.count + suffix.count <= lineWidth
        let isContainer = value.arrayValue != nil || value.objectValue != nil
        if !isContainer || inline == "[]" || inline == "{}" || (fits && !part.isAlwaysSpread) {
            output += indent + prefix + inline + suffix + "\n"
            return
        }
        let inner = indent + "  "
        switch value {
        case .object(let members):
            output += indent + prefix + "{\n"
            let keys = orderedKeys(of: members, part: part)
            for (index, key) in keys.enumerated() {
                var keyText = ""
                JSONValue.writeString(key, into: &keyText)
                write(members[key] ?? .null, part: childPart(of: part, key), indent: inner, prefix: keyText + ": ",
                      suffix: index < keys.count - 1 ? "," : "", into: &output)
            }
            output += indent + "}" + suffix + "\n"
        case .array(let elements):
            output += indent + prefix + "[\n"
            if elements.allSatisfy({ $0.arrayValue == nil && $0.objectValue == nil }) {
                writeWrapped(elements, indent: inner, into: &output)
            } else {
                for (index, element) in elements.enumerated() {
                    write(element, part: part, indent: inner, prefix: "", suffix: index < elements.count - 1 ? "," : "",
                          into: &output)
                }
            }
            output += indent + "]" + suffix + "\n"
        default:
            break
        }
    }

    /// Plain values several to a line, each line as full as `lineWidth` allows.
    private static func writeWrapped(_ elements: [JSONValue], indent: String, into output: inout String) {
        var line = ""
        for (index, element) in elements.enumerated() {
            let item = inlineText(element, part: .other) + (index < elements.count - 1 ? "," : "")
            if line.isEmpty {
                line = indent + item
            } else if line.count + 1 + item.count <= lineWidth {
                line += " " + item
            } else {
                output += line + "\n"
                line = indent + item
            }
        }
        if !line.isEmpty { output += line + "\n" }
    }

    /// The value on one line: `{ "da": "...", "en": "..." }`, `["a", "b"]`.
    private static func inlineText(_ value: JSONValue, part: Part) -> String {
        switch value {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let keys = orderedKeys(of: members, part: part)
            let memberTexts = keys.map { key in
                var text = ""
                JSONValue.writeString(key, into: &text)
                return text + ": " + inlineText(members[key] ?? .null, part: childPart(of: part, key))
            }
            return "{ " + memberTexts.joined(separator: ", ") + " }"
        case .array(let elements):
            return "[" + elements.map { inlineText($0, part: part) }.joined(separator: ", ") + "]"
        default:
            return value.jsonText
        }
    }

    /// The part of a member's value, for parts whose members have known meanings.
    private static func childPart(of part: Part, _ key: String) -> Part {
        switch part {
        case .form, .theme, .question, .option, .contact: part.child(key)
        case .condition, .languages, .other: .other
        }
    }
}
