/// Measures how deeply a JSON text nests, without parsing it, so hostile input cannot exhaust the stack.
enum JSONNesting {
    /// The largest number of open `[`/`{` at any point, ignoring brackets inside strings.
    static func depth(of bytes: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        var insideString = false
        var escaped = false
        for byte in bytes {
            if insideString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { insideString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): insideString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
