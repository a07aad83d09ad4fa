/// What the writer tells a submitter after the commit: what became of the submission, and its receipt.
public struct SubmissionAcknowledgement: Sendable, Hashable {
    /// Stored now, or already stored before.
    public var outcome: SubmissionOutcome
    /// The response's receipt: the new one, or for a duplicate the one stored with the first copy.
    public var receipt: ReceiptCode

    /// An acknowledgement.
    public init(outcome: SubmissionOutcome, receipt: ReceiptCode) {
        self.outcome = outcome
        self.receipt = receipt
    }
}
