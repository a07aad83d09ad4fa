import Exports
import Forms

/// A run's result as the analyst pages get it (see the analyst API contract in docs/architecture.md).
struct AnalystResultView: Encodable {
    struct Quote: Encodable {
        let answerId: String
        let text: String
        let session: String
    }

    struct Theme: Encodable {
        let key: String
        let label: String
        let kind: String
        let terms: [String]
        let size: Int
        let share: Double
        let quotes: [Quote]
        let countsBySession: [String: Int]

        init(_ theme: ReportTheme) {
            key = theme.key
            label = theme.label
            kind = theme.kind
            terms = theme.terms
            size = theme.size
            share = theme.share
            quotes = theme.quotes.map { Quote(answerId: $0.answerID, text: $0.text, session: $0.sessionCode) }
            countsBySession = theme.countsBySession
        }
    }

    struct Answer: Encodable {
        let answerId: String
        let question: String
        let session: String
        let text: String
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
