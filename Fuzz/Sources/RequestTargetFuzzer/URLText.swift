@testable import HTTPServer

/// Writes a parsed target back as a request target, escaping everything that is not unreserved.
enum URLText {
    static func serialize(_ target: RequestTarget) -> [UInt8] {
        // A raw backslash is allowed in a path but an escaped one is refused, so it stays raw.
        var bytes = escaped(target.path, keeping: [UInt8(ascii: "/"), UInt8(ascii: "\\")])
        if !target.queryItems.isEmpty {
            bytes.append(UInt8(ascii: "?"))
            let pairs = target.queryItems.map { escaped($0.name) + [UInt8(ascii: "=")] + escaped($0.value) }
            bytes += Array(pairs.joined(separator: [UInt8(ascii: "&")]))
        }
        return bytes
    }

    private static func escaped(_ text: String, keeping kept: Set<UInt8> = []) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if isUnreserved(byte) || kept.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += Array("%\(hexDigit(byte >> 4))\(hexDigit(byte & 0xF))".utf8)
            }
        }
        return bytes
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ value: UInt8) -> Character {
        Character(String(value, radix: 16, uppercase: true))
    }
}
