import Authentication
import Foundation
import Storage

/// Staff accounts from the command line: the same rules as the accounts page (the last enabled
/// administrator stays), each change in the audit log as done by `cli`.
extension Administration {
    /// Every account by e-mail, with whether it has history and its working set-password link.
    public static func listUsers(configuration: AppConfiguration) throws -> [AccountOverview] {
        try withStore(configuration) { store in try store.accountOverviews(at: configuration.clock()) }
    }

    /// Disables the account with this e-mail; its logins end at once.
    public static func disableUser(configuration: AppConfiguration, email: String) throws -> Account {
        try withAccount(configuration, email: email) { store, account in
            try store.disableAccount(accountID: account.id, at: configuration.clock(), audit: event("user.disable", account))
        }
    }

    /// Enables the account with this e-mail again.
    public static func enableUser(configuration: AppConfiguration, email: String) throws -> Account {
        try withAccount(configuration, email: email) { store, account in
            try store.enableAccount(accountID: account.id, audit: event("user.enable", account))
        }
    }

    /// Gives the account with this e-mail another role.
    public static func changeRole(configuration: AppConfiguration, email: String, to role: Role) throws -> Account {
        try withAccount(configuration, email: email) { store, account in
            try store.changeRole(
                accountID: account.id, to: role.rawValue,
                audit: AuditLog.event(actor: "cli", action: "user.role", target: account.email,
                                      details: ["from": .string(account.role), "to": .string(role.rawValue)]))
        }
    }

    /// Gives the account with this e-mail a new password (generated and returned, shown once, when
    /// none is given); its logins and unused links end.
    public static func resetPassword(
        configuration: AppConfiguration, email: String, password: String?
    ) throws -> (account: Account, generatedPassword: String?) {
        let generated = password == nil ? SecretToken.generate(byteCount: 15) : nil
        let chosen = password ?? generated!
        let problems = PasswordPolicy.problems(in: chosen, accountName: email)
        guard problems.isEmpty else { throw AdministrationError.weakPassword(problems) }
        let hash = try PasswordHasher(parameters: configuration.passwordHashing).hash(chosen)
        let account = try withAccount(configuration, email: email) { store, account in
            try store.replacePassword(accountID: account.id, with: hash, audit: event("user.reset", account))
        }
        return (account, generated)
    }

    private static func event(_ action: String, _ account: Account) -> AuditEvent {
        AuditLog.event(actor: "cli", action: action, target: account.email)
    }

    private static func withStore<Result>(_ configuration: AppConfiguration, _ work: (Store) throws -> Result) throws -> Result {
        let store = try Store(configuration: configuration.storageConfiguration)
        defer { store.close() }
        return try work(store)
    }

    private static func withAccount(
        _ configuration: AppConfiguration, email: String, _ work: (Store, Account) throws -> Account
    ) throws -> Account {
        try withStore(configuration) { store in
            guard let account = try store.account(email: email.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw AccountError.notFound(email)
            }
            return try work(store, account)
        }
    }
}
