import Authentication
import Forms
import Foundation
import HTTPServer
import Storage

/// The logged-in staff member behind a request.
public struct StaffIdentity: Sendable {
    /// Their login.
    public let login: LoginSession
    /// Their role.
    public let role: Role

    /// Their e-mail, as the audit log names them.
    public var email: String { login.account.email }
}

/// Decides whether a request may pass: login cookie, role and CSRF token.
struct StaffGate: Sendable {
    /// The cookie that carries the login token.
    static let cookieName = "borgerdialog_session"
    /// The header every state-changing staff request echoes the CSRF token in.
    static let csrfHeader = "X-CSRF-Token"

    let store: Store

    /// The staff member logged in with this request's cookie, if any.
    func identity(of request: Request) throws -> StaffIdentity? {
        guard let token = request.cookies[Self.cookieName], !token.isEmpty,
              let login = try store.loginSession(tokenDigest: SecretToken.digest(token), at: Date()),
              let role = Role(rawValue: login.account.role)
        else { return nil }
        return StaffIdentity(login: login, role: role)
    }

    /// Lets the request through for a member of `roles`, or throws the error that answers it (401/403).
    func admit(_ request: Request, roles: Set<Role>) throws -> StaffIdentity {
        guard let identity = try identity(of: request) else { throw AppError.notLoggedIn }
        try authorize(identity, request, roles: roles)
        return identity
    }

    /// Lets a logged-in member's request through for `roles`, or throws the 403 that answers it.
    func authorize(_ identity: StaffIdentity, _ request: Request, roles: Set<Role>) throws(AppError) {
        guard roles.contains(identity.role) else { throw AppError.forbidden(roleName: LocalizedText(da: identity.role.name(in: .da), en: identity.role.name(in: .en))) }
        if Self.changesState(request.method) {
            let sent = request.headers[Self.csrfHeader] ?? ""
            guard !sent.isEmpty, constantTimeEquals(sent, identity.login.csrfToken) else { throw AppError.csrfRejected }
        }
    }

    /// Whether a method changes state and so needs the CSRF token.
    static func changesState(_ method: HTTPMethod) -> Bool {
        ![HTTPMethod.get, .head, .options].contains(method)
    }
}
