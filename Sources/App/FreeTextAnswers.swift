import Exports
import Forms
import Storage
import ThemeAnalysis

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
        /// What the question asked for (what works, what should change, an idea), when the form says.
        let purpose: QuestionPurpose?
        /// The policy themes the question belongs to (the form's `themes` of the question).
        let questionThemes: [String]
    }

    let items: [Item]

    /// The ids the analysis and decisions use for an answer.
    static func answerID(submissionID: String, questionID: String) -> String {
        "\(submissionID)/\(questionID)"
    }

    /// Gathers the answers to `questionIDs` (every text question when empty) from `responses` per session.
    init(form: Form, questionIDs: [String], responsesBySession: [(code: String, responses: [ExportResponse])], masker: PersonalDataMasker) {
        let wanted = Self.analysedQuestions(of: form, questionIDs: questionIDs)
        var items: [Item] = []
        for (code, responses) in responsesBySession {
            for response in responses {
                for question in wanted {
                    guard let text = Self.text(response.answers[question.id]) else { continue }
                    items.append(Item(
                        answerID: Self.answerID(submissionID: response.submissionID, questionID: question.id),
                        submissionID: response.submissionID, questionID: question.id, sessionCode: code,
                        text: masker.mask(text), purpose: question.purpose, questionThemes: question.themes))
                }
            }
        }
        self.items = items
    }

    /// The answers as the analysis reads them: the text, what the question asked for, and the
    /// question's policy theme as context when it belongs to exactly one (with several, none of
    /// them is the answer's context more than the others).
    var analysisTexts: [AnswerText] {
        items.map { item in
            AnswerText(id: item.answerID, text: item.text, purpose: item.purpose.flatMap { AnswerPurpose(rawValue: $0.rawValue) },
                       questionTheme: item.questionThemes.count == 1 ? item.questionThemes[0] : nil)
        }
    }

    /// The free-text questions analysed: `questionIDs` among the form's text questions, or all of them.
    static func analysedQuestions(of form: Form, questionIDs: [String]) -> [Question] {
        let textQuestions = form.questions.filter { $0.type == .text }
        return questionIDs.isEmpty ? textQuestions : textQuestions.filter { questionIDs.contains($0.id) }
    }

    /// The free text of one submission's answers (unmasked, as given), for the semantic view's
    /// background queue: every text question's non-empty answer.
    static func texts(of answers: [String: JSONValue], form: Form) -> [String] {
        analysedQuestions(of: form, questionIDs: []).compactMap { text(answers[$0.id]) }
    }

    /// The text of an answer to a free-text question; nil when there is none.
    private static func text(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value, !text.isEmpty else { return nil }
        return text
    }
}
