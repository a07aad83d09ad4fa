import Authentication

/// Who may call a route; every route has one, so the rules can be listed and tested.
public enum RouteAccess: Sendable, Hashable, CustomStringConvertible {
    /// Anyone: tablets, the join page, health checks. A join code is the only key.
    case citizen
    /// A logged-in staff account whose role is one of these.
    case staff(Set<Role>)

    /// `citizen`, or `staff(admin,facilitator)`.
    public var description: String {
        switch self {
        case .citizen: "citizen"
        case .staff(let roles): "staff(" + roles.map(\.rawValue).sorted().joined(separator: ",") + ")"
        }
    }
}

/// A registered route with its access rule.
public struct RouteRule: Sendable, Hashable {
    /// The HTTP method, e.g. `GET`.
    public let method: String
    /// The path pattern, e.g. `/api/staff/sessions/{code}`.
    public let pattern: String
    /// Who may call it.
    public let access: RouteAccess
}
