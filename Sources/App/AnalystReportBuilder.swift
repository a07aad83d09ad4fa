import Exports
import Forms
import Foundation
import Storage
import ThemeAnalysis

/// Turns a run's machine result into what analysts see and export, with their decisions applied.
///
/// The machine's result is stored as it came out; decisions are stored per form. Every view is
/// built by replaying the decisions on top, so a re-run with more answers keeps the analyst's work.
struct AnalystReportBuilder: Sendable {
    let store: Store
    let sources: ExportSources
    let lexicon: AnalysisLexicon
    /// The last answer search built (search decisions and the search endpoint reuse it).
    private let searches = AnswerSearchCache()

    /// Quotes per purpose when the machine's result has none for a group (e.g. after a move).
    static let purposeQuoteCount = 3

    init(store: Store, sources: ExportSources, lexicon: AnalysisLexicon) {
        self.store = store
        self.sources = sources
        self.lexicon = lexicon
    }

    /// What one build gives: the API's view and the exports' report.
    struct Report {
        let view: AnalystResultView
        let themeReport: ThemeReport
        let bundle: ExportBundle
    }

    /// The report of a finished run.
    func report(for run: AnalysisRun) throws -> Report {
        let scope = try sources.scope(formID: run.formID, sessionCodes: run.sessionCodes)
        return try report(machine: try machineResult(of: run), scope: scope, questionIDs: run.questionIDs)
    }

    /// The report of a machine result over a scope (a stored run's, or one made just now).
    func report(machine: ThemeAnalysisResult, scope: ExportSources.Scope, questionIDs: [String]) throws -> Report {
        let masker = PersonalDataMasker()
        let responsesBySession = try sources.responses(of: scope)
        let answers = FreeTextAnswers(form: scope.form, questionIDs: questionIDs, responsesBySession: responsesBySession, masker: masker)
        let answersByID = Dictionary(answers.items.map { ($0.answerID, $0) }, uniquingKeysWith: { first, _ in first })

        let decided = try decisions(formID: scope.form.id)
        let decisions = decided.map(\.decision)
        // Search decisions are evaluated again on the answers as they are now.
        let search = decisions.contains { $0.query != nil } ? searches.search(for: answers, lexicon: lexicon) : nil
        let (applied, outcomes) = machine.applying(decisions, answers: search)
        // Answers purged since the run (retention) are no longer shown. Results made before emerging
        // themes stood first filed such answers as ["other", "emerging-N"]; they belong to the emerging theme only.
        let analysed = applied.assignments.filter { answersByID[$0.id] != nil }.map(Self.withoutRedundantOther)
        let handPlaced = Set(zip(decisions, outcomes).filter { $0.1.applied }.flatMap { $0.0.answerIDs + $0.1.answerIDs })

        let machineLabels = Dictionary(machine.themes.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        let themes = Self.ordered(applied.themes).map { theme -> ReportTheme in
            let carrying = analysed.filter { $0.themes.contains(theme.key) }
            // The machine names its catch-all in two languages; exports are Danish unless an analyst renamed it.
            let label = theme.kind == .other && machineLabels[theme.key] == theme.label ? ReportWording.other : theme.label
            return ReportTheme(
                key: theme.key, label: label, kind: theme.kind.rawValue, terms: theme.terms, size: carrying.count,
                share: analysed.isEmpty ? 0 : Double(carrying.count) / Double(analysed.count),
                quotes: theme.quotes.compactMap { answersByID[$0] }.map(Self.quote),
                countsBySession: Dictionary(grouping: carrying) { answersByID[$0.id]!.sessionCode }.mapValues(\.count),
                purposes: Self.purposeGroups(of: theme, carrying: carrying, answersByID: answersByID))
        }
        // Themes by their machine names (a rename names the theme it renamed), and analysts' own themes by theirs.
        let labels = machineLabels.merging(applied.themes.map { ($0.key, $0.label) }) { machine, _ in machine }
        let reportDecisions = zip(decided, outcomes).map { entry, outcome in
            ReportDecision(kind: entry.decision.kind.rawValue,
                           summary: DecisionWording.summary(of: entry.decision, labels: labels,
                                                            matched: entry.decision.query != nil && outcome.applied ? outcome.answerIDs.count : nil),
                           decidedBy: entry.stored.decidedBy, decidedAt: entry.stored.decidedAt, applied: outcome.applied)
        }
        let themeReport = ThemeReport(
            themes: themes,
            assignments: analysed.map { ReportAssignment(answerID: $0.id, themes: $0.themes, decidedByAnalyst: handPlaced.contains($0.id)) },
            decisions: reportDecisions)
        let bundle = ExportBundle(
            form: scope.form, sessions: scope.sessions.map(ExportSession.init),
            responses: responsesBySession.flatMap(\.responses).map { $0.masked(by: masker) },
            themes: themeReport, generatedAt: Date())
        let breakdowns = ThemeBreakdowns(bundle: bundle)

        var view = AnalystResultView(
            answerCount: analysed.count,
            views: machine.views,
            themes: themes.map(AnalystResultView.Theme.init),
            answers: analysed.map { assignment in
                let answer = answersByID[assignment.id]!
                return .init(answerId: answer.answerID, question: answer.questionID, session: answer.sessionCode, text: answer.text,
                             purpose: answer.purpose?.rawValue, themes: assignment.themes, terms: assignment.terms,
                             decided: handPlaced.contains(assignment.id))
            },
            peopleCount: breakdowns.peopleCount,
            bySession: breakdowns.bySession, byTable: breakdowns.byTable, byBackground: breakdowns.byBackground,
            summaries: QuestionSummary.summaries(for: bundle),
            charts: .init(themes: SVGChart.themes(themeReport, breakdowns: breakdowns),
                          bySession: SVGChart.bySession(breakdowns, report: themeReport)),
            decisions: zip(decided, reportDecisions).map { .init(id: $0.0.stored.id, decision: $0.1) })
        view.removedSinceRun = machine.assignments.filter { answersByID[$0.id] == nil }.count
        return Report(view: view, themeReport: themeReport, bundle: bundle)
    }

    /// A decision from the analyst page's request, with its themes identified as this run shows them.
    func decision(from body: DecisionBody, on run: AnalysisRun) throws -> ThemeDecision {
        let scope = try sources.scope(formID: run.formID, sessionCodes: run.sessionCodes)
        let answers = FreeTextAnswers(form: scope.form, questionIDs: run.questionIDs, responsesBySession: try sources.responses(of: scope),
                                      masker: PersonalDataMasker())
        let search = searches.search(for: answers, lexicon: lexicon)
        let current = try machineResult(of: run).applying(try decisions(formID: run.formID).map(\.decision), answers: search).result
        return try body.decision(against: current, search: search)
    }

    /// The run's answers matching `query` as the run shows them now (decisions applied), in the
    /// run's order; with `theme`, only those counted under that theme.
    func search(_ query: String, theme: String?, in run: AnalysisRun) throws -> AnswerSearchView {
        let report = try self.report(for: run)
        let scope = try sources.scope(formID: run.formID, sessionCodes: run.sessionCodes)
        let answers = FreeTextAnswers(form: scope.form, questionIDs: run.questionIDs, responsesBySession: try sources.responses(of: scope),
                                      masker: PersonalDataMasker())
        let matched = Set(searches.search(for: answers, lexicon: lexicon).matches(query))
        let found = report.view.answers.filter { matched.contains($0.answerId) && (theme == nil || $0.themes.first == theme) }
        return AnswerSearchView(query: query, theme: theme, count: found.count, answers: found)
    }

    /// The theme's purpose groups over the answers carrying it now: the machine's quotes of each
    /// purpose while they still belong, else the first answers of that purpose. When some answers
    /// have a purpose and others do not (a question that asks for neither), the others are one more
    /// group, `none`, so the split accounts for every answer.
    static func purposeGroups(of theme: Theme, carrying: [ThemeAssignment], answersByID: [String: FreeTextAnswers.Item]) -> [ReportPurposeGroup] {
        var groups = AnswerPurpose.allCases.compactMap { purpose -> ReportPurposeGroup? in
            let members = carrying.filter { $0.purpose == purpose }
            let machineQuotes = theme.purposes.first { $0.purpose == purpose }?.quotes ?? []
            return purposeGroup(purpose.rawValue, members: members, preferred: machineQuotes, answersByID: answersByID)
        }
        if !groups.isEmpty,
           let rest = purposeGroup(ReportPurposeGroup.withoutPurpose, members: carrying.filter { $0.purpose == nil },
                                   preferred: theme.quotes, answersByID: answersByID) {
            groups.append(rest)
        }
        return groups
    }

    private static func purposeGroup(_ purpose: String, members: [ThemeAssignment], preferred: [String],
                                     answersByID: [String: FreeTextAnswers.Item]) -> ReportPurposeGroup? {
        guard !members.isEmpty else { return nil }
        let memberIDs = Set(members.map(\.id))
        var quoteIDs = preferred.filter(memberIDs.contains)
        if quoteIDs.isEmpty { quoteIDs = members.prefix(purposeQuoteCount).map(\.id) }
        return ReportPurposeGroup(purpose: purpose, size: members.count, quotes: quoteIDs.compactMap { answersByID[$0] }.map(quote))
    }

    private static func quote(_ item: FreeTextAnswers.Item) -> ReportQuote {
        ReportQuote(answerID: item.answerID, text: item.text, sessionCode: item.sessionCode)
    }

    private func machineResult(of run: AnalysisRun) throws -> ThemeAnalysisResult {
        guard let text = run.result else {
            throw AppError.invalidFields([FieldProblem(field: "run", da: "Analyse \(run.id) er ikke færdig.", en: "Run \(run.id) has not finished.")])
        }
        return try JSONDecoder().decode(StoredAnalysis.self, from: Data(text.utf8)).result
    }

    /// A form's decisions in force, oldest first; one that no longer decodes is skipped rather than fatal.
    private func decisions(formID: String) throws -> [(stored: StoredThemeDecision, decision: ThemeDecision)] {
        try store.themeDecisions(formID: formID).compactMap { entry in
            (try? JSONDecoder().decode(ThemeDecision.self, from: Data(entry.decision.utf8))).map { (entry, $0) }
        }
    }

    /// The assignment without the leading `other` placeholder when ThemeAnalysis counts the answer
    /// under an emerging theme (see `ThemeAssignment.effectiveThemeKey`).
    private static func withoutRedundantOther(_ assignment: ThemeAssignment) -> ThemeAssignment {
        guard assignment.themes.first == ThemeAnalysisResult.otherKey,
              let counted = assignment.effectiveThemeKey, counted != ThemeAnalysisResult.otherKey
        else { return assignment }
        var copy = assignment
        copy.themes.removeFirst()
        if !copy.scores.isEmpty { copy.scores.removeFirst() }
        return copy
    }

    /// Largest first; `other` and off-topic last; ties by key, so the order never wobbles.
    private static func ordered(_ themes: [Theme]) -> [Theme] {
        themes.sorted { left, right in
            let leftLast = left.kind == .other || left.kind == .offTopic
            let rightLast = right.kind == .other || right.kind == .offTopic
            if leftLast != rightLast { return !leftLast }
            if left.size != right.size { return left.size > right.size }
            return left.key < right.key
        }
    }
}

extension ExportSession {
    /// A stored session as exports show it.
    init(_ session: Session) {
        self.init(code: session.code, title: session.title, place: session.place, startsAt: session.startsAt,
                  status: session.status.rawValue, formVersion: session.formVersion.contentHash)
    }
}

extension ExportResponse {
    /// The response with every text in its answers masked.
    func masked(by masker: PersonalDataMasker) -> ExportResponse {
        var copy = self
        copy.answers = answers.mapValues { $0.masked(by: masker) }
        return copy
    }
}

extension JSONValue {
    /// The value with every string in it masked.
    func masked(by masker: PersonalDataMasker) -> JSONValue {
        switch self {
        case .string(let text): .string(masker.mask(text))
        case .array(let values): .array(values.map { $0.masked(by: masker) })
        case .object(let fields): .object(fields.mapValues { $0.masked(by: masker) })
        case .null, .bool, .number: self
        }
    }
}
