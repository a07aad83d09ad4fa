import Authentication
import Foundation
import HTTPServer

/// The browser pages: files from `Static/`, some under friendly paths.
struct Pages: Sendable {
    let staticFiles: StaticFiles
    let gate: StaffGate

    /// The file at `relativePath` inside `Static/`, or a 404.
    func file(_ relativePath: String, _ request: Request) -> Response {
        staticFiles.response(forPath: relativePath, request: request)
    }

    /// The response, which the service's own pages may now show in a frame (and nobody else).
    static func allowingFramesFromItself(_ response: Response) -> Response {
        // Only the page itself: a redirect to the login page stays unframable.
        guard response.status == .ok else { return response }
        var framable = response
        framable.headers["X-Frame-Options"] = "SAMEORIGIN"
        framable.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'"
        return framable
    }

    /// A staff page: the file for a logged-in member of `roles`, otherwise the login page (303).
    func staffPage(_ relativePath: String, _ request: Request, roles: Set<Role>) throws -> Response {
        do {
            _ = try gate.admit(request, roles: roles)
        } catch AppError.notLoggedIn {
            let next = request.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_"))) ?? "/staff"
            return .redirect(to: "/login?next=\(next)")
        }
        return file(relativePath, request)
    }
}
