import Forms
import HTTPServer

/// What can go wrong in the application's own logic; each case decides its HTTP answer and says
/// why in Danish and English (the request's language picks one).
public enum AppError: Error, Equatable, CustomStringConvertible {
    /// No session has this join code.
    case sessionNotFound(code: String)
    /// The session has not been opened yet.
    case sessionNotOpen(code: String)
    /// The session is closed and the answer was not made while it was open.
    case sessionClosed(code: String)
    /// The request body is not the JSON this endpoint takes; `field` names the part, when one is wrong.
    case malformedRequest(reason: LocalizedText, field: String? = nil)
    /// The request body is not JSON at all.
    case unsupportedMediaType(String)
    /// The answers do not fit the form.
    case invalidAnswers([AnswerProblem])
    /// No form with this id is loaded.
    case formNotFound(id: String)
    /// A staff route was called without a valid login.
    case notLoggedIn
    /// The logged-in account's role may not do this.
    case forbidden(roleName: LocalizedText)
    /// A state-changing staff request without the right CSRF token.
    case csrfRejected
    /// Wrong e-mail or password (deliberately not saying which).
    case invalidCredentials
    /// Too many failed attempts; try again later.
    case throttled(retryAfterSeconds: Int)
    /// The kiosk PIN was wrong.
    case wrongKioskPin
    /// A session cannot move between these states.
    case invalidTransition(code: String, from: String, to: String)
    /// Staff input that does not fit, field by field.
    case invalidFields([FieldProblem])
    /// Something this request names does not exist (an analysis run, a decision, an account).
    case notFound(LocalizedText)
    /// The request does not fit the current state (nothing to publish, the last admin).
    case conflict(LocalizedText)
    /// A form definition with problems, each at its JSON path (or sheet, row and column).
    case invalidForm([DefinitionProblem])
    /// Library forms come from the forms folder and are changed there, or on a copy.
    case libraryFormIsReadOnly(id: String)
    /// A stored form version no longer decodes (should never happen: versions are never edited).
    case storedFormUnreadable(formVersionID: Int64, reason: String)

    /// The reason in a language, as the client shows it.
    public func reason(in language: Language) -> String {
        wording.text(in: language)
    }

    /// The reason in English, for logs.
    public var description: String { reason(in: .en) }

    private var wording: LocalizedText {
        switch self {
        case .sessionNotFound(let code):
            LocalizedText(da: "Der findes ikke et dialogmøde med koden \(code). Tjek koden, og prøv igen.",
                          en: "No dialogue session has the code \(code). Check the code and try again.")
        case .sessionNotOpen(let code):
            LocalizedText(da: "Dialogmødet \(code) er ikke åbnet endnu. Svar kan sendes, når mødelederen har åbnet det.",
                          en: "The session \(code) is not open yet. Answers can be sent once the facilitator opens it.")
        case .sessionClosed(let code):
            LocalizedText(da: "Dialogmødet \(code) er lukket, så der kan ikke sendes flere svar.",
                          en: "The session \(code) is closed; new answers are not accepted.")
        case .malformedRequest(let reason, let field):
            field.map { LocalizedText(da: "\($0): \(reason.da)", en: "\($0): \(reason.en)") } ?? reason
        case .unsupportedMediaType(let type):
            LocalizedText(da: "Forventede indholdstypen application/json, men fik \(type.isEmpty ? "ingen" : type).",
                          en: "Expected Content-Type application/json, got \(type.isEmpty ? "none" : type).")
        case .invalidAnswers(let problems):
            problems.count == 1
                ? LocalizedText(da: "Et af svarene skal rettes, før det kan sendes.", en: "One answer needs fixing before it can be sent.")
                : LocalizedText(da: "\(problems.count) af svarene skal rettes, før de kan sendes.",
                                en: "\(problems.count) answers need fixing before they can be sent.")
        case .formNotFound(let id):
            LocalizedText(da: "Der findes ikke et spørgeskema med id'et \(id).", en: "No form with the id \(id) exists.")
        case .storedFormUnreadable:
            LocalizedText(da: "Der opstod en intern fejl.", en: "internal error")
        case .notLoggedIn:
            LocalizedText(da: "Log ind først.", en: "Log in first.")
        case .forbidden(let role):
            LocalizedText(da: "Din rolle (\(role.da)) giver ikke adgang til dette.", en: "Your role (\(role.en)) may not do this.")
        case .csrfRejected:
            LocalizedText(da: "Siden er forældet. Genindlæs den, og prøv igen.",
                          en: "The request lacks a valid CSRF token; reload the page and try again.")
        case .invalidCredentials:
            LocalizedText(da: "Forkert e-mail eller adgangskode.", en: "Wrong e-mail or password.")
        case .throttled(let seconds):
            LocalizedText(da: "For mange forsøg. Vent \(seconds) sekunder, og prøv igen.",
                          en: "Too many failed attempts; try again in \(seconds) seconds.")
        case .wrongKioskPin:
            LocalizedText(da: "Forkert PIN-kode.", en: "Wrong PIN.")
        case .invalidTransition(let code, let from, let to):
            LocalizedText(da: "Mødet \(code) kan ikke gå fra \(Self.danishStatusName(from)) til \(Self.danishStatusName(to)).",
                          en: "Session \(code) cannot go from \(from) to \(to).")
        case .invalidFields(let problems):
            LocalizedText(
                da: "Nogle felter skal rettes: " + problems.map { "\($0.field): \($0.reason.da)" }.joined(separator: "; "),
                en: "Some fields do not fit: " + problems.map { "\($0.field): \($0.reason.en)" }.joined(separator: "; "))
        case .notFound(let what), .conflict(let what):
            what
        case .invalidForm(let problems):
            problems.count == 1
                ? LocalizedText(da: "Spørgeskemaet har et problem, der skal rettes.", en: "The form has a problem to fix.")
                : LocalizedText(da: "Spørgeskemaet har \(problems.count) problemer, der skal rettes.",
                                en: "The form has \(problems.count) problems to fix.")
        case .libraryFormIsReadOnly(let id):
            LocalizedText(
                da: "Spørgeskemaet \(id) hører til biblioteket og kan ikke ændres her. Lav en kopi, og ret i den.",
                en: "The form \(id) belongs to the library and cannot be changed here. Make a copy and change that.")
        }
    }

    private static func danishStatusName(_ status: String) -> String {
        ["draft": "kladde", "open": "åben", "closed": "lukket"][status] ?? status
    }
}

extension AppError: HTTPResponseError {
    /// The answer in Danish, for callers without a request.
    public var response: Response { response(in: .da) }

    /// The answer in the request's language (`?lang=`, then `Accept-Language`, else Danish).
    public func response(to request: Request) -> Response {
        response(in: RequestLanguage.of(request))
    }

    /// The JSON answer for this error in a language.
    func response(in language: Language) -> Response {
        let reason = reason(in: language)
        switch self {
        case .sessionNotFound, .formNotFound, .notFound: return .error(.notFound, reason: reason)
        case .sessionNotOpen, .sessionClosed, .invalidTransition, .conflict, .libraryFormIsReadOnly:
            return .error(.conflict, reason: reason)
        case .invalidForm(let problems):
            return .json(FormProblemsBody(error: reason, errors: problems.map { FormProblemsBody.Problem($0, language: language) }),
                         status: .unprocessableContent)
        case .malformedRequest(_, let field?):
            return .json(ErrorBody(error: reason, errors: [.init(field: field, reason: reason)]), status: .badRequest)
        case .malformedRequest: return .error(.badRequest, reason: reason)
        case .unsupportedMediaType: return .error(.unsupportedMediaType, reason: reason)
        case .invalidAnswers(let problems):
            return .json(InvalidAnswersBody(error: reason, errors: problems.map {
                .init(question: $0.field, reason: $0.reason(in: language))
            }), status: .unprocessableContent)
        case .storedFormUnreadable: return .error(.internalServerError, reason: reason)
        case .notLoggedIn, .invalidCredentials: return .error(.unauthorized, reason: reason)
        case .forbidden, .csrfRejected, .wrongKioskPin: return .error(.forbidden, reason: reason)
        case .throttled(let seconds):
            return Response.json(ThrottledBody(error: reason, retryAfterSeconds: seconds), status: .tooManyRequests)
                .withHeader("Retry-After", String(seconds))
        case .invalidFields(let problems):
            return .json(ErrorBody(error: reason, errors: problems.map { .init(field: $0.field, reason: $0.reason.text(in: language)) }),
                         status: .unprocessableContent)
        }
    }
}

/// One staff form field that does not fit, and why, in Danish and English.
public struct FieldProblem: Sendable, Equatable {
    /// The field's name in the request, e.g. `title` or `tables[2]`.
    public let field: String
    /// What is wrong with it.
    public let reason: LocalizedText

    /// A problem with its reason in both languages.
    public init(field: String, da: String, en: String) {
        self.field = field
        reason = LocalizedText(da: da, en: en)
    }

    /// A problem whose reason is already in both languages.
    public init(field: String, reason: LocalizedText) {
        self.field = field
        self.reason = reason
    }
}

/// The 422 body: a reason plus one entry per problem, tied to its question.
private struct InvalidAnswersBody: Encodable {
    struct Problem: Encodable {
        let question: String
        let reason: String
    }
    let error: String
    let errors: [Problem]
}

/// One problem of a form definition at its place: a JSON path, or a sheet, row and column of a spreadsheet.
public struct DefinitionProblem: Sendable, Equatable {
    /// The sheet of a spreadsheet, e.g. `survey`.
    public var sheet: String?
    /// The row as the spreadsheet numbers it.
    public var row: Int?
    /// The column's heading, e.g. `relevant`.
    public var column: String?
    /// The JSON path in the definition, e.g. `$.questions[3].label.en`.
    public var path: String?
    /// What is wrong, in Danish and English.
    public var reason: LocalizedText

    /// A problem at a place.
    public init(sheet: String? = nil, row: Int? = nil, column: String? = nil, path: String? = nil, reason: LocalizedText) {
        self.sheet = sheet
        self.row = row
        self.column = column
        self.path = path
        self.reason = reason
    }
}

/// The 422 body for a form: every problem at its place.
private struct FormProblemsBody: Encodable {
    struct Problem: Encodable {
        let sheet: String?
        let row: Int?
        let column: String?
        let path: String?
        let reason: String

        init(_ problem: DefinitionProblem, language: Language) {
            sheet = problem.sheet
            row = problem.row
            column = problem.column
            path = problem.path
            reason = problem.reason.text(in: language)
        }
    }
    let error: String
    let errors: [Problem]
}

/// An error with the fields it concerns.
private struct ErrorBody: Encodable {
    struct Problem: Encodable {
        let field: String
        let reason: String
    }
    let error: String
    let errors: [Problem]
}

private struct ThrottledBody: Encodable {
    let error: String
    let retryAfterSeconds: Int
}

extension Response {
    /// This response with one more header.
    func withHeader(_ name: String, _ value: String) -> Response {
        var copy = self
        copy.headers[name] = value
        return copy
    }
}
