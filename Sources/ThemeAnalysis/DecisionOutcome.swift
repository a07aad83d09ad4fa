/// What became of one analyst decision when it was applied to a result.
public struct DecisionOutcome: Codable, Sendable, Hashable {
    /// The decision's position in the list that was applied.
    public var index: Int
    /// Whether the decision changed the result (false: it changed nothing).
    public var applied: Bool
    /// Why it was not applied; for an applied decision, a note on the part that could not apply
    /// (e.g. merged themes or split answers missing from this run); nil when it applied in full.
    public var reason: String?

    /// Creates an outcome.
    public init(index: Int, applied: Bool, reason: String? = nil) {
        self.index = index
        self.applied = applied
        self.reason = reason
    }
}
