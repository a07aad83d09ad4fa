#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves files below one folder, with content types, cache headers and ETags, never outside it.
public struct StaticFiles: Sendable {
    /// The folder's resolved real path, or nil if it does not exist (then every file is 404).
    public let rootPath: String?
    private let cache = StaticFileCache()

    /// Serves files below `root`, which is resolved once (symlinks and `..` removed).
    public init(root: String) {
        rootPath = Self.realPath(root)
    }

    /// The file at `relativePath` below the root (`index.html` for a folder), a 304, or a JSON 404.
    ///
    /// `relativePath` is the already decoded rest of the URL path (e.g. a `{path...}` parameter).
    /// `..` and `.` segments, hidden names, NUL bytes, backslashes and absolute paths are refused, and
    /// the resolved real path must lie inside the root, so symlinks cannot lead out of it.
    public func response(forPath relativePath: String, request: Request) -> Response {
        if let cached = cache.entry(forRequestedPath: relativePath), Self.fileInfo(cached.path) == cached.info {
            return response(for: cached, request: request)
        }
        guard let rootPath, let segments = Self.safeSegments(of: relativePath) else {
            return Self.notFound
        }
        let candidate = ([rootPath] + segments).joined(separator: "/")
        guard var file = contained(candidate), var info = Self.fileInfo(file) else {
            return Self.notFound
        }
        if info.isDirectory {
            guard let index = contained(file + "/index.html"), let indexInfo = Self.fileInfo(index) else {
                return Self.notFound
            }
            (file, info) = (index, indexInfo)
        }
        guard info.isRegularFile, let body = Self.contents(ofFile: file) else {
            return Self.notFound
        }
        let entry = StaticFileCache.Entry(path: file, info: info, body: body)
        cache.remember(entry, forRequestedPath: relativePath)
        return response(for: entry, request: request)
    }

    /// The file's bytes, or a 304 when the client's copy is current.
    private func response(for file: StaticFileCache.Entry, request: Request) -> Response {
        var headers: HTTPHeaders = [
            "ETag": file.info.entityTag,
            "Cache-Control": Self.cacheControl(forFile: file.path),
        ]
        if Self.matches(file.info.entityTag, ifNoneMatch: request.headers.values(for: "If-None-Match")) {
            return Response(status: .notModified, headers: headers)
        }
        headers["Content-Type"] = Self.contentType(forFile: file.path)
        return Response(status: .ok, headers: headers, body: file.body)
    }

    private static var notFound: Response {
        .error(.notFound, reason: "no such file")
    }

    /// The path's segments if none of them could escape or reach hidden files; nil otherwise.
    ///
    /// Checks UTF-8 bytes, as the file system does, not `Character`s: a prepended mark before `/`
    /// or a joiner after `\` would merge with it into one grapheme cluster and slip past.
    static func safeSegments(of relativePath: String) -> [String]? {
        let bytes = relativePath.utf8
        guard bytes.first != UInt8(ascii: "/"), !bytes.contains(0), !bytes.contains(UInt8(ascii: "\\")) else {
            return nil
        }
        let segments = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        // "." and ".." and every hidden name (".git", ".env") start with a dot.
        guard !segments.contains(where: { $0.first == UInt8(ascii: ".") }) else {
            return nil
        }
        return segments.map { String(Substring($0)) }
    }

    /// The real path of `path` if it exists and lies inside the root.
    private func contained(_ path: String) -> String? {
        guard let rootPath, let resolved = Self.realPath(path) else { return nil }
        let isInside = resolved == rootPath || resolved.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
        return isInside ? resolved : nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func matches(_ entityTag: String, ifNoneMatch headerValues: [String]) -> Bool {
        for value in headerValues {
            for candidate in value.split(separator: ",") {
                let tag = candidate.trimmingSpaces()
                // If-None-Match uses weak comparison: W/"x" matches "x".
                if tag == "*" || tag == entityTag || tag == "W/" + entityTag {
                    return true
                }
            }
        }
        return false
    }
}
