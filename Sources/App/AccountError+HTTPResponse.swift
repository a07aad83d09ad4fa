import Forms
import HTTPServer
import Storage

extension AccountError: HTTPResponseError {
    /// The answer in Danish, for callers without a request.
    public var response: Response { response(in: .da) }

    /// The answer in the request's language.
    public func response(to request: Request) -> Response {
        response(in: RequestLanguage.of(request))
    }

    private func response(in language: Language) -> Response {
        let status: HTTPStatus = switch self {
        case .notFound: .notFound
        case .linkNotValid: .gone
        case .lastAdmin, .hasHistory, .disabled, .administratorExists: .conflict
        }
        return .error(status, reason: wording.text(in: language))
    }

    /// Why, in both languages, with what to do instead.
    var wording: LocalizedText {
        switch self {
        case .notFound:
            LocalizedText(da: "Kontoen findes ikke (den kan være slettet). Genindlæs siden.",
                          en: "The account does not exist (it may have been deleted). Reload the page.")
        case .lastAdmin(let email):
            LocalizedText(
                da: "\(email) er den sidste aktive administrator. Giv en anden konto rollen administrator først.",
                en: "\(email) is the last enabled administrator. Give another account the administrator role first.")
        case .hasHistory(let email):
            LocalizedText(
                da: "\(email) har været logget ind eller har gjort noget i systemet, så kontoen kan ikke slettes. Deaktivér den i stedet; så bevares revisionsloggen.",
                en: "\(email) has logged in or acted in the system, so the account cannot be deleted. Disable it instead; that keeps the audit log intact.")
        case .disabled(let email):
            LocalizedText(da: "\(email) er deaktiveret. Aktivér kontoen først.", en: "\(email) is disabled. Enable the account first.")
        case .linkNotValid:
            LocalizedText(
                da: "Linket virker ikke: det er allerede brugt, eller det er udløbet. Bed en administrator om et nyt link.",
                en: "The link does not work: it has been used already, or it has expired. Ask an administrator for a new link.")
        case .administratorExists:
            LocalizedText(
                da: "Der er allerede en administrator, så opsætningslinket bruges ikke længere. Log ind i stedet.",
                en: "There is an administrator already, so the setup link is no longer used. Log in instead.")
        }
    }
}

extension HTTPStatus {
    /// 410 Gone: what the request names existed and is no longer usable (a used or expired link).
    static let gone = HTTPStatus(code: 410, reason: "Gone")
}
