import Authentication

/// Who may call a route; every route is registered with one, so the rules can be listed and tested.
public enum RouteAccess: Sendable, Hashable, CustomStringConvertible {
    /// Anyone: tablets, the join page, health checks. A join code is the only key.
    case citizen
    /// A logged-in staff account whose role is one of these.
    case staff(Set<Role>)

    /// Facilitators run meetings; admins may do everything a facilitator may.
    public static let facilitators = RouteAccess.staff([.facilitator, .admin])
    /// Every staff role.
    public static let anyStaff = RouteAccess.staff(Set(Role.allCases))
    /// Admins only.
    public static let admins = RouteAccess.staff([.admin])

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
