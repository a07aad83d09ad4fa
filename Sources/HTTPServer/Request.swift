/// An HTTP request as handlers see it: decoded path and query, headers, cookies and the full body.
public struct Request: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The percent-decoded path without the query, e.g. `/api/sessions/ABC/form`.
    public var path: String
    /// The first value per query parameter name, decoded (`+` is a space).
    public var query: [String: String]
    /// Every query parameter in order, decoded; repeated names are kept.
    public var queryItems: [(name: String, value: String)]
    /// The request's header fields.
    public var headers: HTTPHeaders
    /// Cookies parsed from the `Cookie` header(s); the first value per name wins.
    public var cookies: [String: String]
    /// The complete request body.
    public var body: [UInt8]
    /// Values of the route pattern's `{name}` segments, filled by the ``Router``.
    public var pathParameters: [String: String]
    /// The client's IP address as text, when known.
    public var remoteAddress: String?

    /// Creates a request; `query` is derived from `queryItems` and `cookies` from `headers` unless given.
    public init(
        method: HTTPMethod = .get,
        path: String = "/",
        query: [String: String]? = nil,
        queryItems: [(name: String, value: String)] = [],
        headers: HTTPHeaders = [:],
        cookies: [String: String]? = nil,
        body: [UInt8] = [],
        pathParameters: [String: String] = [:],
        remoteAddress: String? = nil
    ) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.query = query ?? Self.firstValues(of: queryItems)
        self.headers = headers
        self.cookies = cookies ?? Self.cookies(from: headers)
        self.body = body
        self.pathParameters = pathParameters
        self.remoteAddress = remoteAddress
    }

    /// The body decoded as UTF-8, or nil if it is not valid UTF-8.
    public var bodyText: String? {
        PercentDecoding.validUTF8(body)
    }

    static func firstValues(of items: [(name: String, value: String)]) -> [String: String] {
        var values: [String: String] = [:]
        for item in items where values[item.name] == nil {
            values[item.name] = item.value
        }
        return values
    }

    /// Parses `name=value; name2=value2` from every `Cookie` header; malformed pairs are skipped.
    ///
    /// Splits, trims and unquotes on UTF-8 bytes, not `Character`s: a combining mark right after `=`,
    /// `;`, a space or a quote would otherwise merge with it into one grapheme cluster and hide it.
    static func cookies(from headers: HTTPHeaders) -> [String: String] {
        let quote = UInt8(ascii: "\"")
        var cookies: [String: String] = [:]
        for header in headers.values(for: "Cookie") {
            for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
                guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
                let name = Substring(pair[..<equals]).trimmingSpaces()
                var value = Substring(pair[pair.index(after: equals)...]).trimmingSpaces()
                if value.utf8.count >= 2, value.utf8.first == quote, value.utf8.last == quote {
                    value = String(Substring(value.utf8.dropFirst().dropLast()))
                }
                if !name.isEmpty, cookies[name] == nil {
                    cookies[name] = value
                }
            }
        }
        return cookies
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs, found as bytes so that a combining
    /// mark after a space cannot shield it.
    func trimmingSpaces() -> String {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }),
              let last = utf8.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(Substring(utf8[first...last]))
    }
}
