import Authentication
import Foundation
import Storage

/// A staff account as the accounts page sees it.
struct AccountView: Encodable {
    let id: Int64
    let email: String
    let role: String
    /// `active`, `invited` (no password yet, or reset) or `disabled`.
    let status: String
    let createdAt: String
    let lastLoginAt: String?
    let disabledAt: String?
    /// When its unused set-password link stops working, if it has one.
    let linkExpiresAt: String?
    /// Whether it may be deleted: it has never logged in or acted (otherwise it is disabled).
    let canDelete: Bool
    /// Whether it is the account of whoever asked.
    let isYou: Bool

    init(_ overview: AccountOverview, viewer: StaffIdentity) {
        let account = overview.account
        id = account.id
        email = account.email
        role = account.role
        status = account.disabledAt != nil ? "disabled" : account.hasPassword ? "active" : "invited"
        createdAt = Timestamp.format(account.createdAt)
        lastLoginAt = account.lastLoginAt.map(Timestamp.format)
        disabledAt = account.disabledAt.map(Timestamp.format)
        linkExpiresAt = overview.linkExpiresAt.map(Timestamp.format)
        canDelete = !overview.hasHistory
        isYou = account.id == viewer.login.account.id
    }

    // Absent values are written as null, as the staff pages expect, not left out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(email, forKey: .email)
        try container.encode(role, forKey: .role)
        try container.encode(status, forKey: .status)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(lastLoginAt, forKey: .lastLoginAt)
        try container.encode(disabledAt, forKey: .disabledAt)
        try container.encode(linkExpiresAt, forKey: .linkExpiresAt)
        try container.encode(canDelete, forKey: .canDelete)
        try container.encode(isYou, forKey: .isYou)
    }

    private enum CodingKeys: String, CodingKey {
        case id, email, role, status, createdAt, lastLoginAt, disabledAt, linkExpiresAt, canDelete, isYou
    }
}

/// One password rule in both languages, for the pages where a password is chosen or explained.
struct PasswordRuleView: Encodable {
    let da: String
    let en: String

    /// Every rule of ``PasswordPolicy``, in order.
    static var all: [PasswordRuleView] {
        PasswordPolicy.rules.map { PasswordRuleView(da: $0.danish, en: $0.english) }
    }
}
