import Foundation
import HTTPServer

/// The address tablets reach the service by: `--public-url` when it was given, else the `Host`
/// the browser used.
///
/// Every tablet link, QR code and one-time link is built from it. Without `--public-url`, a page
/// opened on the server itself (`http://127.0.0.1:8080`) would print a QR code no tablet can
/// reach; ``problem(of:)`` names that, so the pages can warn before anything is printed.
public struct PublicAddress: Sendable {
    /// The configured base URL, normalised (`https://borgerdialog.kommune.dk`); nil: use the request's `Host`.
    public let configured: String?

    /// Why tablets would not reach an address.
    public enum Problem: String, Sendable {
        /// `localhost`, 127.0.0.0/8, `::1` (or the unspecified 0.0.0.0): only the server itself.
        case loopback
        /// 169.254.0.0/16 or fe80::/10: only the one network segment, and never stable.
        case linkLocal
    }

    /// An address from a configuration; an invalid `--public-url` throws ``PublicURLError``.
    public init(configured text: String?) throws {
        configured = try text.map(Self.normalized)
    }

    /// The base URL for links handed out in answer to `request`.
    func baseURL(for request: Request) throws(AppError) -> String {
        if let configured { return configured }
        return try HostHeader.baseURL(of: request)
    }

    /// `text` as a base URL: `http` or `https`, a host (and port), nothing after it but one `/`.
    public static func normalized(_ text: String) throws(PublicURLError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.percentEncodedHost, !host.isEmpty,
              components.user == nil, components.password == nil, components.query == nil, components.fragment == nil,
              components.percentEncodedPath.isEmpty || components.percentEncodedPath == "/"
        else { throw PublicURLError(text: text) }
        // Foundation gives an IPv6 host with or without its brackets, depending on the version.
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let hostAndPort = bracketed.lowercased() + (components.port.map { ":\($0)" } ?? "")
        guard HostHeader.isHostAndPort(hostAndPort) else { throw PublicURLError(text: text) }
        return "\(scheme)://\(hostAndPort)"
    }

    /// Whether tablets could not reach `baseURL` (`http://host[:port]`), and why.
    public static func problem(of baseURL: String) -> Problem? {
        guard let host = URLComponents(string: baseURL)?.host?.lowercased() else { return nil }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" || bare == "::" || bare == "0.0.0.0" {
            return .loopback
        }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        if octets.count == 4 {
            if octets[0] == 127 { return .loopback }
            if octets[0] == 169 && octets[1] == 254 { return .linkLocal }
            return nil
        }
        if bare.contains(":"), let first = bare.split(separator: ":").first, let group = UInt16(first, radix: 16),
           group & 0xffc0 == 0xfe80 {
            return .linkLocal
        }
        return nil
    }
}

/// A `--public-url` that is not a base address tablets can open.
public struct PublicURLError: Error, CustomStringConvertible, Sendable {
    /// What was given.
    public let text: String

    /// The reason, Danish first.
    public var description: String {
        "--public-url \"\(text)\" skal være en adresse som https://borgerdialog.kommune.dk (http eller https, værtsnavn og evt. port, "
            + "intet efter) / must be an address like https://borgerdialog.kommune.dk (http or https, host and optional port, nothing after it)"
    }
}
