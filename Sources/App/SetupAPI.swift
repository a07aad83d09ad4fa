import Authentication
import Foundation
import HTTPServer
import Storage

/// The first administrator, made in the browser: while there is none, `serve` prints a setup link
/// (``Application/issueSetupLinkIfNeeded()``); its page posts here. The link works once, for 24 hours.
struct SetupAPI: Sendable {
    let store: Store
    let passwords: PasswordWork
    let auth: AuthAPI
    let links: LinkTokenCheck

    /// `POST /api/setup/check` `{"token"}`: whether the link works, and the password rules.
    func check(_ request: Request) throws -> Response {
        let body = try RequestBody.decode(LinkTokenBody.self, from: request)
        guard try !store.hasEnabledAdministrator() else { throw AccountError.administratorExists }
        let (link, _) = try links.workingLink(body.token, purpose: .setup, request: request)
        return .json(LinkCheck(email: nil, firstPassword: true, expiresAt: Timestamp.format(link.expiresAt), passwordRules: PasswordRuleView.all))
    }

    /// `POST /api/setup` `{"token","email","password"}`: creates the first administrator and logs them in (201).
    func create(_ request: Request) async throws -> Response {
        let body = try RequestBody.decode(SetupBody.self, from: request)
        guard try !store.hasEnabledAdministrator() else { throw AccountError.administratorExists }
        _ = try links.workingLink(body.token, purpose: .setup, request: request)
        guard let email = StaffEmail.normalized(body.email) else {
            throw AppError.invalidFields([FieldProblem(field: "email", da: "Skriv en e-mailadresse som navn@kommune.dk.",
                                                       en: "Enter an e-mail address like name@kommune.dk.")])
        }
        let problems = PasswordChoice.problems(in: body.password, email: email)
        guard problems.isEmpty else { throw AppError.invalidFields(problems) }
        let hash = try await passwords.hash(body.password)
        let account: Account
        do {
            account = try store.createFirstAdministrator(
                tokenDigest: SecretToken.digest(body.token), email: email, passwordHash: hash, at: links.clock(),
                audit: AuditLog.event(actor: email, action: "setup.admin", target: email))
        } catch StorageError.duplicateAccount {
            throw AppError.invalidFields([FieldProblem(
                field: "email", da: "Der findes allerede en konto med e-mailen \(email). Brug en anden.",
                en: "An account with the e-mail \(email) exists already. Use another.")])
        }
        return try auth.startLogin(account, role: .admin, address: request.remoteAddress ?? "unknown", now: Date(), status: .created)
    }
}

/// The body of `POST /api/setup`.
private struct SetupBody: Decodable {
    let token: String
    let email: String
    let password: String
}

/// What a link page learns before the person types anything.
struct LinkCheck: Encodable {
    /// The account the link sets the password of (nil for the setup link).
    let email: String?
    /// Whether the account has never had a password (a welcome) rather than a reset.
    let firstPassword: Bool
    /// When the link stops working.
    let expiresAt: String
    /// The rules the new password must meet.
    let passwordRules: [PasswordRuleView]
}
