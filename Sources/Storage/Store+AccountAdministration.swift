import Foundation
import GRDB

/// An account with what the staff accounts page shows beside it.
public struct AccountOverview: Sendable, Hashable {
    /// The account.
    public var account: Account
    /// Whether it has logged in or acted (then it can be disabled, not deleted).
    public var hasHistory: Bool
    /// When its unused set-password link expires, if it has one that still works.
    public var linkExpiresAt: Date?
}

extension Store {
    /// Every account by e-mail, with its history and its working set-password link.
    public func accountOverviews(at now: Date) throws -> [AccountOverview] {
        try reading { database in
            try Account.order(Account.Columns.email).fetchAll(database).map { try Self.overview(of: $0, at: now, in: database) }
        }
    }

    /// One account with its history and its working set-password link; throws `AccountError.notFound`.
    public func accountOverview(id: Int64, at now: Date) throws -> AccountOverview {
        try reading { database in
            try Self.overview(of: try Self.account(id: id, in: database), at: now, in: database)
        }
    }

    /// Whether at least one enabled administrator exists.
    public func hasEnabledAdministrator() throws -> Bool {
        try reading { database in
            try Self.enabledAdministratorCount(in: database) > 0
        }
    }

    /// Creates an account without a password and its set-password link, in one transaction with `audit`.
    ///
    /// An e-mail already in use (any case) throws `StorageError.duplicateAccount`.
    public func inviteAccount(email: String, role: String, link: NewOneTimeLink, audit: AuditEvent? = nil) throws -> Account {
        try writing { database in
            let account = try Self.insertAccount(email: email, role: role, passwordHash: Account.noPassword, at: link.createdAt, in: database)
            try Self.insertLink(link, purpose: .password, accountID: account.id, in: database)
            try Self.insert(audit, into: database)
            return account
        }
    }

    /// Gives an account another role; the last enabled administrator keeps theirs (`AccountError.lastAdmin`).
    public func changeRole(accountID: Int64, to role: String, audit: AuditEvent? = nil) throws -> Account {
        try writing { database in
            let account = try Self.account(id: accountID, in: database)
            if role != Account.administratorRole {
                try Self.requireAnotherAdministrator(than: account, in: database)
            }
            try Account.filter(id: accountID).updateAll(database, Account.Columns.role.set(to: role))
            try Self.insert(audit, into: database)
            return try Self.account(id: accountID, in: database)
        }
    }

    /// Disables an account: its logins end at once and its unused links stop working. The last
    /// enabled administrator cannot be disabled (`AccountError.lastAdmin`); disabling a disabled
    /// account changes nothing but is still recorded.
    public func disableAccount(accountID: Int64, at date: Date, audit: AuditEvent? = nil) throws -> Account {
        try writing { database in
            let account = try Self.account(id: accountID, in: database)
            if account.disabledAt == nil {
                try Self.requireAnotherAdministrator(than: account, in: database)
                try Account.filter(id: accountID).updateAll(database, Account.Columns.disabledAt.set(to: date))
            }
            try Self.endLoginsAndLinks(of: accountID, in: database)
            try Self.insert(audit, into: database)
            return try Self.account(id: accountID, in: database)
        }
    }

    /// Enables a disabled account again (it logs in with its password, if it has one).
    public func enableAccount(accountID: Int64, audit: AuditEvent? = nil) throws -> Account {
        try writing { database in
            _ = try Self.account(id: accountID, in: database)
            try Account.filter(id: accountID).updateAll(database, Account.Columns.disabledAt.set(to: nil))
            try Self.insert(audit, into: database)
            return try Self.account(id: accountID, in: database)
        }
    }

    /// Resets an account's password: the old one stops working, its logins and older links end,
    /// and `link` becomes its way to a new password. A disabled account throws `AccountError.disabled`.
    public func resetPassword(accountID: Int64, link: NewOneTimeLink, audit: AuditEvent? = nil) throws -> Account {
        try writing { database in
            let account = try Self.account(id: accountID, in: database)
            guard account.disabledAt == nil else { throw AccountError.disabled(email: account.email) }
            try Self.endLoginsAndLinks(of: accountID, in: database)
            try Account.filter(id: accountID).updateAll(database, Account.Columns.passwordHash.set(to: Account.noPassword))
            try Self.insertLink(link, purpose: .password, accountID: accountID, in: database)
            try Self.insert(audit, into: database)
            return try Self.account(id: accountID, in: database)
        }
    }

    /// Sets an account's password hash directly (the command line) and ends its logins and links.
    public func replacePassword(accountID: Int64, with passwordHash: String, audit: AuditEvent? = nil) throws -> Account {
        try writing { database in
            _ = try Self.account(id: accountID, in: database)
            try Self.endLoginsAndLinks(of: accountID, in: database)
            try Account.filter(id: accountID).updateAll(database, Account.Columns.passwordHash.set(to: passwordHash))
            try Self.insert(audit, into: database)
            return try Self.account(id: accountID, in: database)
        }
    }

    /// Deletes an account that has no history (`AccountError.hasHistory` otherwise: disable it),
    /// with its links; never the last enabled administrator.
    public func deleteAccount(accountID: Int64, audit: AuditEvent? = nil) throws {
        try writing { database in
            let account = try Self.account(id: accountID, in: database)
            guard try !Self.hasHistory(account, in: database) else { throw AccountError.hasHistory(email: account.email) }
            try Self.requireAnotherAdministrator(than: account, in: database)
            _ = try Account.filter(id: accountID).deleteAll(database)
            try Self.insert(audit, into: database)
        }
    }

    // MARK: - Inside transactions

    static func account(id: Int64, in database: Database) throws -> Account {
        guard let account = try Account.fetchOne(database, id: id) else { throw AccountError.notFound("#\(id)") }
        return account
    }

    static func insertAccount(email: String, role: String, passwordHash: String, at date: Date, in database: Database) throws -> Account {
        let created: Account?
        do {
            created = try SQLRequest<Account>(literal: """
                INSERT INTO account (email, role, password_hash, created_at)
                VALUES (\(email), \(role), \(passwordHash), \(date))
                RETURNING *
                """).fetchOne(database)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StorageError.duplicateAccount(email: email)
        }
        guard let created else {
            throw StorageError.sqlite(statement: "INSERT INTO account", reason: "the new account was not returned")
        }
        return created
    }

    static func insertLink(_ link: NewOneTimeLink, purpose: OneTimeLink.Purpose, accountID: Int64?, in database: Database) throws {
        try database.execute(literal: """
            INSERT INTO one_time_link (token_digest, purpose, account_id, created_by, created_at, expires_at)
            VALUES (\(link.tokenDigest), \(purpose), \(accountID), \(link.createdBy), \(link.createdAt), \(link.expiresAt))
            """)
    }

    static func enabledAdministratorCount(in database: Database) throws -> Int {
        try Account.filter(Account.Columns.role == Account.administratorRole && Account.Columns.disabledAt == nil).fetchCount(database)
    }

    /// Throws `lastAdmin` when `account` is the only enabled administrator.
    private static func requireAnotherAdministrator(than account: Account, in database: Database) throws {
        guard account.role == Account.administratorRole, account.disabledAt == nil else { return }
        guard try enabledAdministratorCount(in: database) > 1 else { throw AccountError.lastAdmin(email: account.email) }
    }

    private static func endLoginsAndLinks(of accountID: Int64, in database: Database) throws {
        _ = try LoginSession.filter(Column("account_id") == accountID).deleteAll(database)
        _ = try OneTimeLink.filter(OneTimeLink.Columns.accountID == accountID && OneTimeLink.Columns.usedAt == nil).deleteAll(database)
    }

    /// Logged in, or named as the actor of anything in the audit log but a failed login (which anyone can cause).
    private static func hasHistory(_ account: Account, in database: Database) throws -> Bool {
        if account.lastLoginAt != nil { return true }
        return try SQLRequest<Bool>(literal: """
            SELECT EXISTS (SELECT 1 FROM audit_event WHERE actor = \(account.email) COLLATE NOCASE AND action <> 'login.failed')
            """).fetchOne(database) ?? false
    }

    private static func overview(of account: Account, at now: Date, in database: Database) throws -> AccountOverview {
        let linkExpiresAt = try OneTimeLink
            .filter(OneTimeLink.Columns.accountID == account.id && OneTimeLink.Columns.usedAt == nil && OneTimeLink.Columns.expiresAt > now)
            .select(max(OneTimeLink.Columns.expiresAt), as: Date.self)
            .fetchOne(database)
        return AccountOverview(account: account, hasHistory: try hasHistory(account, in: database), linkExpiresAt: linkExpiresAt)
    }
}
