import Authentication
import Forms
import Foundation
import HTTPServer
import Storage

/// What admins do with staff accounts in the browser: list, add (with a one-time set-password
/// link to hand over), change role, disable and enable, reset the password, delete one without history.
///
/// Every change commits with its audit event. The store keeps the last enabled administrator.
struct UsersAPI: Sendable {
    let store: Store
    let address: PublicAddress
    let clock: @Sendable () -> Date

    /// `GET /api/staff/users`: every account, with the password rules the invited person will meet.
    func list(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let users = try store.accountOverviews(at: clock()).map { AccountView($0, viewer: identity) }
        return .json(UserList(users: users, passwordRules: PasswordRuleView.all))
    }

    /// `POST /api/staff/users` `{"email","role"}`: a new account without a password, and its link.
    func add(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let body = try RequestBody.decode(NewUserBody.self, from: request)
        var problems: [FieldProblem] = []
        let email = StaffEmail.normalized(body.email ?? "")
        if email == nil {
            problems.append(FieldProblem(field: "email", da: "Skriv en e-mailadresse som navn@kommune.dk.",
                                         en: "Enter an e-mail address like name@kommune.dk."))
        }
        let role = Role(rawValue: body.role ?? "")
        if role == nil { problems.append(Self.roleProblem) }
        guard let email, let role, problems.isEmpty else { throw AppError.invalidFields(problems) }

        let now = clock()
        let (token, link) = OneTimeLinks.make(by: identity.email, at: now, lifetime: OneTimeLinks.passwordLifetime)
        let account: Account
        do {
            account = try store.inviteAccount(
                email: email, role: role.rawValue, link: link,
                audit: AuditLog.event(actor: identity.email, action: "user.add", target: email, details: ["role": .string(role.rawValue)]))
        } catch StorageError.duplicateAccount {
            throw AppError.invalidFields([FieldProblem(
                field: "email", da: "Der findes allerede en konto med e-mailen \(email).", en: "An account with the e-mail \(email) exists already.")])
        }
        return .json(try linkAnswer(account, token: token, link: link, request: request, viewer: identity), status: .created)
    }

    /// `POST /api/staff/users/{id}/role` `{"role"}`.
    func changeRole(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let id = try accountID(in: request)
        let body = try RequestBody.decode(RoleBody.self, from: request)
        guard let role = Role(rawValue: body.role ?? "") else { throw AppError.invalidFields([Self.roleProblem]) }
        let before = try store.accountOverview(id: id, at: clock()).account
        let account = try store.changeRole(
            accountID: id, to: role.rawValue,
            audit: AuditLog.event(actor: identity.email, action: "user.role", target: before.email,
                                  details: ["from": .string(before.role), "to": .string(role.rawValue)]))
        return try userAnswer(account.id, viewer: identity)
    }

    /// `POST /api/staff/users/{id}/disable`: the account's logins end at once.
    func disable(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let id = try accountID(in: request)
        let email = try store.accountOverview(id: id, at: clock()).account.email
        _ = try store.disableAccount(accountID: id, at: clock(), audit: AuditLog.event(actor: identity.email, action: "user.disable", target: email))
        return try userAnswer(id, viewer: identity)
    }

    /// `POST /api/staff/users/{id}/enable`.
    func enable(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let id = try accountID(in: request)
        let email = try store.accountOverview(id: id, at: clock()).account.email
        _ = try store.enableAccount(accountID: id, audit: AuditLog.event(actor: identity.email, action: "user.enable", target: email))
        return try userAnswer(id, viewer: identity)
    }

    /// `POST /api/staff/users/{id}/reset`: the old password stops working; a new one-time link.
    func reset(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let id = try accountID(in: request)
        let email = try store.accountOverview(id: id, at: clock()).account.email
        let (token, link) = OneTimeLinks.make(by: identity.email, at: clock(), lifetime: OneTimeLinks.passwordLifetime)
        let account = try store.resetPassword(
            accountID: id, link: link, audit: AuditLog.event(actor: identity.email, action: "user.reset", target: email))
        return .json(try linkAnswer(account, token: token, link: link, request: request, viewer: identity))
    }

    /// `DELETE /api/staff/users/{id}`: only an account that has never logged in or acted.
    func delete(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let id = try accountID(in: request)
        let email = try store.accountOverview(id: id, at: clock()).account.email
        try store.deleteAccount(accountID: id, audit: AuditLog.event(actor: identity.email, action: "user.delete", target: email))
        return .json(["status": "deleted"])
    }

    private static let roleProblem = FieldProblem(
        field: "role", da: "Vælg en rolle: administrator, mødeleder eller analytiker.",
        en: "Choose a role: admin, facilitator or analyst.")

    private func accountID(in request: Request) throws -> Int64 {
        let text = request.pathParameters["id"] ?? ""
        guard let id = Int64(text) else { throw AccountError.notFound(text) }
        return id
    }

    private func userAnswer(_ id: Int64, viewer: StaffIdentity) throws -> Response {
        .json(["user": AccountView(try store.accountOverview(id: id, at: clock()), viewer: viewer)])
    }

    private func linkAnswer(_ account: Account, token: String, link: NewOneTimeLink, request: Request, viewer: StaffIdentity) throws -> LinkAnswer {
        LinkAnswer(
            user: AccountView(try store.accountOverview(id: account.id, at: clock()), viewer: viewer),
            setPasswordURL: OneTimeLinks.url(base: try address.baseURL(for: request), path: OneTimeLinks.passwordPath, token: token),
            linkExpiresAt: Timestamp.format(link.expiresAt))
    }
}

/// The body of `POST /api/staff/users`.
private struct NewUserBody: Decodable {
    let email: String?
    let role: String?
}

/// The body of `POST /api/staff/users/{id}/role`.
private struct RoleBody: Decodable {
    let role: String?
}

private struct UserList: Encodable {
    let users: [AccountView]
    let passwordRules: [PasswordRuleView]
}

/// An account and the link that sets its password, shown once.
private struct LinkAnswer: Encodable {
    let user: AccountView
    let setPasswordURL: String
    let linkExpiresAt: String
}
