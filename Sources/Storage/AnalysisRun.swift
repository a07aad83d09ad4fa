import Foundation

/// One theme analysis of a form's free-text answers, from queued to done.
public struct AnalysisRun: Sendable, Hashable {
    /// Where a run is.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case queued, running, done, failed
    }

    /// Row id.
    public var id: Int64
    /// The form whose answers were analysed.
    public var formID: String
    /// The sessions included, by join code.
    public var sessionCodes: [String]
    /// The free-text questions included.
    public var questionIDs: [String]
    /// Where it is.
    public var status: Status
    /// 0…1.
    public var progress: Double
    /// What it is doing, or why it failed.
    public var message: String?
    /// The machine's result as JSON text, once done.
    public var result: String?
    /// Who started it.
    public var createdBy: String
    /// When it was started.
    public var createdAt: Date
    /// When it finished (done or failed).
    public var finishedAt: Date?

    /// A run as stored.
    public init(
        id: Int64, formID: String, sessionCodes: [String], questionIDs: [String], status: Status, progress: Double,
        message: String?, result: String?, createdBy: String, createdAt: Date, finishedAt: Date?
    ) {
        self.id = id
        self.formID = formID
        self.sessionCodes = sessionCodes
        self.questionIDs = questionIDs
        self.status = status
        self.progress = progress
        self.message = message
        self.result = result
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}

/// An analyst's correction of the themes, kept per form.
public struct StoredThemeDecision: Sendable, Hashable {
    /// Row id.
    public var id: Int64
    /// The form it belongs to.
    public var formID: String
    /// The decision as JSON text (ThemeAnalysis's `ThemeDecision`).
    public var decision: String
    /// Who decided.
    public var decidedBy: String
    /// When.
    public var decidedAt: Date

    /// A decision as stored.
    public init(id: Int64, formID: String, decision: String, decidedBy: String, decidedAt: Date) {
        self.id = id
        self.formID = formID
        self.decision = decision
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}
