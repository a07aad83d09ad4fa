import Forms
import HTTPServer

/// The `Host` a browser reached the service by, checked before it goes into the addresses the service hands out.
///
/// Tablet links and QR codes are built from it. A value that is not a plain host and port, too
/// long for a QR code or carrying `#`, `@`, `/` or spaces that would send a scanning tablet
/// somewhere else, is refused with a 400 rather than encoded, or failing later as a 500.
enum HostHeader {
    /// The longest accepted value: a full DNS name (253 characters), a colon and a port.
    static let maximumLength = 253 + 6

    /// The service's address as `http://host[:port]`; a request without `Host` (HTTP/1.0) gets the loopback address.
    static func baseURL(of request: Request) throws(AppError) -> String {
        let value = request.headers["Host"] ?? ""
        guard !value.isEmpty else { return "http://127.0.0.1" }
        guard isHostAndPort(value) else {
            throw .malformedRequest(reason: LocalizedText(
                da: "Host-headeren skal være et værtsnavn eller en adresse med et eventuelt portnummer",
                en: "the Host header must be a host name or address with an optional port"), field: "Host")
        }
        return "http://\(value)"
    }

    /// Whether `value` is `name[:port]`, `ipv4[:port]` or `[ipv6][:port]` in plain ASCII.
    ///
    /// Percent escapes and the sub-delimiters RFC 3986 also allows in a name are refused: no
    /// browser sends them, and each would need escaping in every link built from the name.
    static func isHostAndPort(_ value: String) -> Bool {
        guard value.utf8.count <= maximumLength else { return false }
        let host: Substring
        let port: Substring?
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return false }
            host = value[value.index(after: value.startIndex)..<close]
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            port = rest.isEmpty ? nil : rest.dropFirst()
            guard host.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == ":" || $0 == ".") }) else { return false }
        } else {
            let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            host = parts[0]
            port = parts.count == 2 ? parts[1] : nil
            // RFC 3986's unreserved characters; `_` appears in container host names.
            guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._~".contains($0)) }) else { return false }
        }
        guard !host.isEmpty else { return false }
        guard let port else { return true }
        return (1...5).contains(port.count) && port.allSatisfy { $0.isASCII && $0.isNumber } && Int(port).map { $0 <= 65535 } == true
    }
}
