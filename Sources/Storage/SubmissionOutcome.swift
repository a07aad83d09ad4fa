/// What became of a submission once its transaction committed.
public enum SubmissionOutcome: Sendable, Equatable {
    /// Stored for the first time.
    case stored
    /// A submission with the same id was already stored; nothing new was written.
    case duplicate
}
