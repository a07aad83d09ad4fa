import Forms
import Foundation
import HTTPServer
import Storage
import ThemeAnalysis

/// What analysts do: choose sessions, run the theme analysis, correct it, export.
struct AnalystAPI: Sendable {
    let library: FormLibrary
    let store: Store
    let sessions: SessionDirectory
    let jobs: AnalysisJobs
    let reports: AnalystReportBuilder
    let exports: ExportRenderer
    let audit: AuditLog

    /// `GET /api/analyst/forms`: forms with sessions, their questions and themes.
    func formList(_ request: Request) throws -> Response {
        let summaries = try store.responseSummaries()
        let sessionsByForm = Dictionary(grouping: try store.sessions(), by: \.formVersion.formID)
        let entries = try sessionsByForm.keys.sorted().map { formID -> AnalystForm in
            let formSessions = sessionsByForm[formID] ?? []
            let form = try (try? library.publishedForm(id: formID))?.form ?? sessions.form(for: formSessions[0])
            return AnalystForm(
                id: form.id, title: form.title.text(in: .da),
                themes: form.themes.map { .init(key: $0.key, name: $0.name.text(in: .da), description: $0.description.text(in: .da)) },
                questions: form.questions.filter(\.takesAnswer).map {
                    .init(id: $0.id, type: $0.type.rawValue, label: $0.label.text(in: .da), background: $0.isBackground, themes: $0.themes)
                },
                sessions: formSessions.map {
                    .init(code: $0.code, title: $0.title, place: $0.place, startsAt: $0.startsAt.map(Timestamp.format),
                          status: $0.status.rawValue, responseCount: summaries[$0.id]?.count ?? 0)
                })
        }
        return .json(["forms": entries])
    }

    /// `POST /api/analyst/runs`: starts an analysis in the background (202).
    func startRun(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let body = try RequestBody.decode(NewRunBody.self, from: request)
        let formID = body.formId ?? ""
        let codes = body.sessions ?? []
        let questions = body.questions ?? []
        let themeCount = body.k
        if let themeCount, !(2...30).contains(themeCount) {
            throw AppError.invalidFields([FieldProblem(field: "k", da: "Vælg mellem 2 og 30 temaer.", en: "Between 2 and 30 themes.")])
        }
        let run = try jobs.start(
            formID: formID, sessionCodes: codes, questionIDs: questions, themeCount: themeCount, createdBy: identity.email,
            audit: AuditLog.event(actor: identity.email, action: "analysis.start",
                                  details: ["form": .string(formID), "sessions": .array(codes.map(JSONValue.string))]))
        return .json(["run": RunView(run)], status: .accepted)
    }

    /// `GET /api/analyst/runs?formId=`: runs, newest first.
    func runs(_ request: Request) throws -> Response {
        .json(["runs": try store.analysisRuns(formID: request.query["formId"]).map(RunView.init)])
    }

    /// `GET /api/analyst/runs/{id}`: a run, and its result with the analyst's decisions applied when done.
    func run(_ request: Request) throws -> Response {
        let run = try storedRun(request.pathParameters["id"])
        guard run.status == .done else { return .json(RunDocument(run: RunView(run), result: nil)) }
        return .json(RunDocument(run: RunView(run), result: try reports.report(for: run).view))
    }

    /// `GET /api/analyst/runs/{id}/search?q=[&theme=]`: the run's answers with these words (stems and
    /// compound parts included; commas separate alternatives), as the run shows them now.
    func search(_ request: Request) throws -> Response {
        let run = try storedRun(request.pathParameters["id"])
        guard run.status == .done else {
            throw AppError.invalidFields([FieldProblem(field: "run", da: "Analysen er ikke færdig endnu.", en: "The run has not finished yet.")])
        }
        let query = (request.query["q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard AnswerSearch.hasWords(query) else {
            throw AppError.invalidFields([FieldProblem(field: "q", da: "Skriv et eller flere ord at søge efter.",
                                                       en: "Write one or more words to search for.")])
        }
        guard query.count <= DecisionBody.maximumQueryLength else {
            throw AppError.invalidFields([FieldProblem(field: "q", da: "Højst \(DecisionBody.maximumQueryLength) tegn.",
                                                       en: "At most \(DecisionBody.maximumQueryLength) characters.")])
        }
        let theme = request.query["theme"].flatMap { $0.isEmpty ? nil : $0 }
        return .json(try reports.search(query, theme: theme, in: run))
    }

    /// `POST /api/analyst/forms/{formId}/decisions`: stores a correction; answers with the run re-applied.
    func addDecision(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let formID = request.pathParameters["formId"] ?? ""
        let body = try RequestBody.decode(DecisionBody.self, from: request)
        let run = try storedRun(body.run.map(String.init))
        guard run.formID == formID, run.status == .done else {
            throw AppError.invalidFields([FieldProblem(field: "run", da: "Vælg en færdig analyse af dette spørgeskema.",
                                                       en: "A finished run of this form.")])
        }
        let decision = try reports.decision(from: body, on: run)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let decisionText = String(decoding: try encoder.encode(decision), as: UTF8.self)
        let stored = try store.addThemeDecision(
            formID: formID, decision: decisionText, decidedBy: identity.email,
            audit: AuditLog.event(actor: identity.email, action: "theme.decide", target: formID,
                                  details: ["decision": (try? JSONValue(jsonText: decisionText)) ?? .null]))
        let view = DecisionView(id: stored.id, kind: body.kind?.rawValue ?? "")
        return .json(DecisionDocument(decision: view, result: try reports.report(for: run).view), status: .created)
    }

    /// `DELETE /api/analyst/decisions/{id}?run=`: withdraws a correction (undo).
    func withdrawDecision(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let id = Int64(request.pathParameters["id"] ?? "")
        let undo = AuditLog.event(actor: identity.email, action: "theme.undo", details: ["decision": .number(Double(id ?? 0))])
        guard let id, try store.withdrawThemeDecision(id: id, audit: undo) != nil else {
            throw AppError.notFound(LocalizedText(da: "Der er ingen gældende rettelse med dette id.", en: "No decision in force has this id."))
        }
        guard let runID = request.query["run"] else { return .json(["status": "withdrawn"]) }
        return .json(["result": try reports.report(for: try storedRun(runID)).view])
    }

    /// `GET /api/analyst/export?sessions=A,B&format=…[&values=text|codes][&run=ID]`: a file to download,
    /// named as `ExportFormat.fileName` says.
    func export(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let codes = (request.query["sessions"] ?? "").split(separator: ",").map(String.init)
        let options = try ExportOptions(query: request.query)
        let run = try request.query["run"].map { try storedRun($0) }
        let file = try exports.render(codes: codes, options: options, run: run)
        audit.record(actor: identity.email, action: "export", target: codes.joined(separator: ","),
                     details: ["format": .string(options.format.rawValue), "values": .string(options.values.rawValue)])
        var response = Response(status: .ok, body: Array(file.data))
        response.headers["Content-Type"] = options.format.contentType
        response.headers["Content-Disposition"] = "attachment; filename=\"\(file.fileName)\""
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    func storedRun(_ text: String?) throws -> AnalysisRun {
        guard let id = text.flatMap({ Int64($0) }), let run = try store.analysisRun(id: id) else {
            throw AppError.notFound(LocalizedText(da: "Der findes ingen analyse med dette id.", en: "No analysis run has this id."))
        }
        return run
    }
}

/// The body of `POST /api/analyst/runs`.
private struct NewRunBody: Decodable {
    let formId: String?
    let sessions: [String]?
    let questions: [String]?
    /// How many themes to find; automatic when absent.
    let k: Int?
}

/// A run as the pages see it.
struct RunView: Encodable {
    let id: Int64
    let formId: String
    let sessions: [String]
    let questions: [String]
    let status: String
    let progress: Double
    let message: String?
    let createdAt: String
    let finishedAt: String?
    let createdBy: String

    init(_ run: AnalysisRun) {
        id = run.id
        formId = run.formID
        sessions = run.sessionCodes
        questions = run.questionIDs
        status = run.status.rawValue
        progress = run.progress
        message = run.message
        createdAt = Timestamp.format(run.createdAt)
        finishedAt = run.finishedAt.map(Timestamp.format)
        createdBy = run.createdBy
    }
}

private struct RunDocument: Encodable {
    let run: RunView
    let result: AnalystResultView?
}

private struct DecisionView: Encodable {
    let id: Int64
    let kind: String
}

private struct DecisionDocument: Encodable {
    let decision: DecisionView
    let result: AnalystResultView
}

private struct AnalystForm: Encodable {
    struct Theme: Encodable {
        let key: String
        let name: String
        let description: String
    }
    struct Question: Encodable {
        let id: String
        let type: String
        let label: String
        let background: Bool
        let themes: [String]
    }
    struct SessionEntry: Encodable {
        let code: String
        let title: String
        let place: String?
        let startsAt: String?
        let status: String
        let responseCount: Int
    }
    let id: String
    let title: String
    let themes: [Theme]
    let questions: [Question]
    let sessions: [SessionEntry]
}
