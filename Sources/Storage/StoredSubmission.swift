import Foundation

/// Everything stored for one response, found by its receipt: what a data-access request is answered with.
public struct StoredSubmission: Sendable, Hashable {
    /// The response's row id.
    public var responseID: Int64
    /// Its receipt.
    public var receipt: ReceiptCode
    /// The meeting it was given in.
    public var sessionID: Int64
    /// The tablet's idempotency key.
    public var submissionID: String
    /// When the server received it.
    public var receivedAt: Date
    /// When the tablet says the citizen sent it.
    public var clientSubmittedAt: Date?
    /// Whether it arrived after the meeting closed.
    public var isLate: Bool
    /// The table the tablet stood at.
    public var tableLabel: String?
    /// Question id → answer value as JSON text.
    public var answers: [String: String]
    /// The contact details left with it, if any.
    public var contact: StoredContact?

    /// A stored submission as read back.
    public init(
        responseID: Int64, receipt: ReceiptCode, sessionID: Int64, submissionID: String, receivedAt: Date,
        clientSubmittedAt: Date?, isLate: Bool, tableLabel: String?, answers: [String: String], contact: StoredContact?
    ) {
        self.responseID = responseID
        self.receipt = receipt
        self.sessionID = sessionID
        self.submissionID = submissionID
        self.receivedAt = receivedAt
        self.clientSubmittedAt = clientSubmittedAt
        self.isLate = isLate
        self.tableLabel = tableLabel
        self.answers = answers
        self.contact = contact
    }
}

/// What an erasure removed, by count only: the audit log keeps these, never the content.
public struct ErasureSummary: Sendable, Hashable {
    /// The meeting the response belonged to.
    public var sessionID: Int64
    /// Responses deleted (0 when only contact details went).
    public var responses: Int
    /// Answers deleted with them.
    public var answers: Int
    /// Contact details deleted.
    public var contacts: Int
    /// Analysis runs whose stored result was cleaned of the erased answers.
    public var analysisRuns: Int

    /// A summary.
    public init(sessionID: Int64, responses: Int, answers: Int, contacts: Int, analysisRuns: Int) {
        self.sessionID = sessionID
        self.responses = responses
        self.answers = answers
        self.contacts = contacts
        self.analysisRuns = analysisRuns
    }
}

/// Rewrites a stored analysis result (JSON text) so that nothing of the answers of these submissions
/// is left in it; nil when the result holds nothing of them.
///
/// The App owns the result's format, so it supplies this; the store runs it inside the erasure's
/// transaction, so an erased answer never outlives its erasure in an old run.
public typealias AnalysisRedaction = @Sendable (_ result: String, _ erasedSubmissionIDs: Set<String>) throws -> String?
