import Authentication
import HTTPServer
import Logging
import Storage

/// What the routes are made of, built once at start.
struct RouteParts {
    let citizen: CitizenAPI
    let auth: AuthAPI
    let staff: StaffSessionsAPI
    let formStudio: FormStudioAPI
    let qrCodes: QRCodeAPI
    let analyst: AnalystAPI
    let citizensData: CitizensDataRoutes
    let pages: Pages
    let gate: StaffGate
    let auditAPI: AuditAPI
    let users: UsersAPI
    let setup: SetupAPI
    let passwordLinks: PasswordLinkAPI
    let sessionChanges: SessionChangesAPI

    init(
        configuration: AppConfiguration, address: PublicAddress, library: FormLibrary, store: Store, sessions: SessionDirectory,
        analysis: AnalysisServices, logger: Logger
    ) {
        let passwords = PasswordWork(hasher: PasswordHasher(parameters: configuration.passwordHashing))
        let audit = AuditLog(store: store, logger: logger)
        gate = StaffGate(store: store)
        citizen = CitizenAPI(sessions: sessions, store: store, passwords: passwords, kioskThrottle: LoginThrottle(),
                             vectors: analysis.vectors)
        auth = AuthAPI(store: store, gate: gate, passwords: passwords, throttle: LoginThrottle(), audit: audit,
                       secureCookies: configuration.secureCookies)
        staff = StaffSessionsAPI(library: library, store: store, sessions: sessions, passwords: passwords, address: address)
        formStudio = FormStudioAPI(library: library, store: store, sessions: sessions)
        qrCodes = QRCodeAPI(sessions: sessions, address: address)
        analyst = AnalystAPI(
            library: library, store: store, sessions: sessions, jobs: analysis.jobs, reports: analysis.reports,
            exports: analysis.exports, audit: audit)
        citizensData = CitizensDataRoutes(store: store, sessions: sessions, library: library, erased: { analysis.answersErased() })
        pages = Pages(staticFiles: StaticFiles(root: configuration.staticDirectory), gate: gate)
        auditAPI = AuditAPI(store: store)
        users = UsersAPI(store: store, address: address, clock: configuration.clock)
        let links = LinkTokenCheck(store: store, throttle: LoginThrottle(), clock: configuration.clock)
        setup = SetupAPI(store: store, passwords: passwords, auth: auth, links: links)
        passwordLinks = PasswordLinkAPI(store: store, passwords: passwords, auth: auth, links: links)
        sessionChanges = SessionChangesAPI(staff: staff, library: library, store: store, sessions: sessions, passwords: passwords)
    }
}

extension Application {
    /// Every route of the service in one table: method, pattern, who may call it, how it runs.
    ///
    /// Only citizen routes answered from a cache or a constant run on the server's thread
    /// (`.cached`); everything that writes, hashes, rebuilds or exports runs off it.
    static func routes(_ parts: RouteParts) -> [AppRoute] {
        let citizen = parts.citizen, auth = parts.auth, staff = parts.staff, qrCodes = parts.qrCodes
        let analyst = parts.analyst, pages = parts.pages, forms = parts.formStudio
        let users = parts.users, setup = parts.setup, passwordLinks = parts.passwordLinks, changes = parts.sessionChanges
        return [
            // Citizens and tablets: no login, the join code is the key.
            .citizen(.get, "/healthz", .cached { _ in .json(["status": "ok"]) }),
            .citizen(.get, "/api/sessions/{code}/form", .cached(citizen.form)),
            .citizen(.post, "/api/sessions/{code}/responses", .replying(citizen.submit)),
            .citizen(.post, "/api/sessions/{code}/kiosk/exit", .awaiting(citizen.exitKiosk)),
            .citizen(.get, "/api/sessions/{code}/qr.svg", .work(qrCodes.svg)),
            .citizen(.get, "/", .cached { pages.file("index.html", $0) }),
            .citizen(.get, "/s/{code}", .cached { pages.file("tablet.html", $0) }),
            .citizen(.get, "/static/{path...}", .cached { pages.file($0.pathParameters["path"] ?? "", $0) }),
            .citizen(.get, "/sw.js", .cached { pages.file("sw.js", $0) }),
            .citizen(.get, "/login", .cached { pages.file("staff/login.html", $0) }),

            // Staff: login, and what each role may do.
            .citizen(.post, "/api/login", .awaiting(auth.login)),
            .citizen(.get, "/api/me", .work(auth.me)),
            .staff(.post, "/api/logout", .anyStaff, .work(auth.logout)),
            .staff(.get, "/api/staff/sessions", .anyStaff, .work(staff.list)),
            .staff(.get, "/api/staff/session-settings", .anyStaff, .work(staff.settings)),
            .staff(.post, "/api/staff/sessions", .facilitators, .awaiting(staff.create)),
            .staff(.get, "/api/staff/sessions/{code}", .anyStaff, .work(staff.detail)),
            .staff(.post, "/api/staff/sessions/{code}/open", .facilitators, .work { try staff.transition($0, $1, to: .open) }),
            .staff(.post, "/api/staff/sessions/{code}/close", .facilitators, .work { try staff.transition($0, $1, to: .closed) }),
            .staff(.get, "/api/staff/sessions/{code}/live", .facilitators, .work(staff.live)),
            .staff(.get, "/api/staff/audit", .admins, .work(parts.auditAPI.events)),

            // Meetings after creation: edit, duplicate, delete a draft (or the demo), archive a closed one.
            .staff(.patch, "/api/staff/sessions/{code}", .facilitators, .awaiting(changes.edit)),
            .staff(.delete, "/api/staff/sessions/{code}", .facilitators, .work(changes.delete)),
            .staff(.post, "/api/staff/sessions/{code}/duplicate", .facilitators, .awaiting(changes.duplicate)),
            .staff(.post, "/api/staff/sessions/{code}/archive", .facilitators, .work { try changes.archive($0, $1, archived: true) }),
            .staff(.post, "/api/staff/sessions/{code}/unarchive", .facilitators, .work { try changes.archive($0, $1, archived: false) }),

            // Staff accounts, run by admins; the first admin and every password come through one-time links.
            .staff(.get, "/api/staff/users", .admins, .work(users.list)),
            .staff(.post, "/api/staff/users", .admins, .work(users.add)),
            .staff(.post, "/api/staff/users/{id}/role", .admins, .work(users.changeRole)),
            .staff(.post, "/api/staff/users/{id}/disable", .admins, .work(users.disable)),
            .staff(.post, "/api/staff/users/{id}/enable", .admins, .work(users.enable)),
            .staff(.post, "/api/staff/users/{id}/reset", .admins, .work(users.reset)),
            .staff(.delete, "/api/staff/users/{id}", .admins, .work(users.delete)),
            .citizen(.get, "/setup", .cached { pages.file("staff/setup.html", $0) }),
            .citizen(.post, "/api/setup/check", .work(setup.check)),
            .citizen(.post, "/api/setup", .awaiting(setup.create)),
            .citizen(.get, "/password", .cached { pages.file("staff/password.html", $0) }),
            .citizen(.post, "/api/password/check", .work(passwordLinks.check)),
            .citizen(.post, "/api/password", .awaiting(passwordLinks.setPassword)),

            // Forms: built, versioned and published in the browser; library forms are read-only.
            .staff(.get, "/api/staff/forms", .anyStaff, .work(forms.list)),
            .staff(.post, "/api/staff/forms", .facilitators, .work(forms.create)),
            .staff(.post, "/api/staff/forms/import", .facilitators, .work(forms.importFile)),
            .staff(.get, "/api/staff/forms/{id}", .anyStaff, .work(forms.detail)),
            .staff(.put, "/api/staff/forms/{id}", .facilitators, .work(forms.saveDraft)),
            .staff(.delete, "/api/staff/forms/{id}/draft", .facilitators, .work(forms.discardDraft)),
            .staff(.post, "/api/staff/forms/{id}/publish", .facilitators, .work(forms.publish)),
            .staff(.get, "/api/staff/forms/{id}/export", .anyStaff, .work(forms.export)),
            .staff(.get, "/api/staff/forms/{id}/preview", .anyStaff, .work(forms.preview)),
            .staff(.get, "/api/staff/forms/{id}/diff", .anyStaff, .work(forms.difference)),

            // Analysts: runs, results, corrections, exports.
            .staff(.get, "/api/analyst/forms", .analysts, .work(analyst.formList)),
            .staff(.get, "/api/analyst/runs", .analysts, .work(analyst.runs)),
            .staff(.post, "/api/analyst/runs", .analysts, .work(analyst.startRun)),
            .staff(.get, "/api/analyst/runs/{id}", .analysts, .work(analyst.run)),
            .staff(.get, "/api/analyst/runs/{id}/search", .analysts, .work(analyst.search)),
            .staff(.post, "/api/analyst/forms/{formId}/decisions", .analysts, .work(analyst.addDecision)),
            .staff(.delete, "/api/analyst/decisions/{id}", .analysts, .work(analyst.withdrawDecision)),
            .staff(.get, "/api/analyst/export", .analysts, .work(analyst.export)),
        ] + parts.citizensData.routes + [

            // Staff pages: static files, but only shown to the right people (others are sent to log in).
            .page("/staff", "staff/index.html", .anyStaff),
            .page("/staff/sessions/{code}", "staff/session.html", .facilitators, checking: staff.requireSession),
            .page("/staff/sessions/{code}/print", "staff/print.html", .facilitators, checking: staff.requireSession),
            .page("/staff/audit", "staff/audit.html", .admins),
            .page("/staff/users", "staff/users.html", .admins),
            .page("/staff/forms", "staff/forms.html", .anyStaff),
            .page("/staff/forms/{id}", "staff/form.html", .anyStaff),
            .staff(.get, "/staff/forms/{id}/preview", .anyStaff, .framedPage("tablet.html")),
            .page("/analyst", "analyst/index.html", .analysts),
            .page("/analyst/runs/{id}", "analyst/run.html", .analysts, checking: analyst.requireRun),
            // Any other path under the pages: a 404 page in the person's language, not the router's JSON.
            .missingPages(under: "/staff", .anyStaff),
            .missingPages(under: "/analyst", .analysts),
        ]
    }

    /// The router's table for `routes`: staff handlers get the gate in front of them.
    static func routeTable(_ routes: [AppRoute], gate: StaffGate, pages: Pages) -> RouteTable {
        var table = RouteTable()
        for route in routes {
            let handler: RouteHandler
            switch route.handler {
            case .citizen(.cached(let answer)): handler = .onServerThread(answer)
            case .citizen(.work(let work)): handler = .offServerThread(work)
            case .citizen(.awaiting(let work)): handler = .awaiting(work)
            case .citizen(.replying(let work)): handler = .replying(work)
            case .staff(let roles, .work(let work)):
                handler = .offServerThread { request in try work(request, try gate.admit(request, roles: roles)) }
            case .staff(let roles, .awaiting(let work)):
                handler = .awaiting { request in try await work(request, try gate.admit(request, roles: roles)) }
            case .staff(let roles, .page(let file, let check)):
                handler = .offServerThread { request in try pages.staffPage(file, request, roles: roles, checking: check) }
            case .staff(let roles, .missingPage):
                handler = .offServerThread { request in try pages.missingPage(request, roles: roles) }
            case .staff(let roles, .framedPage(let file)):
                handler = .offServerThread { request in
                    Pages.allowingFramesFromItself(try pages.staffPage(file, request, roles: roles))
                }
            }
            table.add(route.method, route.pattern, handler)
        }
        return table
    }
}
