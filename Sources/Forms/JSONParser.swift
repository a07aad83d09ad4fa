/// A strict JSON reader over UTF-8 bytes (RFC 8259).
///
/// Written here rather than using `JSONSerialization` because form editors need the line and column
/// of a mistake, and because a repeated key in an object must be an error, not a silent overwrite.
struct JSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private static let maximumDepth = 256

    /// Parses one complete JSON document.
    static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        // A UTF-8 byte order mark is harmless and some Windows editors write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.position < bytes.count {
            throw parser.error(da: "uventet tekst efter JSON-værdiens slutning", en: "unexpected text after the end of the JSON value")
        }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            position += 1
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard let byte = current else { throw error(da: "filen slutter uventet; her skulle stå en værdi", en: "unexpected end of file, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error(da: "uventet tegn \(describe(byte)); her skulle stå en værdi", en: "unexpected character \(describe(byte)), expected a value")
        }
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > Self.maximumDepth { throw error(da: "mere end \(Self.maximumDepth) niveauer inden i hinanden", en: "nested more than \(Self.maximumDepth) levels deep") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error(da: "her skulle stå en nøgle i dobbelte anførselstegn", en: "expected a key in double quotes") }
            let keyStart = position
            let key = try parseString()
            if members[key] != nil {
                position = keyStart
                throw error(da: "nøglen \"\(key)\" står to gange i samme objekt", en: "the key \"\(key)\" appears twice in the same object")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error(da: "her skulle stå ':' efter nøglen \"\(key)\"", en: "expected ':' after the key \"\(key)\"") }
            position += 1
            skipWhitespace()
            members[key] = try parseValue()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(members)
            default:
                throw error(da: "her skulle stå ',' eller '}' i et objekt", en: "expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(elements)
            default:
                throw error(da: "her skulle stå ',' eller ']' i en liste", en: "expected ',' or ']' in an array")
            }
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let start = position
        for expected in word.utf8 {
            guard current == expected else {
                position = start
                throw error(da: "ukendt ord; her skulle stå \(word)", en: "unknown word, expected \(word)")
            }
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1
        } else {
            guard skipDigits() else { throw error(da: "her skulle stå et ciffer", en: "expected a digit") }
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() else { throw error(da: "her skulle stå et ciffer efter decimalpunktet", en: "expected a digit after the decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() else { throw error(da: "her skulle stå et ciffer i eksponenten", en: "expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            position = start
            throw error(da: "tallet \(text) er for stort", en: "the number \(text) is out of range")
        }
        return .number(number)
    }

    /// Skips a run of digits; false when there was none.
    private mutating func skipDigits() -> Bool {
        let start = position
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
        return position > start
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        var buffer: [UInt8] = []
        while true {
            guard let byte = current else { throw error(da: "filen slutter midt i en tekst", en: "unexpected end of file inside a string") }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw error(da: "teksten før dette sted er ikke gyldig UTF-8", en: "the string before this point is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                position += 1
                try parseEscape(into: &buffer)
            case 0..<0x20:
                throw error(da: "styretegnet \(describe(byte)) står i en tekst (skriv det som en escape-sekvens)", en: "control character \(describe(byte)) inside a string (write it as an escape)")
            default:
                buffer.append(byte)
                position += 1
            }
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        guard let byte = current else { throw error(da: "filen slutter midt i en tekst", en: "unexpected end of file inside a string") }
        position += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
            UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[byte] {
            buffer.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else {
            position -= 1
            throw error(da: "ukendt escape-sekvens \\\(describe(byte))", en: "unknown escape \\\(describe(byte))")
        }
        var code = try parseHexQuad()
        if (0xD800...0xDBFF).contains(code) {
            guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
            else { throw error(da: "en høj surrogat-\\u-sekvens skal følges af en lav", en: "a high surrogate \\u escape must be followed by a low one") }
            position += 2
            let low = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw error(da: "her skulle stå en lav surrogat-\\u-sekvens", en: "expected a low surrogate \\u escape") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(code) {
            throw error(da: "en lav surrogat-\\u-sekvens uden en høj foran", en: "a low surrogate \\u escape without a high one")
        }
        guard let scalar = Unicode.Scalar(code) else { throw error(da: "ugyldig \\u-sekvens", en: "invalid \\u escape") }
        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func parseHexQuad() throws(JSONParseError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = UInt32(String(UnicodeScalar(byte)), radix: 16) else {
                throw error(da: "her skulle stå fire hexadecimale cifre efter \\u", en: "expected four hexadecimal digits after \\u")
            }
            code = code * 16 + digit
            position += 1
        }
        return code
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : "0x" + String(byte, radix: 16)
    }

    /// An error at the current position; columns count characters, not bytes, so "æ" is one column.
    private func error(da danish: String, en english: String) -> JSONParseError {
        var line = 1
        var column = 1
        for byte in bytes[0..<min(position, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONParseError(line: line, column: column, reason: LocalizedText(da: danish, en: english))
    }
}
