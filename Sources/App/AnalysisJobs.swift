import Exports
import Forms
import Foundation
import Logging
import Storage
import ThemeAnalysis

/// Runs theme analyses in the background, one at a time, recording progress as they go.
///
/// An analysis of tens of thousands of answers takes seconds of CPU: it runs on its own queue,
/// never on the HTTP threads or Swift's cooperative pool, so tablets keep being answered meanwhile.
final class AnalysisJobs: Sendable {
    private let store: Store
    private let sources: ExportSources
    private let logger: Logger
    private let queue = DispatchQueue(label: "borgerdialog.analysis", qos: .utility)
    private let lexicon: AnalysisLexicon
    /// The semantic view's stored vectors (and the model, when installed).
    let vectors: AnswerVectors

    init(store: Store, sources: ExportSources, logger: Logger, lexicon: AnalysisLexicon, vectors: AnswerVectors) {
        self.store = store
        self.sources = sources
        self.logger = logger
        self.lexicon = lexicon
        self.vectors = vectors
    }

    /// Queues an analysis of `questionIDs` (every free-text question when empty) in these sessions.
    func start(
        formID: String, sessionCodes: [String], questionIDs: [String], themeCount: Int?, createdBy: String, audit: AuditEvent? = nil
    ) throws -> AnalysisRun {
        let scope = try sources.scope(formID: formID, sessionCodes: sessionCodes)
        let textQuestions = Set(scope.form.questions.filter { $0.type == .text }.map(\.id))
        let unknown = questionIDs.filter { !textQuestions.contains($0) }
        guard unknown.isEmpty else {
            let listed = unknown.joined(separator: ", ")
            throw AppError.invalidFields([FieldProblem(field: "questions", da: "Ikke fritekstspørgsmål i spørgeskemaet: \(listed).",
                                                       en: "Not free-text questions of the form: \(listed).")])
        }
        let run = try store.createAnalysisRun(
            formID: formID, sessionCodes: scope.sessions.map(\.code), questionIDs: questionIDs, createdBy: createdBy, audit: audit)
        queue.async { [self] in
            perform(run: run, scope: scope, questionIDs: questionIDs, themeCount: themeCount)
        }
        return run
    }

    /// Waits until every queued analysis has finished (tests and shutdown use it).
    func waitUntilIdle() {
        queue.sync {}
    }

    /// The analysis of a whole scope now, on the caller's thread (the command line's exports).
    func analyse(_ scope: ExportSources.Scope, questionIDs: [String], themeCount: Int? = nil) throws -> ThemeAnalysisResult {
        let answers = FreeTextAnswers(form: scope.form, questionIDs: questionIDs, responsesBySession: try sources.responses(of: scope), masker: PersonalDataMasker())
        return analyse(answers, form: scope.form, themeCount: themeCount)
    }

    /// The machine's result for these answers: guided by the form's policy themes (emerging themes
    /// beside them), each answer with its question's purpose and theme, read by the semantic view
    /// too when the model is installed (`views` says which were used). The same answers give the
    /// same result, whether their vectors were computed now or earlier.
    func analyse(_ answers: FreeTextAnswers, form: Form, themeCount: Int?, computing: (Int) -> Void = { _ in }) -> ThemeAnalysisResult {
        var options = ThemeAnalysisOptions()
        options.lexicon = lexicon.lexicon
        options.themeCount = themeCount
        let analyzer = ThemeAnalyzer(options: options)
        let texts = answers.analysisTexts
        let guided = Self.guidedThemes(of: form)
        let semantic = vectors.vectors(answers: texts, themes: guided, computing: computing)
        return guided.isEmpty ? analyzer.discover(texts, vectors: semantic) : analyzer.assign(texts, to: guided, vectors: semantic)
    }

    /// The form's policy themes as the analysis is guided by them (Danish name and description,
    /// keywords of both languages).
    static func guidedThemes(of form: Form) -> [GuidedTheme] {
        form.themes.map { theme in
            GuidedTheme(key: theme.key, name: theme.name.text(in: .da), description: theme.description.text(in: .da),
                        keywords: (theme.keywords[.da] ?? []) + (theme.keywords[.en] ?? []))
        }
    }

    private func perform(run: AnalysisRun, scope: ExportSources.Scope, questionIDs: [String], themeCount: Int?) {
        do {
            try store.updateAnalysisRun(id: run.id, status: .running, progress: 0.1, message: "Henter svar")
            let answers = FreeTextAnswers(form: scope.form, questionIDs: questionIDs,
                                          responsesBySession: try sources.responses(of: scope), masker: PersonalDataMasker())
            try store.updateAnalysisRun(id: run.id, status: .running, progress: 0.3, message: "Analyserer \(answers.items.count) svar")
            let result = analyse(answers, form: scope.form, themeCount: themeCount) { missing in
                try? self.store.updateAnalysisRun(
                    id: run.id, status: .running, progress: 0.3,
                    message: "Læser betydningen af \(missing) nye svar, derefter analyseres \(answers.items.count) svar")
            }
            try store.updateAnalysisRun(id: run.id, status: .running, progress: 0.9, message: "Gemmer resultatet")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let stored = StoredAnalysis(result: result, answerCount: answers.items.count)
            try store.updateAnalysisRun(id: run.id, status: .done, progress: 1, message: nil,
                                        result: String(decoding: try encoder.encode(stored), as: UTF8.self))
        } catch {
            logger.error("Analysis run \(run.id) failed: \(error)")
            try? store.updateAnalysisRun(id: run.id, status: .failed, progress: 1, message: "Analysen mislykkedes: \(error)")
        }
    }
}

/// What a finished run keeps: the machine's result, before any analyst decision.
struct StoredAnalysis: Codable, Sendable {
    let result: ThemeAnalysisResult
    let answerCount: Int
}
