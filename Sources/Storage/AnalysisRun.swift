import Foundation
import GRDB

/// One theme analysis of a form's free-text answers, from queued to done (a row of `analysis_run`).
public struct AnalysisRun: Sendable, Hashable, Identifiable, Codable {
    /// Where a run is; stored as its raw value.
    public enum Status: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
        /// Waiting for the analysis queue.
        case queued
        /// Being analysed.
        case running
        /// Finished, with a result.
        case done
        /// Stopped by an error or a restart; `message` says why.
        case failed
    }

    /// Row id.
    public var id: Int64
    /// The form whose answers were analysed.
    public var formID: String
    /// The sessions included, by join code (a JSON array).
    public var sessionCodes: [String]
    /// The free-text questions included (a JSON array).
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case formID = "form_id"
        case sessionCodes = "session_codes"
        case questionIDs = "question_ids"
        case status, progress, message, result
        case createdBy = "created_by"
        case createdAt = "created_at"
        case finishedAt = "finished_at"
    }
}

extension AnalysisRun: StoredRecord, TableRecord {
    /// The table's name.
    public static let databaseTableName = "analysis_run"

    /// Columns for the query interface (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let formID = Column(CodingKeys.formID)
        static let status = Column(CodingKeys.status)
        static let progress = Column(CodingKeys.progress)
        static let message = Column(CodingKeys.message)
        static let result = Column(CodingKeys.result)
        static let createdAt = Column(CodingKeys.createdAt)
        static let finishedAt = Column(CodingKeys.finishedAt)
    }
}
