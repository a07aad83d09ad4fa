/// How an ``HTTPServer`` listens, limits clients and decorates responses; every value has a default.
public struct HTTPServerConfiguration: Sendable {
    /// The address to bind, e.g. `127.0.0.1`, `0.0.0.0` or `::1`.
    public var host: String
    /// The TCP port; 0 asks the system for a free one (read it from ``HTTPServer/port``).
    public var port: Int
    /// How many threads poll sockets; handlers themselves run on Swift's concurrency pool.
    public var threadCount: Int
    /// The largest accepted request body; larger ones are answered 413.
    public var maxBodyBytes: Int
    /// Idle seconds after which a connection is closed.
    public var connectionTimeoutSeconds: Int
    /// The most connections open at once.
    public var connectionLimit: Int
    /// The most connections open at once from one IP address; 0 means no limit.
    public var perAddressConnectionLimit: Int
    /// Headers added to every response that does not set them itself.
    public var defaultHeaders: HTTPHeaders
    /// How long ``HTTPServer/stop()`` waits for requests in flight before closing them.
    public var shutdownGracePeriodSeconds: Double

    /// Headers that keep browsers from sniffing types, leaking referrers, framing pages or loading foreign code.
    public static let securityHeaders: HTTPHeaders = [
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ]

    /// Creates a configuration; every parameter has the documented default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        threadCount: Int = 4,
        maxBodyBytes: Int = 1_048_576,
        connectionTimeoutSeconds: Int = 30,
        connectionLimit: Int = 1000,
        perAddressConnectionLimit: Int = 0,
        defaultHeaders: HTTPHeaders = HTTPServerConfiguration.securityHeaders,
        shutdownGracePeriodSeconds: Double = 10
    ) {
        self.host = host
        self.port = port
        self.threadCount = threadCount
        self.maxBodyBytes = maxBodyBytes
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.connectionLimit = connectionLimit
        self.perAddressConnectionLimit = perAddressConnectionLimit
        self.defaultHeaders = defaultHeaders
        self.shutdownGracePeriodSeconds = shutdownGracePeriodSeconds
    }

    /// Checks the numbers before they reach the C library, which takes unsigned values.
    func validate() throws(HTTPServerError) {
        let checks: [(field: String, isValid: Bool, rule: String)] = [
            ("port", (0...65535).contains(port), "must be 0...65535"),
            ("threadCount", (1...1024).contains(threadCount), "must be 1...1024"),
            ("maxBodyBytes", maxBodyBytes >= 0, "must not be negative"),
            ("connectionTimeoutSeconds", (0...Int(UInt32.max)).contains(connectionTimeoutSeconds), "must be 0...\(UInt32.max)"),
            ("connectionLimit", (1...Int(UInt32.max)).contains(connectionLimit), "must be at least 1"),
            ("perAddressConnectionLimit", (0...Int(UInt32.max)).contains(perAddressConnectionLimit), "must not be negative"),
            ("shutdownGracePeriodSeconds", shutdownGracePeriodSeconds >= 0, "must not be negative"),
        ]
        if let failed = checks.first(where: { !$0.isValid }) {
            throw .invalidConfiguration(field: failed.field, reason: failed.rule)
        }
    }
}
