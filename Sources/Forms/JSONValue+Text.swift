/// Canonical JSON text: compact, keys sorted by their UTF-8 bytes, so equal values give equal text.
extension JSONValue {
    /// Compact JSON with sorted keys; deterministic, so it can be hashed and compared.
    public var jsonText: String {
        var output = ""
        Self.write(self, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .number(let number):
            output += numberText(number)
        case .string(let text):
            writeString(text, into: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                write(element, into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            // Sorting by UTF-8 bytes matches what other languages' canonical JSON does.
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output += "," }
                writeString(key, into: &output)
                output += ":"
                write(members[key] ?? .null, into: &output)
            }
            output += "}"
        }
    }

    /// Whole numbers print without a fraction so `5` and `5.0` read the same.
    static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number.rounded() == number, abs(number) <= 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

/// The names of JSON types in problems an editor reads.
extension JSONValue {
    /// "a number" / "et tal": what a value is, for "expected ..., found ..." problems.
    var typeText: LocalizedText {
        switch self {
        case .null: LocalizedText(da: "null", en: "null")
        case .bool: LocalizedText(da: "true/false", en: "a boolean")
        case .number: LocalizedText(da: "et tal", en: "a number")
        case .string: LocalizedText(da: "en tekst", en: "a string")
        case .array: LocalizedText(da: "en liste", en: "an array")
        case .object: LocalizedText(da: "et objekt", en: "an object")
        }
    }
}
