/// Where a dialogue meeting is in its life.
public enum SessionStatus: String, Sendable, Codable, CaseIterable {
    /// Being prepared; not yet accepting answers.
    case draft
    /// Accepting answers.
    case open
    /// Finished; answers arriving now are late.
    case closed
}
