import Forms
import Logging
import Storage

/// The analysis side of the service, built once: background runs, reports with decisions, exports,
/// and the semantic view's vectors of new answers.
public struct AnalysisServices: Sendable {
    let jobs: AnalysisJobs
    let reports: AnalystReportBuilder
    let exports: ExportRenderer
    /// The semantic view's vectors, computed in the background as answers arrive.
    let vectors: AnswerVectors

    /// Services over `store`; the Danish word list is read at the first analysis or search, the
    /// semantic model (`choice`) when it is first needed.
    init(store: Store, sessions: SessionDirectory, semanticModel choice: SemanticModelChoice, logger: Logger) {
        let sources = ExportSources(store: store, sessions: sessions)
        let lexicon = AnalysisLexicon { DanishWordList.load(logger: logger) }
        vectors = AnswerVectors(store: store, choice: choice, logger: logger)
        jobs = AnalysisJobs(store: store, sources: sources, logger: logger, lexicon: lexicon, vectors: vectors)
        reports = AnalystReportBuilder(store: store, sources: sources, lexicon: lexicon)
        exports = ExportRenderer(store: store, sources: sources, reports: reports, jobs: jobs)
    }

    /// Blocks until queued analyses and the vectors of answers already stored are done (tests;
    /// shutdown waits for them too).
    public func waitUntilIdle() {
        vectors.waitUntilIdle()
        jobs.waitUntilIdle()
    }

    /// Deletes, in the background, the semantic vectors of answers no longer stored (after an
    /// erasure or a purge), so nothing derived from an erased text stays.
    public func answersErased() {
        guard vectors.isWanted else { return }
        let store = vectors.store
        vectors.prune {
            try store.sessions().flatMap { try store.responses(sessionID: $0.id) }.flatMap { response in
                response.answers.values.compactMap { value -> String? in
                    guard case .string(let text)? = try? JSONValue(jsonText: value) else { return nil }
                    return text
                }
            }
        }
    }

    /// The name of the semantic view in use (nil: words alone); opens the model if it is not yet open.
    public var semanticViewName: String? {
        vectors.model?.viewName
    }
}
