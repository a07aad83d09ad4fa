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
    let formStudio: FormStudioAPI
    let qrCodes: QRCodeAPI
    let analyst: AnalystAPI
    let citizensData: CitizensDataRoutes
    let pages: Pages
    let gate: StaffGate

    init(configuration: AppConfiguration, library: FormLibrary, store: Store, sessions: SessionDirectory, analysis: AnalysisServices, logger: Logger) {
        let passwords = PasswordWork(hasher: PasswordHasher(parameters: configuration.passwordHashing))
        let audit = AuditLog(store: store, logger: logger)
        gate = StaffGate(store: store)
        citizen = CitizenAPI(sessions: sessions, store: store, passwords: passwords, kioskThrottle: LoginThrottle())
        auth = AuthAPI(store: store, gate: gate, passwords: passwords, throttle: LoginThrottle(), audit: audit,
                       secureCookies: configuration.secureCookies)
        staff = StaffSessionsAPI(library: library, store: store, sessions: sessions, passwords: passwords, audit: audit)
        formStudio = FormStudioAPI(library: library, store: store, sessions: sessions)
        qrCodes = QRCodeAPI(sessions: sessions)
        analyst = AnalystAPI(
            library: library, store: store, sessions: sessions, jobs: analysis.jobs, reports: analysis.reports,
            exports: analysis.exports, audit: audit)
        citizensData = CitizensDataRoutes(store: store, sessions: sessions, library: library)
        pages = Pages(staticFiles: StaticFiles(root: configuration.staticDirectory), gate: gate)
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
            .staff(.post, "/api/staff/sessions", .facilitators, .awaiting(staff.create)),
            .staff(.get, "/api/staff/sessions/{code}", .anyStaff, .work(staff.detail)),
            .staff(.post, "/api/staff/sessions/{code}/open", .facilitators, .work { try staff.transition($0, $1, to: .open) }),
            .staff(.post, "/api/staff/sessions/{code}/close", .facilitators, .work { try staff.transition($0, $1, to: .closed) }),
            .staff(.get, "/api/staff/sessions/{code}/live", .facilitators, .work(staff.live)),
            .staff(.get, "/api/staff/audit", .admins, .work(staff.auditEvents)),

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

            // Analysts: runs, results, corrections, exports.
            .staff(.get, "/api/analyst/forms", .analysts, .work(analyst.formList)),
            .staff(.get, "/api/analyst/runs", .analysts, .work(analyst.runs)),
            .staff(.post, "/api/analyst/runs", .analysts, .work(analyst.startRun)),
            .staff(.get, "/api/analyst/runs/{id}", .analysts, .work(analyst.run)),
            .staff(.post, "/api/analyst/forms/{formId}/decisions", .analysts, .work(analyst.addDecision)),
            .staff(.delete, "/api/analyst/decisions/{id}", .analysts, .work(analyst.withdrawDecision)),
            .staff(.get, "/api/analyst/export", .analysts, .work(analyst.export)),
        ] + parts.citizensData.routes + [

            // Staff pages: static files, but only shown to the right people (others are sent to log in).
            .page("/staff", "staff/index.html", .anyStaff),
            .page("/staff/sessions/{code}", "staff/session.html", .facilitators),
            .page("/staff/sessions/{code}/print", "staff/print.html", .facilitators),
            .page("/staff/audit", "staff/audit.html", .admins),
            .page("/staff/forms", "staff/forms.html", .anyStaff),
            .page("/staff/forms/{id}", "staff/form.html", .anyStaff),
            .staff(.get, "/staff/forms/{id}/preview", .anyStaff, .framedPage("tablet.html")),
            .page("/analyst", "analyst/index.html", .analysts),
            .page("/analyst/runs/{id}", "analyst/run.html", .analysts),
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
            case .staff(let roles, .page(let file)):
                handler = .offServerThread { request in try pages.staffPage(file, request, roles: roles) }
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
