import HTTPServer
import QRCode

/// The QR code a printed meeting sheet shows: scanning it opens the session on a tablet.
struct QRCodeAPI: Sendable {
    let sessions: SessionDirectory
    let address: PublicAddress

    /// `GET /api/sessions/{code}/qr.svg`.
    func svg(_ request: Request) throws -> Response {
        let session = try sessions.session(code: request.pathParameters["code"] ?? "")
        let url = "\(try address.baseURL(for: request))/s/\(session.code)"
        let code = try QRCode(text: url, errorCorrection: .medium)
        var response = Response.text(code.svg(moduleSize: 8, quietZone: 4, title: "QR-kode til \(url)"))
        response.headers["Content-Type"] = "image/svg+xml; charset=utf-8"
        response.headers["Cache-Control"] = "no-cache"
        return response
    }
}

extension QRCodeError: HTTPResponseError {
    /// A URL too long for a QR code is the server's problem, not the client's.
    public var response: Response { .error(.internalServerError, reason: "internal error") }
}
