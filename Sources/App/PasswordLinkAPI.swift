import Authentication
import Foundation
import HTTPServer
import Storage

/// Setting a password with the one-time link an admin handed over (a new account, or after a reset).
struct PasswordLinkAPI: Sendable {
    let store: Store
    let passwords: PasswordWork
    let auth: AuthAPI
    let links: LinkTokenCheck

    /// `POST /api/password/check` `{"token"}`: whose password the link sets, and the rules.
    func check(_ request: Request) throws -> Response {
        let body = try RequestBody.decode(LinkTokenBody.self, from: request)
        let (link, account) = try links.workingLink(body.token, purpose: .password, request: request)
        guard let account else { throw AccountError.linkNotValid }
        return .json(LinkCheck(email: account.email, firstPassword: account.lastLoginAt == nil,
                               expiresAt: Timestamp.format(link.expiresAt), passwordRules: PasswordRuleView.all))
    }

    /// `POST /api/password` `{"token","password"}`: sets the password, ends the account's other
    /// logins, and logs it in here.
    func setPassword(_ request: Request) async throws -> Response {
        let body = try RequestBody.decode(PasswordBody.self, from: request)
        let (_, found) = try links.workingLink(body.token, purpose: .password, request: request)
        guard let found else { throw AccountError.linkNotValid }
        let problems = PasswordChoice.problems(in: body.password, email: found.email)
        guard problems.isEmpty else { throw AppError.invalidFields(problems) }
        let hash = try await passwords.hash(body.password)
        let account = try store.setPassword(
            tokenDigest: SecretToken.digest(body.token), passwordHash: hash, at: links.clock(),
            audit: AuditLog.event(actor: found.email, action: "password.set", target: found.email))
        guard let role = Role(rawValue: account.role) else { throw AccountError.linkNotValid }
        return try auth.startLogin(account, role: role, address: request.remoteAddress ?? "unknown", now: Date())
    }
}

/// The body of `POST /api/password`.
private struct PasswordBody: Decodable {
    let token: String
    let password: String
}
