import Forms
import HTTPServer

/// What can go wrong in the application's own logic; each case decides its HTTP answer.
public enum AppError: Error, Equatable, CustomStringConvertible {
    /// No session has this join code.
    case sessionNotFound(code: String)
    /// The session has not been opened yet.
    case sessionNotOpen(code: String)
    /// The session is closed and the answer was not made while it was open.
    case sessionClosed(code: String)
    /// The request body is not the JSON this endpoint takes.
    case malformedRequest(reason: String)
    /// The request body is not JSON at all.
    case unsupportedMediaType(String)
    /// The answers do not fit the form.
    case invalidAnswers([AnswerProblem])
    /// No form with this id is loaded.
    case formNotFound(id: String)
    /// A staff route was called without a valid login.
    case notLoggedIn
    /// The logged-in account's role may not do this.
    case forbidden(role: String)
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
    /// A stored form version no longer decodes (should never happen: versions are never edited).
    case storedFormUnreadable(formVersionID: Int64, reason: String)

    public var description: String {
        switch self {
        case .sessionNotFound(let code): "No dialogue session has the code \(code)."
        case .sessionNotOpen(let code): "The session \(code) is not open yet."
        case .sessionClosed(let code): "The session \(code) is closed; new answers are not accepted."
        case .malformedRequest(let reason): "Malformed request: \(reason)"
        case .unsupportedMediaType(let type): "Expected Content-Type application/json, got \(type.isEmpty ? "none" : type)."
        case .invalidAnswers(let problems): "The answers do not fit the form (\(problems.count) problem(s))."
        case .formNotFound(let id): "No form with the id \(id) is loaded."
        case .storedFormUnreadable(let id, let reason): "Stored form version \(id) cannot be read: \(reason)"
        case .notLoggedIn: "Log in first."
        case .forbidden(let role): "Your role (\(role)) may not do this."
        case .csrfRejected: "The request lacks a valid CSRF token; reload the page and try again."
        case .invalidCredentials: "Wrong e-mail or password."
        case .throttled(let seconds): "Too many failed attempts; try again in \(seconds) seconds."
        case .wrongKioskPin: "Wrong PIN."
        case .invalidTransition(let code, let from, let to): "Session \(code) cannot go from \(from) to \(to)."
        case .invalidFields(let problems): "Some fields do not fit: " + problems.map { "\($0.field): \($0.reason)" }.joined(separator: "; ")
        }
    }
}

extension AppError: HTTPResponseError {
    /// The JSON answer for this error.
    public var response: Response {
        switch self {
        case .sessionNotFound, .formNotFound: .error(.notFound, reason: description)
        case .sessionNotOpen, .sessionClosed: .error(.conflict, reason: description)
        case .malformedRequest: .error(.badRequest, reason: description)
        case .unsupportedMediaType: .error(.unsupportedMediaType, reason: description)
        case .invalidAnswers(let problems):
            .json(InvalidAnswersBody(error: description, errors: problems.map {
                .init(question: $0.field, reason: $0.reason(in: .da))
            }), status: .unprocessableContent)
        case .storedFormUnreadable: .error(.internalServerError, reason: "internal error")
        case .notLoggedIn, .invalidCredentials: .error(.unauthorized, reason: description)
        case .forbidden, .csrfRejected, .wrongKioskPin: .error(.forbidden, reason: description)
        case .throttled(let seconds):
            Response.json(ThrottledBody(error: description, retryAfterSeconds: seconds), status: .tooManyRequests)
                .withHeader("Retry-After", String(seconds))
        case .invalidTransition: .error(.conflict, reason: description)
        case .invalidFields(let problems):
            .json(InvalidFieldsBody(error: description, errors: problems), status: .unprocessableContent)
        }
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

/// One staff form field that does not fit, and why.
public struct FieldProblem: Sendable, Equatable, Encodable {
    /// The field's name in the request.
    public let field: String
    /// What is wrong with it.
    public let reason: String
}

private struct InvalidFieldsBody: Encodable {
    let error: String
    let errors: [FieldProblem]
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
