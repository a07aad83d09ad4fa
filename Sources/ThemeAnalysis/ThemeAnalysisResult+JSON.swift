/// The result as the `analyze` command's OUT.json, written directly.
///
/// The bytes are exactly what `JSONEncoder` gives with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (the tests compare them), at a fraction of its cost: for 100,000
/// answers the encoder took longer than parts of the analysis itself.
extension ThemeAnalysisResult {
    /// Pretty-printed JSON with sorted keys: stable bytes for the same result.
    public func prettyJSON() -> String {
        var json = PrettyJSONWriter()
        json.open("{")
        json.key("assignments")
        json.open("[")
        for assignment in assignments {
            json.nextItem()
            json.open("{")
            json.key("id")
            json.string(assignment.id)
            if let purpose = assignment.purpose {
                json.key("purpose")
                json.string(purpose.rawValue)
            }
            json.key("scores")
            json.array(assignment.scores) { $0.number($1) }
            json.key("terms")
            json.array(assignment.terms) { $0.string($1) }
            json.key("themes")
            json.array(assignment.themes) { $0.string($1) }
            json.close("}")
        }
        json.close("]")
        json.key("themes")
        json.open("[")
        for theme in themes {
            json.nextItem()
            json.open("{")
            json.key("key")
            json.string(theme.key)
            json.key("kind")
            json.string(theme.kind.rawValue)
            json.key("label")
            json.string(theme.label)
            if !theme.purposes.isEmpty {
                json.key("purposes")
                json.array(theme.purposes) { json, group in
                    json.open("{")
                    json.key("purpose")
                    json.string(group.purpose.rawValue)
                    json.key("quotes")
                    json.array(group.quotes) { $0.string($1) }
                    json.key("size")
                    json.integer(group.size)
                    json.close("}")
                }
            }
            json.key("quotes")
            json.array(theme.quotes) { $0.string($1) }
            json.key("size")
            json.integer(theme.size)
            json.key("terms")
            json.array(theme.terms) { $0.string($1) }
            json.close("}")
        }
        json.close("]")
        json.key("views")
        json.array(views) { $0.string($1) }
        json.close("}")
        return String(decoding: json.bytes, as: UTF8.self)
    }
}

/// Appends JSON in `JSONEncoder`'s pretty-printed layout (two-space indent, `"key" : value`);
/// the caller writes object keys in sorted order.
struct PrettyJSONWriter {
    /// The JSON so far, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// For each open object or array, innermost last: whether it has no item yet.
    private var openContainersEmpty: [Bool] = []

    /// Opens an object (`{`) or array (`[`).
    mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        openContainersEmpty.append(true)
    }

    /// Closes the innermost object or array; an empty one gets a blank line, as the encoder writes it.
    mutating func close(_ bracket: Unicode.Scalar) {
        if openContainersEmpty.removeLast() { bytes.append(0x0A) }
        bytes.append(0x0A)
        indent()
        bytes.append(UInt8(ascii: bracket))
    }

    /// Starts the next item of the innermost array: a separator, a new line and the indent.
    mutating func nextItem() {
        bytes.append(contentsOf: openContainersEmpty[openContainersEmpty.count - 1] ? [0x0A] : [0x2C, 0x0A])
        openContainersEmpty[openContainersEmpty.count - 1] = false
        indent()
    }

    /// Starts the next field of the innermost object: `"name" : `.
    mutating func key(_ name: String) {
        nextItem()
        string(name)
        bytes.append(contentsOf: [0x20, 0x3A, 0x20])
    }

    /// A whole array, each element written by `element`.
    mutating func array<Element>(_ elements: [Element], _ element: (inout PrettyJSONWriter, Element) -> Void) {
        open("[")
        for value in elements {
            nextItem()
            element(&self, value)
        }
        close("]")
    }

    /// A string: quotes, backslashes and control characters escaped, everything else as is.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An integer.
    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: Array(String(value).utf8))
    }

    /// A number as the encoder writes it: whole values without a fraction, others in Swift's
    /// shortest form (`0.1234`, `1e-05`).
    mutating func number(_ value: Double) {
        if value == 0 {
            bytes.append(contentsOf: Array((value.sign == .minus ? "-0" : "0").utf8))
        } else if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes.append(contentsOf: Array("\(value)".utf8))
        }
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * openContainersEmpty.count))
    }
}
