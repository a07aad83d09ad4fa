import Logging
import Storage

/// The analysis side of the service, built once: background runs, reports with decisions, exports.
public struct AnalysisServices: Sendable {
    let jobs: AnalysisJobs
    let reports: AnalystReportBuilder
    let exports: ExportRenderer

    /// Services over `store`; the Danish word list is read at the first analysis.
    init(store: Store, sessions: SessionDirectory, logger: Logger) {
        let sources = ExportSources(store: store, sessions: sessions)
        jobs = AnalysisJobs(store: store, sources: sources, logger: logger) { DanishWordList.load(logger: logger) }
        reports = AnalystReportBuilder(store: store, sources: sources)
        exports = ExportRenderer(store: store, sources: sources, reports: reports, jobs: jobs)
    }

    /// Blocks until queued analyses are done (tests; shutdown waits for them too).
    public func waitUntilIdle() {
        jobs.waitUntilIdle()
    }
}
