import Foundation
import GRDB

/// A staff member's login, found by the digest of the token in their cookie (a row of
/// `login_session` with its account).
public struct LoginSession: Sendable, Hashable, Identifiable, Decodable {
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case tokenDigest = "token_digest"
        /// Not a column: the joined `account` row, under the association's key.
        case account
        case csrfToken = "csrf_token"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
    }
}

extension LoginSession: StoredRecord, TableRecord {
    /// The table's name.
    public static let databaseTableName = "login_session"

    /// Columns for the query interface (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        static let tokenDigest = Column(CodingKeys.tokenDigest)
        static let expiresAt = Column(CodingKeys.expiresAt)
    }

    /// Each login belongs to an account (`login_session.account_id`).
    static let accountAssociation = belongsTo(Account.self, key: CodingKeys.account.stringValue)
}
