import Foundation
import Forms

/// How many people wrote something in each theme: overall, per session, per table and per
/// background answer.
///
/// People, not answers: a citizen whose two free-text answers both carry a theme counts once in it,
/// and every group's `peopleCount` is the number of people in it whose free text was analysed.
/// Encodes as the analyst API's `peopleCount`, `totals`, `bySession`, `byTable` and `byBackground`
/// (see docs/architecture.md): every theme key of the report appears in every `counts` (0 when
/// none), so pages can draw complete tables. A citizen who skipped a background question is not
/// counted under it; one who picked several values of a multiple-choice background question
/// counts under each.
public struct ThemeBreakdowns: Sendable, Hashable, Encodable {
    /// People whose free text was analysed.
    public var peopleCount: Int
    /// Theme key → people with at least one answer carrying it.
    public var totals: [String: Int]
    /// Per session, in the bundle's order.
    public var bySession: [SessionThemeCounts]
    /// Per table the tablets sat at (session order, then table labels in natural order, "no table"
    /// last); empty when no response names a table.
    public var byTable: [TableThemeCounts]
    /// Per background question (form order), per value (option order, then "other").
    public var byBackground: [BackgroundThemeCounts]

    /// What a response without a table is listed as.
    public static let noTableLabel = "Uden bord"

    /// Computes the breakdowns of a bundle's theme report; without one, every count is 0.
    public init(bundle: ExportBundle) {
        let report = bundle.themes ?? ThemeReport(themes: [], assignments: [], decisions: [])
        let zero = Dictionary(report.themes.map { ($0.key, 0) }, uniquingKeysWith: { first, _ in first })
        let people = Self.analysedPeople(bundle: bundle, report: report)
        func tally(_ group: [AnalysedPerson]) -> (Int, [String: Int]) {
            var counts = zero
            for person in group {
                for key in person.themes { counts[key, default: 0] += 1 }
            }
            return (group.count, counts)
        }
        (peopleCount, totals) = tally(people)
        bySession = bundle.sessions.map { session in
            let (peopleCount, counts) = tally(people.filter { $0.response.sessionCode == session.code })
            return SessionThemeCounts(sessionCode: session.code, title: session.title, peopleCount: peopleCount, counts: counts)
        }
        byTable = Self.tables(of: bundle).map { table in
            let (peopleCount, counts) = tally(people.filter {
                $0.response.sessionCode == table.session.code && $0.response.table == table.label
            })
            let name = table.label ?? Self.noTableLabel
            return TableThemeCounts(
                sessionCode: table.session.code, table: table.label,
                label: bundle.sessions.count > 1 ? "\(table.session.title) – \(name)" : name,
                peopleCount: peopleCount, counts: counts)
        }
        byBackground = bundle.form.backgroundQuestions.map { question in
            let values = ChoiceValues.values(of: question).map { value in
                let (peopleCount, counts) = tally(people.filter {
                    ChoiceValues.picked(in: $0.response.answers[question.id]).contains(value.value)
                })
                return BackgroundValueThemeCounts(value: value.value, label: value.label, peopleCount: peopleCount, counts: counts)
            }
            return BackgroundThemeCounts(questionID: question.id, label: question.label.da, values: values)
        }
    }

    /// The themes most people wrote about first; "other" and off-topic last; ties keep the report's order.
    public func ordered(_ themes: [ReportTheme]) -> [ReportTheme] {
        func isLast(_ theme: ReportTheme) -> Bool { theme.kind == "other" || theme.kind == "offTopic" }
        return themes.enumerated().sorted { left, right in
            if isLast(left.element) != isLast(right.element) { return !isLast(left.element) }
            let leftPeople = totals[left.element.key] ?? 0
            let rightPeople = totals[right.element.key] ?? 0
            return leftPeople != rightPeople ? leftPeople > rightPeople : left.offset < right.offset
        }.map(\.element)
    }

    /// A person whose free text was analysed, with every theme any of their answers carries.
    struct AnalysedPerson {
        let response: ExportResponse
        let themes: Set<String>
    }

    /// The analysed people in the bundle's response order; answers of unknown submissions are left out.
    static func analysedPeople(bundle: ExportBundle, report: ThemeReport) -> [AnalysedPerson] {
        var themesBySubmission: [String: Set<String>] = [:]
        for assignment in report.assignments {
            let submission = AnswerReference(answerID: assignment.answerID).submissionID
            themesBySubmission[submission, default: []].formUnion(assignment.themes)
        }
        var seen: Set<String> = []
        return bundle.responses.compactMap { response in
            guard let themes = themesBySubmission[response.submissionID], seen.insert(response.submissionID).inserted else {
                return nil
            }
            return AnalysedPerson(response: response, themes: themes)
        }
    }

    /// Every (session, table) the responses name, in session order then natural label order, nil last.
    static func tables(of bundle: ExportBundle) -> [(session: ExportSession, label: String?)] {
        guard bundle.responses.contains(where: { $0.table != nil }) else { return [] }
        return bundle.sessions.flatMap { session -> [(session: ExportSession, label: String?)] in
            let responses = bundle.responses.filter { $0.sessionCode == session.code }
            let labels = Set(responses.compactMap(\.table)).sorted {
                $0.compare($1, options: [.numeric, .caseInsensitive]) == .orderedAscending
            }
            let named: [(session: ExportSession, label: String?)] = labels.map { (session, $0) }
            return responses.contains { $0.table == nil } ? named + [(session, nil)] : named
        }
    }

    enum CodingKeys: String, CodingKey {
        case peopleCount, totals, bySession, byTable, byBackground
    }
}
