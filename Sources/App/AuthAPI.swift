import Authentication
import Forms
import Foundation
import HTTPServer
import Storage

/// Staff login, logout and "who am I".
struct AuthAPI: Sendable {
    let store: Store
    let gate: StaffGate
    let passwords: PasswordWork
    let throttle: LoginThrottle
    let audit: AuditLog
    /// Whether cookies are marked `Secure` (the service is reached over TLS, e.g. behind a proxy).
    let secureCookies: Bool

    /// How long a login lasts: a working day with a meeting in it.
    static let loginLifetime: TimeInterval = 12 * 3600

    /// `POST /api/login`: checks the password (slowed down after failures) and sets the login cookie.
    func login(_ request: Request) async throws -> Response {
        let body = try RequestBody.decode(LoginBody.self, from: request)
        let email = (body.email ?? "").trimmingCharacters(in: .whitespaces)
        let password = body.password ?? ""
        let address = request.remoteAddress ?? "unknown"
        let now = Date()

        switch throttle.decision(account: email, address: address, now: now) {
        case .locked(let retryAfter):
            throw AppError.throttled(retryAfterSeconds: max(1, Int(retryAfter.rounded(.up))))
        case .allowed(let delay):
            if delay > 0 { try await Task.sleep(for: .milliseconds(Int(delay * 1000))) }
        }

        let account = try store.account(email: email)
        // An unknown e-mail costs the same work as a wrong password, so timing does not reveal accounts.
        // An account without a password (invited, or reset) costs the same work too.
        let passwordMatches = await passwords.verify(password, against: account.flatMap { $0.hasPassword ? $0.passwordHash : nil })
        guard let account, passwordMatches, account.disabledAt == nil, let role = Role(rawValue: account.role) else {
            throttle.recordFailure(account: email, address: address, now: now)
            audit.record(actor: email.isEmpty ? "unknown" : email, action: "login.failed", details: ["address": .string(address)])
            throw AppError.invalidCredentials
        }
        throttle.recordSuccess(account: email, address: address)
        if passwords.hasher.needsRehash(account.passwordHash), let stronger = try? await passwords.hash(password) {
            try store.updatePasswordHash(accountID: account.id, to: stronger)
        }

        return try startLogin(account, role: role, address: address, now: now)
    }

    /// Logs `account` in: a new login session, its audit event and the answer that sets the cookie
    /// (also after the first admin's setup and after a password is set through a link).
    func startLogin(_ account: Account, role: Role, address: String, now: Date, status: HTTPStatus = .ok) throws -> Response {
        let token = SecretToken.generate()
        let csrfToken = SecretToken.generate()
        try store.createLoginSession(
            tokenDigest: SecretToken.digest(token), accountID: account.id, csrfToken: csrfToken,
            address: address, createdAt: now, expiresAt: now.addingTimeInterval(Self.loginLifetime),
            audit: AuditLog.event(actor: account.email, action: "login", details: ["address": .string(address)]))
        return Response.json(Me(user: .init(email: account.email, role: role.rawValue), csrfToken: csrfToken), status: status)
            .withHeader("Set-Cookie", cookie(value: token, maxAge: Int(Self.loginLifetime)))
            .withHeader("Cache-Control", "no-store")
    }

    /// `POST /api/logout`: ends the login and clears the cookie.
    func logout(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        try store.deleteLoginSession(
            tokenDigest: identity.login.tokenDigest, at: Date(), audit: AuditLog.event(actor: identity.email, action: "logout"))
        return Response(status: .noContent).withHeader("Set-Cookie", cookie(value: "", maxAge: 0))
    }

    /// `GET /api/me`: the logged-in account and its CSRF token, or 401.
    func me(_ request: Request) throws -> Response {
        guard let identity = try gate.identity(of: request) else { throw AppError.notLoggedIn }
        return Response.json(Me(user: .init(email: identity.email, role: identity.role.rawValue), csrfToken: identity.login.csrfToken))
            .withHeader("Cache-Control", "no-store")
    }

    private func cookie(value: String, maxAge: Int) -> String {
        "\(StaffGate.cookieName)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "")
    }
}

/// The body of `POST /api/login`.
private struct LoginBody: Decodable {
    let email: String?
    let password: String?
}

/// The answer to login and `/api/me`.
struct Me: Encodable {
    struct User: Encodable {
        let email: String
        let role: String
    }
    let user: User
    let csrfToken: String
}
