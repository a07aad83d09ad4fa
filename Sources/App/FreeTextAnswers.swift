import Exports
import Forms
import Storage

/// The free-text answers of some sessions to some questions, masked, ready for the analysis.
struct FreeTextAnswers: Sendable {
    /// One citizen's answer to one free-text question.
    struct Item: Sendable, Hashable {
        /// `submissionId/questionId`: stable across runs, so decisions can name it.
        let answerID: String
        let submissionID: String
        let questionID: String
        let sessionCode: String
        /// The text with CPR numbers, phone numbers and e-mail addresses masked.
        let text: String
    }

    let items: [Item]

    /// The ids the analysis and decisions use for an answer.
    static func answerID(submissionID: String, questionID: String) -> String {
        "\(submissionID)/\(questionID)"
    }

    /// Gathers the answers to `questionIDs` (every text question when empty) from `responses` per session.
    init(form: Form, questionIDs: [String], responsesBySession: [(code: String, responses: [ExportResponse])], masker: PersonalDataMasker) {
        let textQuestions = form.questions.filter { $0.type == .text }.map(\.id)
        let wanted = questionIDs.isEmpty ? textQuestions : textQuestions.filter(questionIDs.contains)
        var items: [Item] = []
        for (code, responses) in responsesBySession {
            for response in responses {
                for questionID in wanted {
                    guard case .string(let text)? = response.answers[questionID], !text.isEmpty else { continue }
                    items.append(Item(
                        answerID: Self.answerID(submissionID: response.submissionID, questionID: questionID),
                        submissionID: response.submissionID, questionID: questionID, sessionCode: code,
                        text: masker.mask(text)))
                }
            }
        }
        self.items = items
    }
}
