import Authentication
import HTTPServer

/// One route of the service: method, pattern, who may call it and how its handler runs.
///
/// Citizen and staff handlers have different types: a staff handler always gets the identity the
/// gate admitted, and a citizen handler never sees one. Staff handlers never answer on the
/// server's thread (the gate reads the login from the database), so only citizen routes can opt
/// in to that, and only for cached or constant answers.
struct AppRoute: Sendable {
    /// The request method.
    let method: HTTPMethod
    /// The path pattern, e.g. `/api/staff/sessions/{code}`.
    let pattern: String
    /// Who may call it, and the handler.
    let handler: Handler

    /// The handler, by audience.
    enum Handler: Sendable {
        /// Anyone may call it; a join code is the only key.
        case citizen(CitizenHandler)
        /// A logged-in staff member with one of these roles.
        case staff(Set<Role>, StaffHandler)
    }

    /// A route anyone may call.
    static func citizen(_ method: HTTPMethod, _ pattern: String, _ handler: CitizenHandler) -> AppRoute {
        AppRoute(method: method, pattern: pattern, handler: .citizen(handler))
    }

    /// A route for staff with one of `roles`.
    static func staff(_ method: HTTPMethod, _ pattern: String, _ roles: Set<Role>, _ handler: StaffHandler) -> AppRoute {
        precondition(!roles.isEmpty, "a staff route needs at least one role: \(method) \(pattern)")
        return AppRoute(method: method, pattern: pattern, handler: .staff(roles, handler))
    }

    /// A staff page from `Static/`: members of `roles` get the file, others are sent to log in.
    ///
    /// A page about one thing names its check: a page for a meeting that does not exist is a 404 page.
    static func page(_ pattern: String, _ file: String, _ roles: Set<Role>, checking: PageSubjectCheck? = nil) -> AppRoute {
        staff(.get, pattern, roles, .page(file, checking: checking))
    }

    /// Every other path under `prefix` (e.g. `/staff`): a 404 page for members of `roles`, a 403
    /// page for other staff, the login page for the rest.
    static func missingPages(under prefix: String, _ roles: Set<Role>) -> AppRoute {
        staff(.get, prefix + "/{path...}", roles, .missingPage)
    }

    /// Who may call the route.
    var access: RouteAccess {
        switch handler {
        case .citizen: .citizen
        case .staff(let roles, _): .staff(roles)
        }
    }

    /// The route with its access rule, as the authorisation tests walk it.
    var rule: RouteRule {
        RouteRule(method: method.rawValue, pattern: pattern, access: access)
    }
}

/// How a route without login runs.
enum CitizenHandler: Sendable {
    /// A cached or constant answer, given on the server's thread: the explicit opt-in.
    case cached(SynchronousRequestHandler)
    /// Blocking work (reads, writes, rendering), off the server's threads.
    case work(SynchronousRequestHandler)
    /// Work that awaits (a PIN hash), in a task.
    case awaiting(RequestHandler)
    /// Work whose answer comes from another thread after a commit.
    case replying(ReplyingRequestHandler)
}

/// How a staff route runs: always off the server's threads.
enum StaffHandler: Sendable {
    /// Blocking work with the admitted staff member.
    case work(@Sendable (Request, StaffIdentity) throws -> Response)
    /// Work that awaits (a password hash), in a task, with the admitted staff member.
    case awaiting(@Sendable (Request, StaffIdentity) async throws -> Response)
    /// A page from `Static/`, and what it checks exists first.
    case page(String, checking: PageSubjectCheck?)
    /// No page: the path is not one of the service's pages.
    case missingPage
    /// A page from `Static/` that the service's own pages may show in a frame (the tablet preview).
    case framedPage(String)

    /// Blocking work that does not need to know who asked, only that the gate let them in.
    static func work(_ handler: @escaping SynchronousRequestHandler) -> StaffHandler {
        .work { request, _ in try handler(request) }
    }
}

extension Set where Element == Role {
    /// Facilitators run meetings; admins may do everything a facilitator may.
    static let facilitators: Set<Role> = [.facilitator, .admin]
    /// Analysts read and correct themes; admins may too.
    static let analysts: Set<Role> = [.analyst, .admin]
    /// Every staff role.
    static let anyStaff: Set<Role> = Set(Role.allCases)
    /// Admins only.
    static let admins: Set<Role> = [.admin]
}
