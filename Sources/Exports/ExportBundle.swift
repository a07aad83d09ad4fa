import Forms
import Foundation

/// Everything an export holds: the form, the sessions, their responses and, when analysed, the themes.
///
/// The App assembles it (contact details never enter it; free text is already masked when the
/// analyst asked for masking); every writer in this module renders the same bundle.
public struct ExportBundle: Sendable {
    /// The form the sessions used (the newest version among them, for labels and the codebook).
    public var form: Form
    /// The sessions exported, in the order asked for.
    public var sessions: [ExportSession]
    /// Every response of those sessions, oldest first.
    public var responses: [ExportResponse]
    /// The theme analysis with the analyst's decisions applied, if one was run.
    public var themes: ThemeReport?
    /// When the export was made.
    public var generatedAt: Date

    /// A bundle of these parts.
    public init(form: Form, sessions: [ExportSession], responses: [ExportResponse], themes: ThemeReport?, generatedAt: Date) {
        self.form = form
        self.sessions = sessions
        self.responses = responses
        self.themes = themes
        self.generatedAt = generatedAt
    }
}

/// A dialogue meeting as exported.
public struct ExportSession: Sendable, Hashable {
    /// Join code.
    public var code: String
    /// Title.
    public var title: String
    /// Where it took place.
    public var place: String?
    /// When it started.
    public var startsAt: Date?
    /// draft, open or closed.
    public var status: String
    /// The exact form version its answers were given under.
    public var formVersion: String

    /// A session as exported.
    public init(code: String, title: String, place: String?, startsAt: Date?, status: String, formVersion: String) {
        self.code = code
        self.title = title
        self.place = place
        self.startsAt = startsAt
        self.status = status
        self.formVersion = formVersion
    }
}

/// One citizen's submission as exported (anonymous: no contact details).
public struct ExportResponse: Sendable, Hashable {
    /// The client-made id.
    public var submissionID: String
    /// Which session it belongs to.
    public var sessionCode: String
    /// When the server stored it.
    public var submittedAt: Date
    /// Made offline while open, arrived after the close.
    public var isLate: Bool
    /// The table it came from, if any.
    public var table: String?
    /// Question id → answer, in the shapes `Forms/README.md` documents.
    public var answers: [String: JSONValue]

    /// A response as exported.
    public init(submissionID: String, sessionCode: String, submittedAt: Date, isLate: Bool, table: String?, answers: [String: JSONValue]) {
        self.submissionID = submissionID
        self.sessionCode = sessionCode
        self.submittedAt = submittedAt
        self.isLate = isLate
        self.table = table
        self.answers = answers
    }
}

/// The themes of the free-text answers, after the analyst's corrections.
public struct ThemeReport: Sendable, Hashable {
    /// Themes, largest first (`other` last).
    public var themes: [ReportTheme]
    /// Which themes each free-text answer carries.
    public var assignments: [ReportAssignment]
    /// The analyst's decisions, in the order made, with whether each could be applied.
    public var decisions: [ReportDecision]

    /// A report of these parts.
    public init(themes: [ReportTheme], assignments: [ReportAssignment], decisions: [ReportDecision]) {
        self.themes = themes
        self.assignments = assignments
        self.decisions = decisions
    }
}

/// One theme in a report.
public struct ReportTheme: Sendable, Hashable {
    /// Stable key (a policy theme's key, or the analysis's own).
    public var key: String
    /// Its label (an analyst's rename wins).
    public var label: String
    /// guided, emerging, discovered, analyst or other.
    public var kind: String
    /// Key terms, as people wrote them.
    public var terms: [String]
    /// Answers carrying it (first theme or not).
    public var size: Int
    /// Share of all analysed answers, 0…1.
    public var share: Double
    /// Representative quotes (already masked as asked).
    public var quotes: [ReportQuote]
    /// Answers per session code.
    public var countsBySession: [String: Int]
    /// The theme split by what the questions asked for (what works, what should change, ideas),
    /// in that order; empty when no question of the form says.
    public var purposes: [ReportPurposeGroup]

    /// A theme as reported.
    public init(key: String, label: String, kind: String, terms: [String], size: Int, share: Double, quotes: [ReportQuote],
                countsBySession: [String: Int], purposes: [ReportPurposeGroup] = []) {
        self.key = key
        self.label = label
        self.kind = kind
        self.terms = terms
        self.size = size
        self.share = share
        self.quotes = quotes
        self.countsBySession = countsBySession
        self.purposes = purposes
    }
}

/// A quote that represents a theme.
public struct ReportQuote: Sendable, Hashable {
    /// The answer it comes from (`submissionId/questionId`).
    public var answerID: String
    /// The text (masked as asked).
    public var text: String
    /// Its session's code.
    public var sessionCode: String

    /// A quote.
    public init(answerID: String, text: String, sessionCode: String) {
        self.answerID = answerID
        self.text = text
        self.sessionCode = sessionCode
    }
}

/// The themes one free-text answer carries.
public struct ReportAssignment: Sendable, Hashable {
    /// `submissionId/questionId`.
    public var answerID: String
    /// Theme keys, best first.
    public var themes: [String]
    /// Whether an analyst decided this answer's themes (moved it, split it off, marked it off-topic).
    public var decidedByAnalyst: Bool

    /// An assignment.
    public init(answerID: String, themes: [String], decidedByAnalyst: Bool) {
        self.answerID = answerID
        self.themes = themes
        self.decidedByAnalyst = decidedByAnalyst
    }
}

/// An analyst's decision as a report lists it.
public struct ReportDecision: Sendable, Hashable {
    /// rename, merge, split, move or offTopic.
    public var kind: String
    /// A one-line human description, e.g. "Merged “Trafik” into “Cykelstier”".
    public var summary: String
    /// Who decided.
    public var decidedBy: String
    /// When.
    public var decidedAt: Date
    /// Whether the decision could be applied to this run (a theme it names may no longer exist).
    public var applied: Bool

    /// A decision as reported.
    public init(kind: String, summary: String, decidedBy: String, decidedAt: Date, applied: Bool) {
        self.kind = kind
        self.summary = summary
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.applied = applied
    }
}
