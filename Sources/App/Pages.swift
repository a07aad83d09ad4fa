import HTTPServer

/// The browser pages: files from `Static/`, some under friendly paths.
struct Pages: Sendable {
    let staticFiles: StaticFiles

    /// The file at `relativePath` inside `Static/`, or a 404.
    func file(_ relativePath: String, _ request: Request) -> Response {
        staticFiles.response(forPath: relativePath, request: request)
    }
}
