import Authentication
import Forms
import HTTPServer
import Logging
import Storage

/// What the routes are made of, built once at start.
struct RouteParts {
    let citizen: CitizenAPI
    let auth: AuthAPI
    let staff: StaffSessionsAPI
    let qrCodes: QRCodeAPI
    let analyst: AnalystAPI
    let pages: Pages
    let gate: StaffGate

    init(configuration: AppConfiguration, forms: FormCatalog, store: Store, sessions: SessionDirectory, analysis: AnalysisServices, logger: Logger) {
        let passwords = PasswordWork(hasher: PasswordHasher(parameters: configuration.passwordHashing))
        let audit = AuditLog(store: store, logger: logger)
        gate = StaffGate(store: store)
        citizen = CitizenAPI(sessions: sessions, store: store, passwords: passwords, kioskThrottle: LoginThrottle())
        auth = AuthAPI(store: store, gate: gate, passwords: passwords, throttle: LoginThrottle(), audit: audit,
                       secureCookies: configuration.secureCookies)
        staff = StaffSessionsAPI(forms: forms, store: store, sessions: sessions, passwords: passwords, audit: audit)
        qrCodes = QRCodeAPI(sessions: sessions)
        analyst = AnalystAPI(
            forms: forms, store: store, sessions: sessions, jobs: analysis.jobs, reports: analysis.reports,
            exports: analysis.exports, audit: audit)
        pages = Pages(staticFiles: StaticFiles(root: configuration.staticDirectory), gate: gate)
    }
}

extension Application {
    /// Registers every route with its access rule; the returned list is what the authorisation tests walk.
    static func registerRoutes(on router: Router, parts: RouteParts) -> [RouteRule] {
        var rules: [RouteRule] = []
        let gate = parts.gate

        /// Adds a route that answers at once, for requests `access` admits.
        func route(
            _ method: HTTPMethod, _ pattern: String, _ access: RouteAccess,
            _ handler: @escaping @Sendable (Request, StaffIdentity?) throws -> Response
        ) {
            rules.append(RouteRule(method: method.rawValue, pattern: pattern, access: access))
            router.addImmediate(method, pattern) { request in
                try handler(request, try gate.admit(request, under: access))
            }
        }

        /// Adds a route whose handler waits (a password hash, a long rebuild), so it runs in a task.
        func awaitingRoute(
            _ method: HTTPMethod, _ pattern: String, _ access: RouteAccess,
            _ handler: @escaping @Sendable (Request, StaffIdentity?) async throws -> Response
        ) {
            rules.append(RouteRule(method: method.rawValue, pattern: pattern, access: access))
            router.add(method, pattern) { request in
                try await handler(request, try gate.admit(request, under: access))
            }
        }

        /// Adds a route that answers later through a reply (after a commit), for requests `access` admits.
        func replyingRoute(
            _ method: HTTPMethod, _ pattern: String, _ access: RouteAccess,
            _ handler: @escaping @Sendable (Request, ResponseReply) -> Void
        ) {
            rules.append(RouteRule(method: method.rawValue, pattern: pattern, access: access))
            router.addReplying(method, pattern) { request, reply in
                do {
                    _ = try gate.admit(request, under: access)
                } catch {
                    return reply.fail(error)
                }
                handler(request, reply)
            }
        }

        let citizen = parts.citizen, auth = parts.auth, staff = parts.staff, qrCodes = parts.qrCodes, pages = parts.pages
        let analyst = parts.analyst
        let analysts = RouteAccess.staff([.analyst, .admin])

        // Citizens and tablets: no login, the join code is the key.
        route(.get, "/healthz", .citizen) { _, _ in .json(["status": "ok"]) }
        route(.get, "/api/sessions/{code}/form", .citizen) { request, _ in try citizen.form(request) }
        replyingRoute(.post, "/api/sessions/{code}/responses", .citizen) { request, reply in citizen.submit(request, reply: reply) }
        awaitingRoute(.post, "/api/sessions/{code}/kiosk/exit", .citizen) { request, _ in try await citizen.exitKiosk(request) }
        route(.get, "/api/sessions/{code}/qr.svg", .citizen) { request, _ in try qrCodes.svg(request) }
        route(.get, "/", .citizen) { request, _ in pages.file("index.html", request) }
        route(.get, "/s/{code}", .citizen) { request, _ in pages.file("tablet.html", request) }
        route(.get, "/static/{path...}", .citizen) { request, _ in pages.file(request.pathParameters["path"] ?? "", request) }
        route(.get, "/sw.js", .citizen) { request, _ in pages.file("sw.js", request) }
        route(.get, "/login", .citizen) { request, _ in pages.file("staff/login.html", request) }

        // Staff: login, and what each role may do.
        awaitingRoute(.post, "/api/login", .citizen) { request, _ in try await auth.login(request) }
        route(.get, "/api/me", .citizen) { request, _ in try auth.me(request) }
        route(.post, "/api/logout", .anyStaff) { request, identity in try auth.logout(request, identity!) }
        route(.get, "/api/staff/forms", .anyStaff) { request, _ in staff.formList(request) }
        route(.get, "/api/staff/sessions", .anyStaff) { request, _ in try staff.list(request) }
        awaitingRoute(.post, "/api/staff/sessions", .facilitators) { request, identity in try await staff.create(request, identity!) }
        route(.get, "/api/staff/sessions/{code}", .anyStaff) { request, _ in try staff.detail(request) }
        route(.post, "/api/staff/sessions/{code}/open", .facilitators) { request, identity in
            try staff.transition(request, identity!, to: .open)
        }
        route(.post, "/api/staff/sessions/{code}/close", .facilitators) { request, identity in
            try staff.transition(request, identity!, to: .closed)
        }
        route(.get, "/api/staff/sessions/{code}/live", .facilitators) { request, _ in try staff.live(request) }
        route(.get, "/api/staff/audit", .admins) { request, _ in try staff.auditEvents(request) }

        // Analysts: runs, results, corrections, exports. Results and exports are rebuilt per request
        // and can take long, so they run in tasks instead of holding a server thread.
        route(.get, "/api/analyst/forms", analysts) { request, _ in try analyst.formList(request) }
        route(.get, "/api/analyst/runs", analysts) { request, _ in try analyst.runs(request) }
        route(.post, "/api/analyst/runs", analysts) { request, identity in try analyst.startRun(request, identity!) }
        awaitingRoute(.get, "/api/analyst/runs/{id}", analysts) { request, _ in try analyst.run(request) }
        route(.post, "/api/analyst/forms/{formId}/decisions", analysts) { request, identity in try analyst.addDecision(request, identity!) }
        route(.delete, "/api/analyst/decisions/{id}", analysts) { request, identity in try analyst.withdrawDecision(request, identity!) }
        awaitingRoute(.get, "/api/analyst/export", analysts) { request, identity in try analyst.export(request, identity!) }

        // Staff pages: static files, but only shown to the right people (others are sent to log in).
        let staffPages: [(pattern: String, file: String, access: RouteAccess)] = [
            ("/staff", "staff/index.html", .anyStaff),
            ("/staff/sessions/{code}", "staff/session.html", .facilitators),
            ("/staff/sessions/{code}/print", "staff/print.html", .facilitators),
            ("/staff/audit", "staff/audit.html", .admins),
            ("/analyst", "analyst/index.html", analysts),
            ("/analyst/runs/{id}", "analyst/run.html", analysts),
        ]
        for (pattern, file, access) in staffPages {
            rules.append(RouteRule(method: HTTPMethod.get.rawValue, pattern: pattern, access: access))
            router.addImmediate(.get, pattern) { request in try pages.staffPage(file, request, access: access) }
        }
        return rules
    }
}
