import Exports
import Forms
import Foundation
import Storage

/// A session's export as JSON: `{"session": {...}, "responses": [...], "themes"?: {...}}`.
///
/// Every moment appears twice: in UTC (`submittedAt`, ISO 8601 with `Z`, for programs) and in
/// Danish local time with its offset (`submittedAtLocal`, `2026-12-09 19:42:10 +01:00`), the form
/// every other export uses.
public struct ExportDocument: Encodable, Sendable {
    /// The session, with the id and version of its form.
    public let session: ExportedSession
    /// Every stored response, oldest first (free text masked).
    public let responses: [ExportedResponse]
    /// The themes, when the answers were analysed.
    public let themes: ExportedThemes?

    /// The export of `session` and its responses.
    init(session: Session, responses: [ExportResponse], themes: ThemeReport?) {
        self.session = ExportedSession(session, responseCount: responses.count)
        self.responses = responses.map(ExportedResponse.init)
        self.themes = themes.map(ExportedThemes.init)
    }

    /// Pretty, key-sorted JSON: stable to diff and to read.
    public func jsonData() throws -> Data {
        try JSONExport.encoder.encode(self)
    }
}

/// Exports as JSON: one session as an `ExportDocument`, several as `{"sessions": [...], "themes"?}`.
enum JSONExport {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The JSON of a bundle over `scope`.
    static func data(bundle: ExportBundle, scope: ExportSources.Scope) throws -> Data {
        let bySession = Dictionary(grouping: bundle.responses, by: \.sessionCode)
        if scope.sessions.count == 1 {
            let session = scope.sessions[0]
            return try ExportDocument(session: session, responses: bySession[session.code] ?? [], themes: bundle.themes).jsonData()
        }
        return try encoder.encode(MultiSessionExport(
            sessions: scope.sessions.map { ExportDocument(session: $0, responses: bySession[$0.code] ?? [], themes: nil) },
            themes: bundle.themes.map(ExportedThemes.init)))
    }

    private struct MultiSessionExport: Encodable {
        let sessions: [ExportDocument]
        let themes: ExportedThemes?
    }
}

/// A session as exported.
public struct ExportedSession: Encodable, Sendable {
    let code: String
    let title: String
    let status: String
    let place: String?
    let startsAt: String?
    let startsAtLocal: String?
    let tables: [String]
    let formId: String
    let formVersion: String
    let createdAt: String
    let createdAtLocal: String
    let openedAt: String?
    let openedAtLocal: String?
    let closedAt: String?
    let closedAtLocal: String?
    let responseCount: Int

    init(_ session: Session, responseCount: Int) {
        code = session.code
        title = session.title
        status = session.status.rawValue
        place = session.place
        startsAt = session.startsAt.map(Timestamp.format)
        startsAtLocal = session.startsAt.map { ExportTimestamp.text($0) }
        tables = session.tables
        formId = session.formVersion.formID
        formVersion = session.formVersion.contentHash
        createdAt = Timestamp.format(session.createdAt)
        createdAtLocal = ExportTimestamp.text(session.createdAt)
        openedAt = session.openedAt.map(Timestamp.format)
        openedAtLocal = session.openedAt.map { ExportTimestamp.text($0) }
        closedAt = session.closedAt.map(Timestamp.format)
        closedAtLocal = session.closedAt.map { ExportTimestamp.text($0) }
        self.responseCount = responseCount
    }
}

/// One citizen's submission as exported; contact details are never part of it.
public struct ExportedResponse: Encodable, Sendable {
    let submissionId: String
    let submittedAt: String
    let submittedAtLocal: String
    let late: Bool
    let table: String?
    let answers: [String: JSONValue]

    init(_ response: ExportResponse) {
        submissionId = response.submissionID
        submittedAt = Timestamp.format(response.submittedAt)
        submittedAtLocal = ExportTimestamp.text(response.submittedAt)
        late = response.isLate
        table = response.table
        answers = response.answers
    }
}

/// The themes as exported: each theme and which themes each free-text answer carries.
public struct ExportedThemes: Encodable, Sendable {
    struct Theme: Encodable {
        let key: String
        let label: String
        let kind: String
        let terms: [String]
        let size: Int
        let share: Double
        let quotes: [String]
        let countsBySession: [String: Int]
        /// The theme split by purpose (`works`, `change`, `idea`, and `none` for answers to questions
        /// that say neither); empty when the form gives no question a purpose.
        let purposes: [PurposeGroup]
    }
    struct PurposeGroup: Encodable {
        let purpose: String
        let size: Int
        /// Answer ids.
        let quotes: [String]
    }
    struct Assignment: Encodable {
        let answerId: String
        let themes: [String]
        let decidedByAnalyst: Bool
    }
    struct Decision: Encodable {
        let kind: String
        let summary: String
        let decidedBy: String
        let decidedAt: String
        let decidedAtLocal: String
        let applied: Bool
    }
    let themes: [Theme]
    let assignments: [Assignment]
    let decisions: [Decision]

    init(_ report: ThemeReport) {
        themes = report.themes.map {
            Theme(key: $0.key, label: $0.label, kind: $0.kind, terms: $0.terms, size: $0.size, share: $0.share,
                  quotes: $0.quotes.map(\.answerID), countsBySession: $0.countsBySession,
                  purposes: $0.purposes.map { PurposeGroup(purpose: $0.purpose, size: $0.size, quotes: $0.quotes.map(\.answerID)) })
        }
        assignments = report.assignments.map { Assignment(answerId: $0.answerID, themes: $0.themes, decidedByAnalyst: $0.decidedByAnalyst) }
        decisions = report.decisions.map {
            Decision(kind: $0.kind, summary: $0.summary, decidedBy: $0.decidedBy, decidedAt: Timestamp.format($0.decidedAt),
                     decidedAtLocal: ExportTimestamp.text($0.decidedAt), applied: $0.applied)
        }
    }
}
