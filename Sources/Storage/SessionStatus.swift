import GRDB

/// Where a dialogue meeting is in its life; stored as its raw value in `session.status`.
public enum SessionStatus: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    /// Being prepared; not yet accepting answers.
    case draft
    /// Accepting answers.
    case open
    /// Finished; answers arriving now are late.
    case closed
}
