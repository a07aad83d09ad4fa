import HTTPServer

extension StaffSessionsAPI {
    /// The check of the meeting pages: the `{code}` names a meeting, else `sessionNotFound` (a 404 page).
    func requireSession(_ request: Request) throws {
        _ = try sessions.session(code: request.pathParameters["code"] ?? "")
    }
}
