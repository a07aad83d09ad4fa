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
                .init(question: $0.question, reason: $0.reason)
            }), status: .unprocessableContent)
        case .storedFormUnreadable: .error(.internalServerError, reason: "internal error")
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
