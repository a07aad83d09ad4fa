/// A registered route: a method and the path pattern it answers, e.g. `GET /api/sessions/{code}`.
public struct Route: Sendable, Hashable, CustomStringConvertible {
    /// The method the route answers.
    public let method: HTTPMethod
    /// The path pattern as registered.
    public let pattern: String

    /// The method and pattern, e.g. `"GET /static/{path...}"`.
    public var description: String { "\(method) \(pattern)" }
}

/// A parsed path pattern: literal segments, `{name}` segments and an optional trailing `{name...}`.
struct RoutePattern: Sendable {
    /// One segment of a pattern.
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case rest(String)
    }

    /// A successful match: the captured parameters and a rank (higher is more specific).
    struct Match {
        var parameters: [String: String]
        var rank: [Int]
    }

    let segments: [Segment]

    /// Parses a pattern; malformed patterns are programmer errors and stop the program at registration.
    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "route pattern must start with /: \(pattern)")
        let parts = Self.split(path: pattern)
        segments = parts.enumerated().map { index, part in
            guard part.hasPrefix("{"), part.hasSuffix("}") else {
                precondition(!part.contains("{") && !part.contains("}"), "malformed route segment in \(pattern)")
                return .literal(String(part))
            }
            let name = part.dropFirst().dropLast()
            if name.hasSuffix("...") {
                precondition(index == parts.count - 1, "{name...} must be the last segment in \(pattern)")
                return .rest(String(name.dropLast(3)))
            }
            precondition(!name.isEmpty, "empty parameter name in \(pattern)")
            return .parameter(String(name))
        }
    }

    /// The segments of a path that starts with `/` (a trailing slash gives an empty last segment).
    ///
    /// Splits UTF-8 bytes, not `Character`s: a combining mark right after `/` would merge with it
    /// into one Character, hide the separator and let a `{name}` parameter hold a `/`.
    static func split(path: String) -> [Substring] {
        path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Matches split path segments against the pattern.
    func match(_ pathSegments: [Substring]) -> Match? {
        // Every request is tried against every route: reject without allocating first.
        guard fits(pathSegments) else { return nil }
        var match = Match(parameters: [:], rank: [])
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .rest(let name):
                // `/files/{path...}` takes `/files/` and below, never `/files` itself: that path is a
                // route of its own, which a rest, ranked by its longer pattern, would otherwise win.
                guard index < pathSegments.count else { return nil }
                match.parameters[name] = pathSegments.dropFirst(index).joined(separator: "/")
                match.rank.append(0)
                return match
            case .literal(let text):
                guard index < pathSegments.count, pathSegments[index] == text else { return nil }
                match.rank.append(2)
            case .parameter(let name):
                guard index < pathSegments.count, !pathSegments[index].isEmpty else { return nil }
                match.parameters[name] = String(pathSegments[index])
                match.rank.append(1)
            }
        }
        return segments.count == pathSegments.count ? match : nil
    }

    /// Whether the segments match, without capturing anything.
    private func fits(_ pathSegments: [Substring]) -> Bool {
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .rest:
                return index < pathSegments.count
            case .literal(let text):
                guard index < pathSegments.count, pathSegments[index] == text else { return false }
            case .parameter:
                guard index < pathSegments.count, !pathSegments[index].isEmpty else { return false }
            }
        }
        return segments.count == pathSegments.count
    }
}
