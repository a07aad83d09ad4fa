/// What became of one analyst decision when it was applied to a result.
public struct DecisionOutcome: Codable, Sendable, Hashable {
    /// The decision's position in the list that was applied.
    public var index: Int
    /// Whether the decision changed the result (false: it changed nothing).
    public var applied: Bool
    /// Why it was not applied; for an applied decision, a note on the part that could not apply
    /// (e.g. merged themes or split answers missing from this run); nil when it applied in full.
    public var reason: String?
    /// The answers a search decision placed in this run (those its query matched here); empty for
    /// the other kinds, which name their answers themselves (`ThemeDecision.answerIDs`).
    public var answerIDs: [String]

    /// Creates an outcome.
    public init(index: Int, applied: Bool, reason: String? = nil, answerIDs: [String] = []) {
        self.index = index
        self.applied = applied
        self.reason = reason
        self.answerIDs = answerIDs
    }

    private enum CodingKeys: String, CodingKey {
        case index, applied, reason, answerIDs
    }

    /// Decodes an outcome; `answerIDs` may be missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        applied = try container.decode(Bool.self, forKey: .applied)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        answerIDs = try container.decodeIfPresent([String].self, forKey: .answerIDs) ?? []
    }

    /// Encodes the outcome; `answerIDs` only when there are any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(applied, forKey: .applied)
        try container.encodeIfPresent(reason, forKey: .reason)
        if !answerIDs.isEmpty { try container.encode(answerIDs, forKey: .answerIDs) }
    }
}
