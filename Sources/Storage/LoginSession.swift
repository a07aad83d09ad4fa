import Foundation

/// A staff member's login, found by the digest of the token in their cookie.
public struct LoginSession: Sendable, Hashable {
    /// Row id.
    public var id: Int64
    /// SHA-256 digest of the cookie token.
    public var tokenDigest: String
    /// Whose login this is.
    public var account: Account
    /// The token every state-changing request must echo in `X-CSRF-Token`.
    public var csrfToken: String
    /// When the login began.
    public var createdAt: Date
    /// After this the login no longer counts.
    public var expiresAt: Date

    /// A login as stored.
    public init(id: Int64, tokenDigest: String, account: Account, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.tokenDigest = tokenDigest
        self.account = account
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
