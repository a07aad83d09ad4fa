import Exports
import Forms
import Storage

/// The live view's newest free-text answers, so a facilitator can steer the table talk.
extension StaffSessionsAPI {
    /// How many of the newest free-text answers the live view shows.
    static let liveFreeTextCount = 6

    /// The newest answers to the session's text questions, masked as in exports (CPR numbers, phone
    /// numbers and e-mail addresses replaced), with the question's label in `language`.
    func recentFreeText(of session: Session, language: Language) throws -> [LiveFreeText] {
        let form = try sessions.form(for: session)
        let textQuestions = form.questions.filter { $0.type == .text }
        let labels = Dictionary(uniqueKeysWithValues: textQuestions.map { ($0.id, $0.label.text(in: language)) })
        let masker = PersonalDataMasker()
        let answers = try store.recentAnswers(
            sessionID: session.id, questionIDs: textQuestions.map(\.id), limit: Self.liveFreeTextCount)
        return answers.compactMap { answer in
            guard case .string(let text)? = try? JSONValue(jsonText: answer.value), !text.isEmpty else { return nil }
            return LiveFreeText(question: labels[answer.questionID] ?? answer.questionID, text: masker.mask(text),
                                table: answer.tableLabel, receivedAt: Timestamp.format(answer.receivedAt))
        }
    }
}

/// One free-text answer as the live view shows it.
struct LiveFreeText: Encodable {
    /// The question's label in the request's language.
    let question: String
    /// The answer, masked.
    let text: String
    /// The tablet's table, if any.
    let table: String?
    /// When it arrived.
    let receivedAt: String
}
