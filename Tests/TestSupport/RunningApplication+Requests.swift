import App
import Forms
import Foundation
import HTTPServer

extension RunningApplication {
    // MARK: In process: the router, no socket

    /// The `Host` an in-process request carries (the QR code and tablet links are built from it).
    public var hostHeader: String {
        application.port == 0 ? "127.0.0.1:8080" : "127.0.0.1:\(application.port)"
    }

    /// Sends one request through `application.router`, as the server would after parsing it.
    ///
    /// `target` is a path with an optional query (`/api/analyst/export?sessions=A&format=csv`).
    /// A body gets `contentType`; `login` adds its cookie, and its CSRF token to a state-changing request.
    public func handle(
        _ method: HTTPMethod, _ target: String, body: [UInt8]? = nil, contentType: String? = "application/json",
        headers extra: HTTPHeaders = [:], as login: StaffLogin? = nil
    ) async -> Response {
        var headers: HTTPHeaders = ["Host": hostHeader]
        if body != nil, let contentType {
            headers["Content-Type"] = contentType
        }
        if let login {
            headers["Cookie"] = login.cookie
            if ![HTTPMethod.get, .head].contains(method) {
                headers["X-CSRF-Token"] = login.csrfToken
            }
        }
        for field in extra {
            headers[field.name] = field.value
        }
        let (path, queryItems) = Self.split(target: target)
        let request = Request(
            method: method, path: path, queryItems: queryItems, headers: headers, body: body ?? [], remoteAddress: "127.0.0.1")
        return await application.router.handle(request)
    }

    /// Sends `json` as the body of a request through the router.
    public func handle(
        _ method: HTTPMethod, _ target: String, json: JSONValue, headers: HTTPHeaders = [:], as login: StaffLogin? = nil
    ) async -> Response {
        await handle(method, target, body: json.bytes, headers: headers, as: login)
    }

    /// `GET target` through the router.
    public func get(_ target: String, headers: HTTPHeaders = [:], as login: StaffLogin? = nil) async -> Response {
        await handle(.get, target, headers: headers, as: login)
    }

    /// `POST target` with a JSON body through the router.
    public func post(_ target: String, json: JSONValue, headers: HTTPHeaders = [:], as login: StaffLogin? = nil) async -> Response {
        await handle(.post, target, json: json, headers: headers, as: login)
    }

    /// Posts `submission` to the session's responses through the router.
    public func submit(_ submission: JSONValue, to code: String) async -> Response {
        await post("/api/sessions/\(code)/responses", json: submission)
    }

    /// A path and its decoded query items (`+` is a space), as the server would hand them to the router.
    static func split(target: String) -> (path: String, queryItems: [(name: String, value: String)]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let decode = { (text: Substring) in
            let spaced = text.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        guard parts.count == 2 else { return (path, []) }
        let items = parts[1].split(separator: "&").map { pair in
            let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (name: decode(nameAndValue[0]), value: nameAndValue.count > 1 ? decode(nameAndValue[1]) : "")
        }
        return (path, items)
    }

    // MARK: Over a socket: the server started with `listening: true`

    /// A new connection to the listening server.
    public func connect(readTimeout: Duration = Poll.defaultTimeout) throws -> RawHTTPConnection {
        guard application.port > 0 else { throw TestFailure("the application is not listening: create it with listening: true") }
        return try RawHTTPConnection(port: application.port, readTimeout: readTimeout)
    }

    /// Sends a well-formed request on a new connection and reads its response.
    public func exchange(_ method: String = "GET", _ target: String, headers: [String] = [], body: [UInt8] = []) throws -> RawHTTPResponse {
        try connect().exchange(method: method, target: target, headers: headers, body: body)
    }

    /// Sends `bytes` exactly as they are on a new connection; the response, or nil when the server closed without one.
    public func exchange(raw bytes: [UInt8]) throws -> RawHTTPResponse? {
        let connection = try connect()
        do {
            try connection.send(bytes)
        } catch RawHTTPError.writeFailed {
            // Closed while we were still writing: whatever it said before closing is still readable.
        }
        return try connection.readResponseIfAny()
    }

    /// Sends `text` exactly as it is on a new connection; the response, or nil when the server closed without one.
    public func exchange(raw text: String) throws -> RawHTTPResponse? {
        try exchange(raw: Array(text.utf8))
    }

    /// The status `/healthz` answers over a new connection: 200 while the service is well.
    public func healthCheck() throws -> Int {
        try exchange("GET", "/healthz").status
    }
}
