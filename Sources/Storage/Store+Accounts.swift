import Foundation
import GRDB

extension Store {
    /// Creates a staff account; an e-mail already in use (any case) throws `duplicateAccount`.
    ///
    /// `audit` is stored in the same transaction: if it cannot be stored, neither is the account.
    public func createAccount(
        email: String, role: String, passwordHash: String, at date: Date = Date(), audit: AuditEvent? = nil
    ) throws -> Account {
        try writing { database in
            let created = try Self.insertAccount(email: email, role: role, passwordHash: passwordHash, at: date, in: database)
            try Self.insert(audit, into: database)
            return created
        }
    }

    /// The account with this e-mail (case does not matter), if any.
    public func account(email: String) throws -> Account? {
        try reading { database in
            try Account.filter(Account.Columns.email == email).fetchOne(database)
        }
    }

    /// Every account, by e-mail.
    public func accounts() throws -> [Account] {
        try reading { database in
            try Account.order(Account.Columns.email).fetchAll(database)
        }
    }

    /// Replaces an account's password hash (after a rehash with stronger parameters, or a reset).
    ///
    /// `audit` is stored in the same transaction.
    public func updatePasswordHash(accountID: Int64, to passwordHash: String, audit: AuditEvent? = nil) throws {
        try writing { database in
            try Account.filter(id: accountID).updateAll(database, Account.Columns.passwordHash.set(to: passwordHash))
            try Self.insert(audit, into: database)
        }
    }

    /// Starts a login session and stamps the account's last login; the caller keeps the token,
    /// the database only its digest.
    ///
    /// `audit` is stored in the same transaction.
    public func createLoginSession(
        tokenDigest: String, accountID: Int64, csrfToken: String, address: String?, createdAt: Date, expiresAt: Date,
        audit: AuditEvent? = nil
    ) throws {
        try writing { database in
            try database.execute(literal: """
                INSERT INTO login_session (token_digest, account_id, csrf_token, address, created_at, expires_at)
                VALUES (\(tokenDigest), \(accountID), \(csrfToken), \(address), \(createdAt), \(expiresAt))
                """)
            try Account.filter(id: accountID).updateAll(database, Account.Columns.lastLoginAt.set(to: createdAt))
            try Self.insert(audit, into: database)
        }
    }

    /// The unexpired login with this token digest, with its (enabled) account.
    public func loginSession(tokenDigest: String, at now: Date) throws -> LoginSession? {
        try reading { database in
            try LoginSession
                .filter(LoginSession.Columns.tokenDigest == tokenDigest && LoginSession.Columns.expiresAt > now)
                .including(required: LoginSession.accountAssociation.filter(Account.Columns.disabledAt == nil))
                .fetchOne(database)
        }
    }

    /// Ends a login (logout), and with it every expired login, so the table does not grow.
    ///
    /// `audit` is stored in the same transaction.
    public func deleteLoginSession(tokenDigest: String, at now: Date, audit: AuditEvent? = nil) throws {
        try writing { database in
            _ = try LoginSession
                .filter(LoginSession.Columns.tokenDigest == tokenDigest || LoginSession.Columns.expiresAt <= now)
                .deleteAll(database)
            try Self.insert(audit, into: database)
        }
    }
}
