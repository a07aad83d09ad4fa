import Authentication
import Exports
import Forms
import Foundation
import HTTPServer

/// A staff or analyst page that cannot be shown, as an HTML page in the request's language: what
/// happened in plain words, who may see the page, and a way back.
///
/// Only page routes answer with it; API calls keep their JSON errors. The status is the one the
/// error's JSON answer has, so a page and an API call refuse alike. The page has no inline script
/// or style (the server's CSP forbids them); `error-page.js` only wires "log in as someone else".
struct ErrorPage {
    /// Why the page cannot be shown.
    let error: AppError
    /// The path that was asked for.
    let path: String
    /// Who asked (pages only show these to someone logged in; others are sent to log in).
    let identity: StaffIdentity
    /// The roles that may see the page.
    let allowedRoles: Set<Role>
    /// The page's file in `Static/`, when the route has one (it names the page in the text).
    let file: String?
    /// The language to write in.
    let language: Language

    /// The HTML answer, with the status the error has.
    var response: Response {
        var response = Response.html(html, status: status)
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    /// Where this person's work starts: analysts have the analysis, everyone else the meetings.
    static func home(of role: Role) -> String {
        role == .analyst ? "/analyst" : "/staff"
    }

    private var status: HTTPStatus { error.response(in: language).status }

    private var home: String { Self.home(of: identity.role) }

    private func say(_ da: String, _ en: String) -> String {
        LocalizedText(da: da, en: en).text(in: language)
    }

    private var heading: String {
        switch status {
        case .forbidden: say("Du har ikke adgang til siden", "You do not have access to this page")
        case .notFound: say("Siden findes ikke", "Page not found")
        case .conflict: say("Siden kan ikke vises lige nu", "The page cannot be shown right now")
        default: say("Siden kan ikke vises", "The page cannot be shown")
        }
    }

    /// What happened, then what the person can do about it, paragraph by paragraph.
    private var paragraphs: [String] {
        switch status {
        case .forbidden:
            let page = Self.pageNames[file ?? ""] ?? LocalizedText(da: "Siden", en: "This page")
            return [
                say("\(page.da) er kun for \(Role.peopleList(allowedRoles, in: .da)).",
                    "\(page.en) is only for \(Role.peopleList(allowedRoles, in: .en))."),
                say("Du er logget ind som \(identity.email) (\(identity.role.name(in: .da))). "
                        + "Har du brug for adgang, så spørg en administrator i kommunen.",
                    "You are logged in as \(identity.email) (\(identity.role.name(in: .en))). "
                        + "If you need access, ask an administrator in the municipality."),
            ]
        case .notFound:
            return [
                error.reason(in: language),
                say("Måske er linket forkert eller forældet. Gå tilbage, og find det, du leder efter, derfra.",
                    "The link may be wrong or out of date. Go back and find what you are looking for from there."),
            ]
        default:
            return [error.reason(in: language)]
        }
    }

    private var html: String {
        let escape = MarkupText.escaped
        let other: Language = language == .da ? .en : .da
        let homeLabel = identity.role == .analyst
            ? say("Gå til analysen", "Go to the analysis") : say("Gå til dialogmøderne", "Go to the dialogue meetings")
        // After logging in as someone else, a refused page is worth a new try; a missing one is not.
        let next = status == .forbidden ? path : home
        let switchUser = Pages.loginAddress(returningTo: next)
        let who = say("Logget ind som \(identity.email) (\(identity.role.name(in: .da)))",
                      "Logged in as \(identity.email) (\(identity.role.name(in: .en)))")
        let samePathIn = (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? home) + "?lang=" + other.rawValue
        return """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex">
              <title>\(escape(heading)) – Borgerdialog</title>
              <link rel="stylesheet" href="/static/css/borgerdialog.css">
              <link rel="stylesheet" href="/static/staff/staff.css">
              <script src="/static/staff/error-page.js" defer></script>
            </head>
            <body class="staff">
              <a class="skip-link" href="#main">\(say("Spring til indhold", "Skip to content"))</a>
              <header class="staff-bar">
                <a class="brand" href="\(home)">Borgerdialog</a>
                <span class="staff-bar-fill"></span>
                <span class="who">\(escape(who))</span>
                <a id="language" class="bar-button" href="\(escape(samePathIn))" lang="\(other.rawValue)" hreflang="\(other.rawValue)" \
            data-language="\(other.rawValue)">\(other == .en ? "English" : "Dansk")</a>
              </header>
              <main id="main" class="staff-page error-page" tabindex="-1" data-status="\(status.code)">
                <p class="label">\(say("Fejlkode", "Error code")) \(status.code)</p>
                <h1>\(escape(heading))</h1>
            \(paragraphs.map { "    <p>\(escape($0))</p>" }.joined(separator: "\n"))
                <div class="actions">
                  <a id="home" class="button primary" href="\(home)">\(escape(homeLabel))</a>
                  <a id="switch-user" class="button secondary" href="\(escape(switchUser))">\(say("Log ind som en anden", "Log in as someone else"))</a>
                </div>
              </main>
            </body>
            </html>

            """
    }

    /// The pages a refusal names, by their file: "Revisionsloggen er kun for administratorer."
    private static let pageNames: [String: LocalizedText] = [
        "staff/audit.html": LocalizedText(da: "Revisionsloggen", en: "The audit log"),
        "staff/session.html": LocalizedText(da: "Mødesiden", en: "The meeting page"),
        "staff/print.html": LocalizedText(da: "QR-siden til udskrift", en: "The printable QR page"),
        "analyst/index.html": LocalizedText(da: "Analysen af svar", en: "The analysis of answers"),
        "analyst/run.html": LocalizedText(da: "Analysen af svar", en: "The analysis of answers"),
    ]
}
