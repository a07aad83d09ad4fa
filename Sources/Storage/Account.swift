import Foundation
import GRDB

/// A staff member who can log in: admin, facilitator or analyst (a row of `account`).
public struct Account: Sendable, Hashable, Identifiable, Codable {
    /// Row id.
    public var id: Int64
    /// Login name; unique regardless of case.
    public var email: String
    /// `admin`, `facilitator` or `analyst` (the App gives these meaning).
    public var role: String
    /// The argon2id PHC string; never the password itself.
    public var passwordHash: String
    /// When the account was made.
    public var createdAt: Date
    /// When the account was disabled; a disabled account cannot log in.
    public var disabledAt: Date?
    /// When the account last logged in (nil: never).
    public var lastLoginAt: Date?

    /// An account as stored.
    public init(
        id: Int64, email: String, role: String, passwordHash: String, createdAt: Date, disabledAt: Date?, lastLoginAt: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.disabledAt = disabledAt
        self.lastLoginAt = lastLoginAt
    }

    /// The stored hash of an account that has no password yet (invited) or had it reset: no
    /// password verifies against it, as it is not a PHC string.
    public static let noPassword = "!"

    /// Whether the account has a password it can log in with.
    public var hasPassword: Bool { passwordHash != Self.noPassword }

    /// The role whose last enabled member the store keeps (see ``AccountError/lastAdmin``).
    public static let administratorRole = "admin"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, email, role
        case passwordHash = "password_hash"
        case createdAt = "created_at"
        case disabledAt = "disabled_at"
        case lastLoginAt = "last_login_at"
    }
}

extension Account: StoredRecord, TableRecord {
    /// The table's name.
    public static let databaseTableName = "account"

    /// Columns for the query interface (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        /// Declared `COLLATE NOCASE`, so `==` on it ignores case.
        static let email = Column(CodingKeys.email)
        static let passwordHash = Column(CodingKeys.passwordHash)
        static let disabledAt = Column(CodingKeys.disabledAt)
        static let role = Column(CodingKeys.role)
        static let lastLoginAt = Column(CodingKeys.lastLoginAt)
    }
}
