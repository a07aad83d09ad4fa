import Foundation
import GRDB

/// A link that works once and for a while: the first admin's setup link, or an account's
/// set-password link (a row of `one_time_link`). The database keeps the token's digest only.
public struct OneTimeLink: Sendable, Hashable, Identifiable, Codable {
    /// What a link is for.
    public enum Purpose: String, Sendable, Codable, DatabaseValueConvertible {
        /// Creates the first administrator, while there is none.
        case setup
        /// Sets the password of one account (a new account's first, or after a reset).
        case password
    }

    /// Row id.
    public var id: Int64
    /// SHA-256 digest of the token in the link.
    public var tokenDigest: String
    /// What the link does.
    public var purpose: Purpose
    /// The account whose password it sets; nil for the setup link.
    public var accountID: Int64?
    /// Who made it: an admin's e-mail, `cli` or `system`.
    public var createdBy: String
    /// When it was made.
    public var createdAt: Date
    /// After this it no longer works.
    public var expiresAt: Date
    /// When it was used; a used link no longer works.
    public var usedAt: Date?

    /// A link as stored.
    public init(
        id: Int64, tokenDigest: String, purpose: Purpose, accountID: Int64?, createdBy: String, createdAt: Date,
        expiresAt: Date, usedAt: Date?
    ) {
        self.id = id
        self.tokenDigest = tokenDigest
        self.purpose = purpose
        self.accountID = accountID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }

    /// Whether the link still works at `now`: unused and unexpired.
    public func works(at now: Date) -> Bool {
        usedAt == nil && now < expiresAt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case tokenDigest = "token_digest"
        case purpose
        case accountID = "account_id"
        case createdBy = "created_by"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case usedAt = "used_at"
    }
}

extension OneTimeLink: StoredRecord, TableRecord {
    /// The table's name.
    public static let databaseTableName = "one_time_link"

    /// Columns for the query interface (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        static let tokenDigest = Column(CodingKeys.tokenDigest)
        static let purpose = Column(CodingKeys.purpose)
        static let accountID = Column(CodingKeys.accountID)
        static let expiresAt = Column(CodingKeys.expiresAt)
        static let usedAt = Column(CodingKeys.usedAt)
    }
}

/// What a new one-time link is made of; the row id and use are the store's.
public struct NewOneTimeLink: Sendable, Hashable {
    /// SHA-256 digest of the token (the caller hands the token itself out, once).
    public var tokenDigest: String
    /// Who makes it: an admin's e-mail, `cli` or `system`.
    public var createdBy: String
    /// When it is made.
    public var createdAt: Date
    /// After this it no longer works.
    public var expiresAt: Date

    /// A link description.
    public init(tokenDigest: String, createdBy: String, createdAt: Date, expiresAt: Date) {
        self.tokenDigest = tokenDigest
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
