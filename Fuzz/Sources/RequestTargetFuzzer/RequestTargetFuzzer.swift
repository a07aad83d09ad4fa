import FuzzSupport
@testable import HTTPServer

/// Feeds bytes as the raw request target (`/path?query`) to `RequestTarget`, the URL and query parser,
/// and the decoded path through the router's `/static/{path...}` pattern to the static-file guard.
@main
enum RequestTargetFuzzer: FuzzTarget {
    static func test(_ raw: [UInt8]) {
        guard let target = try? RequestTarget(raw: raw) else { return }
        Invariant.check(target.path.utf8.first == UInt8(ascii: "/"), "the path '\(target.path)' does not start with /")
        Invariant.check(!target.path.utf8.contains(0), "the path contains a NUL byte")
        for item in target.queryItems {
            Invariant.check(!item.name.utf8.contains(0) && !item.value.utf8.contains(0), "a query item contains a NUL byte")
        }
        if raw.first == UInt8(ascii: "/") {
            checkNoSeparatorWasDecoded(raw: raw, path: target.path)
        }
        let serialized = URLText.serialize(target)
        Invariant.check(
            (try? RequestTarget(raw: serialized)) == target,
            "parsing the serialized target gives another one: \(String(decoding: serialized, as: UTF8.self))"
        )
        if let filePath = staticRoute.match(RoutePattern.split(path: target.path))?.parameters["path"] {
            checkStaticFilesStayInside(relativePath: filePath)
        }
    }

    /// The route the App serves `Static/` through.
    static let staticRoute = RoutePattern("/static/{path...}")

    /// `%2F` and `%5C` never become separators: the decoded path has the raw path's slashes and backslashes.
    static func checkNoSeparatorWasDecoded(raw: [UInt8], path: String) {
        let rawPath = raw.prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        for separator in [UInt8(ascii: "/"), UInt8(ascii: "\\")] {
            Invariant.check(
                rawPath.count { $0 == separator } == path.utf8.count { $0 == separator },
                "decoding changed the number of '\(Character(UnicodeScalar(separator)))' in the path '\(path)'"
            )
        }
    }

    /// Whatever `StaticFiles` accepts has no `.` or `..` component, no hidden name, no backslash and
    /// no NUL, as the file system splits it (on the byte `/`), and so stays below its root.
    static func checkStaticFilesStayInside(relativePath: String) {
        guard let segments = StaticFiles.safeSegments(of: relativePath) else { return }
        let joined = segments.joined(separator: "/").utf8
        Invariant.check(!joined.contains(0) && !joined.contains(UInt8(ascii: "\\")), "StaticFiles accepted a NUL or backslash in '\(relativePath)'")
        for component in joined.split(separator: UInt8(ascii: "/")) {
            Invariant.check(component.first != UInt8(ascii: "."), "StaticFiles accepted the component '\(String(decoding: component, as: UTF8.self))' of '\(relativePath)'")
        }
    }
}
