/// The path and query of a raw request target, decoded strictly so hostile input becomes a 400.
struct RequestTarget: Equatable {
    /// The percent-decoded path, always starting with `/`.
    var path: String
    /// The decoded query parameters in order.
    var queryItems: [QueryItem]

    /// One decoded `name=value` pair of the query string.
    struct QueryItem: Equatable {
        var name: String
        var value: String
    }

    /// Why a request target was rejected; the router words it for the client.
    struct ParsingError: Error, Equatable, CustomStringConvertible {
        var problem: ServerRefusal.TargetProblem
        var description: String { "invalid request target: \(problem.englishReason)" }
    }

    /// Parses a target as sent on the request line, e.g. `/a%20b?x=1&y=two+words`.
    init(raw: [UInt8]) throws(ParsingError) {
        var target = raw[...]
        if let hash = target.firstIndex(of: UInt8(ascii: "#")) {
            target = target[..<hash]
        }
        target = Self.droppingSchemeAndAuthority(target)
        let question = target.firstIndex(of: UInt8(ascii: "?"))
        let rawPath = target[..<(question ?? target.endIndex)]
        guard rawPath.first == UInt8(ascii: "/") else {
            throw ParsingError(problem: .pathNotAbsolute)
        }
        let pathBytes = try PercentDecoding.decode(rawPath, plusIsSpace: false, rejectingEncodedSlash: true)
        guard let path = PercentDecoding.text(from: pathBytes) else {
            throw ParsingError(problem: .pathNotText)
        }
        self.path = path
        queryItems = []
        if let question {
            queryItems = try Self.parseQuery(target[target.index(after: question)...])
        }
    }

    /// Keeps only the path and query of an absolute-form target (`http://host/path?q`).
    private static func droppingSchemeAndAuthority(_ target: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard target.first != UInt8(ascii: "/"),
              let schemeEnd = target.firstIndex(of: UInt8(ascii: ":")),
              target[schemeEnd...].starts(with: "://".utf8) else { return target }
        let authorityStart = schemeEnd + 3
        let pathStart = target[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
        guard let pathStart else { return ArraySlice("/".utf8) }
        if target[pathStart] == UInt8(ascii: "?") {
            return ArraySlice("/".utf8) + target[pathStart...]
        }
        return target[pathStart...]
    }

    private static func parseQuery(_ query: ArraySlice<UInt8>) throws(ParsingError) -> [QueryItem] {
        var items: [QueryItem] = []
        for pair in query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = pair[..<(equals ?? pair.endIndex)]
            let rawValue = equals.map { pair[pair.index(after: $0)...] } ?? []
            let nameBytes = try PercentDecoding.decode(rawName, plusIsSpace: true, rejectingEncodedSlash: false)
            let valueBytes = try PercentDecoding.decode(rawValue, plusIsSpace: true, rejectingEncodedSlash: false)
            guard let name = PercentDecoding.text(from: nameBytes),
                  let value = PercentDecoding.text(from: valueBytes) else {
                throw ParsingError(problem: .queryNotText)
            }
            items.append(QueryItem(name: name, value: value))
        }
        return items
    }
}

/// Strict `%XX` decoding of URL parts.
enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as a space when asked); a malformed escape is an error.
    static func decode(
        _ bytes: ArraySlice<UInt8>,
        plusIsSpace: Bool,
        rejectingEncodedSlash: Bool
    ) throws(RequestTarget.ParsingError) -> [UInt8] {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.endIndex,
                      let high = hexValue(bytes[index + 1]),
                      let low = hexValue(bytes[index + 2]) else {
                    throw RequestTarget.ParsingError(problem: .malformedEscape)
                }
                let value = high << 4 | low
                // An encoded slash would let one path segment pretend to be two (or a traversal).
                if rejectingEncodedSlash, value == UInt8(ascii: "/") || value == UInt8(ascii: "\\") {
                    throw RequestTarget.ParsingError(problem: .encodedSlash)
                }
                decoded.append(value)
                index += 3
            case UInt8(ascii: "+") where plusIsSpace:
                decoded.append(UInt8(ascii: " "))
                index += 1
            default:
                decoded.append(byte)
                index += 1
            }
        }
        return decoded
    }

    /// The bytes as text if they are valid UTF-8 without NUL bytes.
    static func text(from bytes: [UInt8]) -> String? {
        guard !bytes.contains(0) else { return nil }
        return validUTF8(bytes)
    }

    /// The bytes as text if they are valid UTF-8 (decoding repairs invalid bytes, which changes them).
    static func validUTF8(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
