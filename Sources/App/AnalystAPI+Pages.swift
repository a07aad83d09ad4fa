import HTTPServer

extension AnalystAPI {
    /// The check of an analysis page: the `{id}` names a run, else a 404 page.
    func requireRun(_ request: Request) throws {
        _ = try storedRun(request.pathParameters["id"])
    }
}
