import Forms
import HTTPServer
import Storage

extension SessionChangeError: HTTPResponseError {
    /// The answer in Danish, for callers without a request.
    public var response: Response { response(in: .da) }

    /// The answer in the request's language: always 409, the meeting is not in a state for this.
    public func response(to request: Request) -> Response {
        response(in: RequestLanguage.of(request))
    }

    private func response(in language: Language) -> Response {
        .error(.conflict, reason: wording.text(in: language))
    }

    /// Why, in both languages, with what to do instead.
    var wording: LocalizedText {
        switch self {
        case .closed(let code):
            LocalizedText(da: "Mødet \(code) er lukket, så dets oplysninger kan ikke længere ændres.",
                          en: "The meeting \(code) is closed, so its details can no longer be changed.")
        case .formFixed(let code):
            LocalizedText(
                da: "Mødet \(code) er åbnet, så spørgeskemaet ligger fast. Lav en kopi af mødet, hvis du vil bruge et andet spørgeskema.",
                en: "The meeting \(code) has been opened, so its form is fixed. Duplicate the meeting to use another form.")
        case .notDeletable(let code, let status):
            LocalizedText(
                da: "Mødet \(code) er \(Self.danish(status)). Kun kladder kan slettes; et lukket møde kan arkiveres i stedet.",
                en: "The meeting \(code) is \(status.rawValue). Only drafts can be deleted; a closed meeting can be archived instead.")
        case .notClosed(let code, let status):
            LocalizedText(
                da: "Mødet \(code) er \(Self.danish(status)). Kun lukkede møder kan arkiveres.",
                en: "The meeting \(code) is \(status.rawValue). Only closed meetings can be archived.")
        }
    }

    private static func danish(_ status: SessionStatus) -> String {
        switch status {
        case .draft: "en kladde"
        case .open: "åbent"
        case .closed: "lukket"
        }
    }
}
