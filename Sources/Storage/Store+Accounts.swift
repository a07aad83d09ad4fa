import Foundation
import GRDB

extension Store {
    /// Creates a staff account; an e-mail already in use (any case) throws `duplicateAccount`.
    public func createAccount(email: String, role: String, passwordHash: String, at date: Date = Date()) throws -> Account {
        try writing { database in
            do {
                try database.execute(
                    sql: "INSERT INTO account (email, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    arguments: [email, role, passwordHash, date])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw StorageError.duplicateAccount(email: email)
            }
            guard let account = try Self.fetchAccount(in: database, where: "id = ?", database.lastInsertedRowID) else {
                throw StorageError.sqlite(statement: "INSERT INTO account", reason: "the new account was not found")
            }
            return account
        }
    }

    /// The account with this e-mail (case does not matter), if any.
    public func account(email: String) throws -> Account? {
        try reading { database in try Self.fetchAccount(in: database, where: "email = ?", email) }
    }

    /// Every account, by e-mail.
    public func accounts() throws -> [Account] {
        try reading { database in
            try Row.fetchAll(database, sql: "\(Self.accountSelection) ORDER BY email").map(Self.account(from:))
        }
    }

    /// Replaces an account's password hash (after a rehash with stronger parameters, or a reset).
    public func updatePasswordHash(accountID: Int64, to passwordHash: String) throws {
        try writing { database in
            try database.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [passwordHash, accountID])
        }
    }

    /// Starts a login session; the caller keeps the token, the database only its digest.
    public func createLoginSession(
        tokenDigest: String, accountID: Int64, csrfToken: String, address: String?, createdAt: Date, expiresAt: Date
    ) throws {
        try writing { database in
            try database.execute(
                sql: """
                    INSERT INTO login_session (token_digest, account_id, csrf_token, address, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [tokenDigest, accountID, csrfToken, address, createdAt, expiresAt])
        }
    }

    /// The unexpired login with this token digest, with its (enabled) account.
    public func loginSession(tokenDigest: String, at now: Date) throws -> LoginSession? {
        try reading { database in
            guard let row = try Row.fetchOne(
                database,
                sql: """
                    SELECT login_session.id AS login_id, login_session.token_digest, login_session.csrf_token,
                           login_session.created_at AS login_created_at, login_session.expires_at,
                           account.id, account.email, account.role, account.password_hash,
                           account.created_at, account.disabled_at
                    FROM login_session JOIN account ON account.id = login_session.account_id
                    WHERE login_session.token_digest = ? AND login_session.expires_at > ? AND account.disabled_at IS NULL
                    """,
                arguments: [tokenDigest, now])
            else { return nil }
            return LoginSession(
                id: try row.storedValue("login_id", of: "login_session"),
                tokenDigest: try row.storedValue("token_digest", of: "login_session"),
                account: try Self.account(from: row),
                csrfToken: try row.storedValue("csrf_token", of: "login_session"),
                createdAt: try row.storedValue("login_created_at", of: "login_session"),
                expiresAt: try row.storedValue("expires_at", of: "login_session"))
        }
    }

    /// Ends a login (logout), and with it every expired login, so the table does not grow.
    public func deleteLoginSession(tokenDigest: String, at now: Date) throws {
        try writing { database in
            try database.execute(
                sql: "DELETE FROM login_session WHERE token_digest = ? OR expires_at <= ?", arguments: [tokenDigest, now])
        }
    }

    private static let accountSelection = "SELECT id, email, role, password_hash, created_at, disabled_at FROM account"

    private static func fetchAccount(in database: Database, where condition: String, _ argument: some DatabaseValueConvertible) throws -> Account? {
        try Row.fetchOne(database, sql: "\(accountSelection) WHERE \(condition)", arguments: [argument]).map(account(from:))
    }

    private static func account(from row: Row) throws -> Account {
        Account(
            id: try row.storedValue("id", of: "account"),
            email: try row.storedValue("email", of: "account"),
            role: try row.storedValue("role", of: "account"),
            passwordHash: try row.storedValue("password_hash", of: "account"),
            createdAt: try row.storedValue("created_at", of: "account"),
            disabledAt: try row.storedValue("disabled_at", of: "account"))
    }
}
