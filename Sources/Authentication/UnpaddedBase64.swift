import Foundation

/// Base64 without `=` padding: the PHC string format's alphabet and, URL-safe, the token alphabet.
enum UnpaddedBase64 {
    /// Encodes bytes; `urlSafe` swaps `+/` for `-_` so the text can sit in cookies and URLs as is.
    static func encode(_ bytes: [UInt8], urlSafe: Bool) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        guard urlSafe else { return text }
        return String(text.map { character -> Character in
            switch character {
            case "+": "-"
            case "/": "_"
            default: character
            }
        })
    }

    /// Decodes standard-alphabet text without padding; nil for anything else.
    static func decode(_ text: Substring) -> [UInt8]? {
        let isStandardAlphabet = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
        // A remainder of one character cannot carry a whole byte, so no encoder produces it.
        guard isStandardAlphabet, text.utf8.count % 4 != 1 else { return nil }
        let padding = String(repeating: "=", count: (4 - text.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: String(text) + padding) else { return nil }
        return [UInt8](data)
    }
}
