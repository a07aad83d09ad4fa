import Forms
import HTTPServer
import Storage

extension StorageError: HTTPResponseError {
    /// The answer in Danish, for callers without a request.
    public var response: Response { response(in: .da) }

    /// The answer in the request's language (`?lang=`, then `Accept-Language`, else Danish).
    public func response(to request: Request) -> Response {
        response(in: RequestLanguage.of(request))
    }

    /// Storage trouble the client can do nothing about is a 503 with the reason, so a tablet retries later.
    ///
    /// The reason speaks of any write, not only answers: staff actions meet the same faults.
    func response(in language: Language) -> Response {
        switch self {
        case .sessionNotFound(let code):
            .error(.notFound, reason: LocalizedText(da: "Der findes ikke et dialogmøde med koden \(code).",
                                                    en: "No dialogue session has the code \(code).").text(in: language))
        case .diskFull, .readOnly, .closed:
            .error(.serviceUnavailable, reason: unavailableReason.text(in: language))
        default:
            .error(.internalServerError, reason: ServerRefusal.internalError.wording.text(in: language))
        }
    }

    /// Why nothing could be stored; the English keeps SQLite's own words for whoever reads the log.
    var unavailableReason: LocalizedText {
        let danish = switch self {
        case .diskFull: "serverens disk er fuld"
        case .readOnly: "databasen kan ikke skrives lige nu"
        default: "databasen er lukket"
        }
        return LocalizedText(da: "Prøv igen senere: \(danish), så intet blev gemt.", en: "Try again later: \(description)")
    }
}
