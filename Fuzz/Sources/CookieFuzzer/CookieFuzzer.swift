import FuzzSupport
@testable import HTTPServer

/// Feeds bytes as `Cookie` header values (one per line, as MHD hands them over: invalid UTF-8
/// repaired) to the request's cookie parser.
@main
enum CookieFuzzer: FuzzTarget {
    static func test(_ bytes: [UInt8]) {
        let values = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        // Alternate the header name's case: names are case-insensitive.
        let headers = HTTPHeaders(values.enumerated().map { ($0.offset.isMultiple(of: 2) ? "Cookie" : "cookie", $0.element) })
        let cookies = Request.cookies(from: headers)
        for (name, value) in cookies {
            checkName(name)
            Invariant.check(!value.utf8.contains(UInt8(ascii: ";")), "the value of '\(name)' contains ';': '\(value)'")
        }
        for value in values {
            checkEveryPairIsFound(in: value, cookies: cookies)
        }
        checkRoundTrip(cookies)
    }

    static func checkName(_ name: String) {
        let bytes = Array(name.utf8)
        Invariant.check(!bytes.isEmpty, "an empty cookie name")
        Invariant.check(!bytes.contains(UInt8(ascii: ";")) && !bytes.contains(UInt8(ascii: "=")), "the cookie name '\(name)' contains ';' or '='")
        let blanks: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "\t")]
        Invariant.check(!blanks.contains(bytes[0]) && !blanks.contains(bytes[bytes.count - 1]), "the cookie name '\(name)' is not trimmed")
    }

    /// Every `;`-separated piece with an `=` and a non-blank name before it gives a cookie of that name.
    static func checkEveryPairIsFound(in header: String, cookies: [String: String]) {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = pair[..<equals].drop(while: isBlank).reversed().drop(while: isBlank).reversed()
            guard !name.isEmpty else { continue }
            let nameText = String(decoding: name, as: UTF8.self)
            Invariant.check(cookies[nameText] != nil, "the pair '\(String(decoding: pair, as: UTF8.self))' gave no cookie '\(nameText)'")
        }
    }

    /// Writing the cookies back as `name="value"; ...` and parsing that gives the same cookies.
    static func checkRoundTrip(_ cookies: [String: String]) {
        let header = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: "; ")
        let parsed = Request.cookies(from: ["Cookie": header])
        Invariant.check(parsed == cookies, "writing the cookies back and parsing them changes them: \(header)")
    }
}
