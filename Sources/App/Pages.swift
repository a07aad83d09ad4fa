import Authentication
import Forms
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
    ///
    /// Someone logged in who may not see the page, or who asks for a thing `checking` cannot find,
    /// gets an HTML page in their language that says so and leads back (see ``ErrorPage``).
    func staffPage(_ relativePath: String, _ request: Request, roles: Set<Role>, checking: PageSubjectCheck? = nil) throws -> Response {
        try refusingInHTML(request, roles: roles, file: relativePath) {
            try checking?(request)
            return file(relativePath, request)
        }
    }

    /// A path under the staff or analyst pages that no page has: a 404 page for the logged-in,
    /// the login page for others (so the path reveals nothing to them).
    func missingPage(_ request: Request, roles: Set<Role>) throws -> Response {
        try refusingInHTML(request, roles: roles, file: nil) {
            throw AppError.notFound(LocalizedText(
                da: "Der er ingen side på adressen \(request.path).", en: "There is no page at the address \(request.path)."))
        }
    }

    /// Runs `page` for a logged-in member of `roles`; an ``AppError`` becomes an ``ErrorPage``.
    private func refusingInHTML(
        _ request: Request, roles: Set<Role>, file: String?, _ page: () throws -> Response
    ) throws -> Response {
        guard let identity = try gate.identity(of: request) else { return .redirect(to: Self.loginAddress(returningTo: request.path)) }
        do {
            try gate.authorize(identity, request, roles: roles)
            return try page()
        } catch let error as AppError {
            return ErrorPage(error: error, path: request.path, identity: identity, allowedRoles: roles, file: file,
                             language: RequestLanguage.of(request)).response
        }
    }

    /// The login page, which comes back to `path` afterwards.
    static func loginAddress(returningTo path: String) -> String {
        let next = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_"))) ?? "/staff"
        return "/login?next=\(next)"
    }
}

/// What a page about one thing (a meeting, an analysis) checks before it is shown: that the thing
/// exists. It throws the ``AppError`` that says it does not (a 404).
typealias PageSubjectCheck = @Sendable (Request) throws -> Void
