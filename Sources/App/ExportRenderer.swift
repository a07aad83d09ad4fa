import Exports
import Foundation
import Storage

/// Renders sessions' responses (and their themes, when analysed) in an export format.
struct ExportRenderer: Sendable {
    let store: Store
    let sources: ExportSources
    let reports: AnalystReportBuilder
    let jobs: AnalysisJobs

    /// A rendered export.
    struct File {
        /// What the file says it is (see `ExportFormat.fileName`); the HTTP download uses it.
        let fileName: String
        let data: Data
    }

    /// The export of these sessions. Themes come from `run`, else the newest finished run over
    /// exactly these sessions, else (when `analyseIfMissing`) an analysis made now.
    func render(codes: [String], options: ExportOptions, run: AnalysisRun?, analyseIfMissing: Bool = false) throws -> File {
        let scope = try sources.scope(formID: nil, sessionCodes: codes)
        let chosenRun = try run ?? newestRun(covering: scope)
        let report: AnalystReportBuilder.Report?
        if let chosenRun, chosenRun.status == .done {
            report = try reports.report(for: chosenRun)
        } else if analyseIfMissing {
            report = try reports.report(machine: try jobs.analyse(scope, questionIDs: []), scope: scope, questionIDs: [])
        } else {
            report = nil
        }
        let bundle = try report?.bundle ?? plainBundle(scope)
        let settings = ExportSettings(values: options.values)
        let name = options.format.fileName(codes: scope.sessions.map(\.code), values: options.values, exportedAt: bundle.generatedAt)
        switch options.format {
        case .json:
            return File(fileName: name, data: try JSONExport.data(bundle: bundle, scope: scope))
        case .csv:
            return File(fileName: name, data: CSVExport.data(for: bundle, dialect: .comma, settings: settings))
        case .csvSemicolon:
            return File(fileName: name, data: CSVExport.data(for: bundle, dialect: .semicolon, settings: settings))
        case .html:
            return File(fileName: name, data: Data(HTMLReport.render(bundle, settings: settings).utf8))
        case .xlsx:
            // libxlsxwriter writes files, not memory: a private temporary file, removed at once.
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-\(UUID().uuidString).xlsx").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try XLSXExport.write(bundle, to: path, settings: settings)
            return File(fileName: name, data: try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }

    private func newestRun(covering scope: ExportSources.Scope) throws -> AnalysisRun? {
        let codes = Set(scope.sessions.map(\.code))
        return try store.analysisRuns(formID: scope.form.id).first { $0.status == .done && Set($0.sessionCodes) == codes }
    }

    private func plainBundle(_ scope: ExportSources.Scope) throws -> ExportBundle {
        let masker = PersonalDataMasker()
        return ExportBundle(
            form: scope.form, sessions: scope.sessions.map(ExportSession.init),
            responses: try sources.responses(of: scope).flatMap(\.responses).map { $0.masked(by: masker) },
            themes: nil, generatedAt: Date())
    }
}
