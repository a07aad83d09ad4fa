/// Escaping for HTML and SVG: citizen and analyst text is data, never markup.
public enum MarkupText {
    /// The text with `& < > " '` as entities, and control characters that XML forbids (and
    /// browsers treat oddly) replaced by U+FFFD, so the result is safe in element content and in
    /// quoted attribute values of HTML and SVG alike.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                result.unicodeScalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }

    /// The text cut to `limit` characters with an ellipsis, for chart labels.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    /// C0 and C1 controls, and the noncharacters U+FFFE and U+FFFF.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }
}
