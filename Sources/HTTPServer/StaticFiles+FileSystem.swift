#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StaticFiles {
    /// What `stat` says about a file, reduced to what serving it needs.
    struct FileInfo: Sendable, Equatable {
        var isDirectory: Bool
        var isRegularFile: Bool
        var size: Int
        var modificationSeconds: Int
        var modificationNanoseconds: Int

        /// A strong validator from size and modification time: it changes whenever the file is rewritten.
        var entityTag: String {
            "\"" + [size, modificationSeconds, modificationNanoseconds].map { String($0, radix: 16) }.joined(separator: "-") + "\""
        }
    }

    static func fileInfo(_ path: String) -> FileInfo? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let type = status.st_mode & S_IFMT
        #if canImport(Darwin)
        let modification = status.st_mtimespec
        #else
        let modification = status.st_mtim
        #endif
        return FileInfo(
            isDirectory: type == S_IFDIR,
            isRegularFile: type == S_IFREG,
            size: Int(status.st_size),
            modificationSeconds: Int(modification.tv_sec),
            modificationNanoseconds: Int(modification.tv_nsec)
        )
    }

    /// The whole file, or nil if it cannot be read.
    static func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return contents }
            contents.append(contentsOf: buffer[..<count])
        }
    }

    /// The `Content-Type` for a file name's extension (`application/octet-stream` if unknown).
    static func contentType(forFile path: String) -> String {
        switch fileExtension(of: path) {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "webmanifest": "application/manifest+json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// HTML is revalidated on every use so new releases show at once; other assets may be cached an hour.
    static func cacheControl(forFile path: String) -> String {
        ["html", "htm"].contains(fileExtension(of: path)) ? "no-cache" : "public, max-age=3600"
    }

    private static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
