import Foundation

/// A staff member who can log in: admin, facilitator or analyst.
public struct Account: Sendable, Hashable {
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

    /// An account as stored.
    public init(id: Int64, email: String, role: String, passwordHash: String, createdAt: Date, disabledAt: Date?) {
        self.id = id
        self.email = email
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }
}
