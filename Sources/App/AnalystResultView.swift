import Exports
import Forms

/// A run's result as the analyst pages get it (see the analyst API contract in docs/architecture.md).
struct AnalystResultView: Encodable {
    struct Quote: Encodable {
        let answerId: String
        let text: String
        let session: String
    }

    /// The answers of one purpose within a theme (`works`, `change`, `idea`), with their quotes.
    struct PurposeGroup: Encodable {
        let purpose: String
        let size: Int
        let quotes: [Quote]
    }

    struct Theme: Encodable {
        let key: String
        let label: String
        /// `guided` (the policy's), `emerging` (new, from the citizens), `discovered`, `analyst`, `other`, `offTopic`.
        let kind: String
        let terms: [String]
        let size: Int
        let share: Double
        let quotes: [Quote]
        let countsBySession: [String: Int]
        /// The theme split by what the questions asked for; empty when the form does not say.
        let purposes: [PurposeGroup]

        init(_ theme: ReportTheme) {
            key = theme.key
            label = theme.label
            kind = theme.kind
            terms = theme.terms
            size = theme.size
            share = theme.share
            quotes = theme.quotes.map { Quote(answerId: $0.answerID, text: $0.text, session: $0.sessionCode) }
            countsBySession = theme.countsBySession
            purposes = theme.purposes.map { group in
                PurposeGroup(purpose: group.purpose, size: group.size,
                             quotes: group.quotes.map { Quote(answerId: $0.answerID, text: $0.text, session: $0.sessionCode) })
            }
        }
    }

    struct Answer: Encodable {
        let answerId: String
        let question: String
        let session: String
        let text: String
        /// What the question asked for, when the form says.
        let purpose: String?
        /// Every theme the answer carries, the one it counts under first.
        let themes: [String]
        let terms: [String]
        let decided: Bool
    }

    struct Charts: Encodable {
        let themes: String
        let bySession: String
    }

    struct Decision: Encodable {
        let id: Int64
        let kind: String
        let summary: String
        let decidedBy: String
        let decidedAt: String
        let applied: Bool

        init(id: Int64, decision: ReportDecision) {
            self.id = id
            kind = decision.kind
            summary = decision.summary
            decidedBy = decision.decidedBy
            decidedAt = Timestamp.format(decision.decidedAt)
            applied = decision.applied
        }
    }

    /// Free-text answers analysed.
    let answerCount: Int
    /// How the run read the answers: `lexical` (by their words), and the semantic model's name
    /// when it read them by meaning too.
    let views: [String]
    let themes: [Theme]
    let answers: [Answer]
    /// People whose free text was analysed; the breakdowns count people, each once per theme.
    let peopleCount: Int
    let bySession: [SessionThemeCounts]
    /// Per table the tablets sat at; empty when no response names one.
    let byTable: [TableThemeCounts]
    let byBackground: [BackgroundThemeCounts]
    let summaries: [QuestionSummary]
    let charts: Charts
    let decisions: [Decision]
    /// Answers the run analysed that have been deleted since (erased on a citizen's request or by a
    /// retention rule); they are left out here, and a re-run leaves them out of the themes too.
    var removedSinceRun = 0
}

/// `GET /api/analyst/runs/{id}/search?q=[&theme=]`: the run's answers a search finds.
struct AnswerSearchView: Encodable {
    let query: String
    /// The theme the search was limited to (answers counted under it), if any.
    let theme: String?
    let count: Int
    /// The answers as the run shows them (decisions applied), in the run's order.
    let answers: [AnalystResultView.Answer]
}
