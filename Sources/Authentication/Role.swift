/// A staff member's role, ordered by what it may do: an admin can do all a facilitator can,
/// a facilitator all an analyst can.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Reads answers and runs theme analyses.
    case analyst
    /// Runs dialogue meetings: sessions, tablets, QR codes.
    case facilitator
    /// Manages accounts and everything else.
    case admin

    /// Orders by privilege, so `role >= .facilitator` reads as "at least facilitator".
    public static func < (left: Role, right: Role) -> Bool {
        left.rank < right.rank
    }

    /// Whether this role may do what `required` may.
    public func includes(_ required: Role) -> Bool {
        self >= required
    }

    private var rank: Int {
        switch self {
        case .analyst: 0
        case .facilitator: 1
        case .admin: 2
        }
    }
}
