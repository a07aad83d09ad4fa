import Foundation
import GRDB

extension Store {
    /// Makes `link` the one setup link (unused earlier ones stop working), with `audit`, while no
    /// enabled administrator exists (`AccountError.administratorExists` otherwise).
    public func issueSetupLink(_ link: NewOneTimeLink, audit: AuditEvent? = nil) throws {
        try writing { database in
            guard try Self.enabledAdministratorCount(in: database) == 0 else { throw AccountError.administratorExists }
            _ = try OneTimeLink
                .filter(OneTimeLink.Columns.purpose == OneTimeLink.Purpose.setup && OneTimeLink.Columns.usedAt == nil)
                .deleteAll(database)
            try Self.insertLink(link, purpose: .setup, accountID: nil, in: database)
            try Self.insert(audit, into: database)
        }
    }

    /// The link with this token digest and its account, if it works at `now` (and its account is enabled).
    public func workingLink(tokenDigest: String, at now: Date) throws -> (link: OneTimeLink, account: Account?)? {
        try reading { database in
            guard let link = try OneTimeLink.filter(OneTimeLink.Columns.tokenDigest == tokenDigest).fetchOne(database),
                  link.works(at: now)
            else { return nil }
            guard let accountID = link.accountID else { return (link, nil) }
            guard let account = try Account.fetchOne(database, id: accountID), account.disabledAt == nil else { return nil }
            return (link, account)
        }
    }

    /// Uses the setup link: creates the first administrator, in one transaction with `audit`.
    ///
    /// Throws `AccountError.linkNotValid` for a link that does not work (any more) and
    /// `administratorExists` once there is an enabled administrator.
    public func createFirstAdministrator(
        tokenDigest: String, email: String, passwordHash: String, at now: Date, audit: AuditEvent? = nil
    ) throws -> Account {
        try writing { database in
            _ = try Self.use(tokenDigest: tokenDigest, purpose: .setup, at: now, in: database)
            guard try Self.enabledAdministratorCount(in: database) == 0 else { throw AccountError.administratorExists }
            let account = try Self.insertAccount(
                email: email, role: Account.administratorRole, passwordHash: passwordHash, at: now, in: database)
            try Self.insert(audit, into: database)
            return account
        }
    }

    /// Uses a set-password link: the account gets this password hash and its other logins end.
    ///
    /// Throws `AccountError.linkNotValid` for a link that does not work (any more) or whose account is disabled.
    public func setPassword(tokenDigest: String, passwordHash: String, at now: Date, audit: AuditEvent? = nil) throws -> Account {
        try writing { database in
            let link = try Self.use(tokenDigest: tokenDigest, purpose: .password, at: now, in: database)
            guard let accountID = link.accountID, let account = try Account.fetchOne(database, id: accountID),
                  account.disabledAt == nil
            else { throw AccountError.linkNotValid }
            _ = try LoginSession.filter(Column("account_id") == accountID).deleteAll(database)
            try Account.filter(id: accountID).updateAll(database, Account.Columns.passwordHash.set(to: passwordHash))
            try Self.insert(audit, into: database)
            return try Self.account(id: accountID, in: database)
        }
    }

    /// Marks a working link of `purpose` used; two requests with one link cannot both get here.
    private static func use(tokenDigest: String, purpose: OneTimeLink.Purpose, at now: Date, in database: Database) throws -> OneTimeLink {
        guard let link = try OneTimeLink.filter(OneTimeLink.Columns.tokenDigest == tokenDigest).fetchOne(database),
              link.purpose == purpose, link.works(at: now)
        else { throw AccountError.linkNotValid }
        try OneTimeLink.filter(id: link.id).updateAll(database, Column("used_at").set(to: now))
        return link
    }
}
