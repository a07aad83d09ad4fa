import Foundation
import GRDB
import XCTest
@testable import Storage

/// Accounts run from the browser: the last enabled administrator is kept, disabling ends logins at
/// once, only accounts without history are deleted, and one-time links work once and not after expiry.
final class AccountAdministrationTests: XCTestCase {
    func testTheLastEnabledAdministratorCannotBeDisabledDemotedOrDeleted() throws {
        let store = try makeStore()
        let first = try store.createAccount(email: "it@kommune.dk", role: "admin", passwordHash: "h")
        XCTAssertThrowsError(try store.disableAccount(accountID: first.id, at: date(1))) { error in
            XCTAssertEqual(error as? AccountError, .lastAdmin(email: "it@kommune.dk"))
        }
        XCTAssertThrowsError(try store.changeRole(accountID: first.id, to: "facilitator")) { error in
            XCTAssertEqual(error as? AccountError, .lastAdmin(email: "it@kommune.dk"))
        }
        XCTAssertThrowsError(try store.deleteAccount(accountID: first.id)) { error in
            XCTAssertEqual(error as? AccountError, .lastAdmin(email: "it@kommune.dk"))
        }
        XCTAssertEqual(try store.accountOverview(id: first.id, at: date(2)).account.role, "admin", "nothing changed")

        // With a second administrator either may go, but not both.
        let second = try store.createAccount(email: "ole@kommune.dk", role: "admin", passwordHash: "h")
        _ = try store.changeRole(accountID: first.id, to: "facilitator")
        XCTAssertThrowsError(try store.disableAccount(accountID: second.id, at: date(3))) { error in
            XCTAssertEqual(error as? AccountError, .lastAdmin(email: "ole@kommune.dk"))
        }
        XCTAssertTrue(try store.hasEnabledAdministrator())
    }

    func testARefusedChangeRollsBackItsAuditEvent() throws {
        let store = try makeStore()
        let admin = try store.createAccount(email: "it@kommune.dk", role: "admin", passwordHash: "h")
        XCTAssertThrowsError(try store.disableAccount(
            accountID: admin.id, at: date(1), audit: AuditEvent(actor: "it@kommune.dk", action: "user.disable")))
        XCTAssertEqual(try store.auditEvents(limit: 10).map(\.action), [], "the refused action left no event")
    }

    func testDisablingEndsTheLoginsAtOnceAndEnablingDoesNotBringThemBack() throws {
        let store = try makeStore()
        _ = try store.createAccount(email: "it@kommune.dk", role: "admin", passwordHash: "h")
        let mette = try store.createAccount(email: "mette@kommune.dk", role: "facilitator", passwordHash: "h")
        try store.createLoginSession(
            tokenDigest: "mette-login", accountID: mette.id, csrfToken: "c", address: nil, createdAt: date(0), expiresAt: date(3600))
        XCTAssertNotNil(try store.loginSession(tokenDigest: "mette-login", at: date(1)))

        let disabled = try store.disableAccount(accountID: mette.id, at: date(2), audit: AuditEvent(actor: "it", action: "user.disable"))
        XCTAssertEqual(disabled.disabledAt, date(2))
        XCTAssertNil(try store.loginSession(tokenDigest: "mette-login", at: date(3)), "the login ended with the disable")
        XCTAssertEqual(try store.auditEvents(limit: 1).first?.action, "user.disable")

        let enabled = try store.enableAccount(accountID: mette.id)
        XCTAssertNil(enabled.disabledAt)
        XCTAssertNil(try store.loginSession(tokenDigest: "mette-login", at: date(4)), "an old login stays ended")
    }

    func testOnlyAnAccountThatNeverLoggedInOrActedIsDeleted() throws {
        let store = try makeStore()
        _ = try store.createAccount(email: "it@kommune.dk", role: "admin", passwordHash: "h")
        let fresh = try store.createAccount(email: "ny@kommune.dk", role: "analyst", passwordHash: "h")
        let actor = try store.createAccount(email: "Mette@kommune.dk", role: "facilitator", passwordHash: "h")
        let loggedIn = try store.createAccount(email: "ole@kommune.dk", role: "analyst", passwordHash: "h")

        // A failed login names whatever was typed; that is nobody's history.
        try store.recordAudit(AuditEvent(actor: "ny@kommune.dk", action: "login.failed"))
        try store.recordAudit(AuditEvent(actor: "mette@KOMMUNE.dk", action: "session.create", target: "ABC234"))
        try store.createLoginSession(
            tokenDigest: "d", accountID: loggedIn.id, csrfToken: "c", address: nil, createdAt: date(0), expiresAt: date(60))

        let overviews = Dictionary(uniqueKeysWithValues: try store.accountOverviews(at: date(1)).map { ($0.account.email, $0) })
        XCTAssertEqual(overviews["ny@kommune.dk"]?.hasHistory, false)
        XCTAssertEqual(overviews["Mette@kommune.dk"]?.hasHistory, true, "acted (e-mail compared without case)")
        XCTAssertEqual(overviews["ole@kommune.dk"]?.hasHistory, true, "logged in")
        XCTAssertEqual(overviews["ole@kommune.dk"]?.account.lastLoginAt, date(0))

        XCTAssertThrowsError(try store.deleteAccount(accountID: actor.id)) { error in
            XCTAssertEqual(error as? AccountError, .hasHistory(email: "Mette@kommune.dk"))
        }
        XCTAssertThrowsError(try store.deleteAccount(accountID: loggedIn.id))
        try store.deleteAccount(accountID: fresh.id, audit: AuditEvent(actor: "it@kommune.dk", action: "user.delete", target: "ny@kommune.dk"))
        XCTAssertNil(try store.account(email: "ny@kommune.dk"))
        XCTAssertThrowsError(try store.deleteAccount(accountID: fresh.id)) { error in
            XCTAssertEqual(error as? AccountError, .notFound("#\(fresh.id)"))
        }
    }

    func testTheSetupLinkWorksOnceAndNotAfterItExpires() throws {
        let store = try makeStore()
        let lifetime: TimeInterval = 24 * 3600
        try store.issueSetupLink(NewOneTimeLink(tokenDigest: "setup-1", createdBy: "system", createdAt: date(0), expiresAt: date(lifetime)))
        XCTAssertNotNil(try store.workingLink(tokenDigest: "setup-1", at: date(lifetime - 1)))
        XCTAssertNil(try store.workingLink(tokenDigest: "setup-1", at: date(lifetime)), "expired at its expiry")
        XCTAssertThrowsError(try store.createFirstAdministrator(tokenDigest: "setup-1", email: "it@kommune.dk", passwordHash: "h", at: date(lifetime))) { error in
            XCTAssertEqual(error as? AccountError, .linkNotValid)
        }

        // A new start issues a new link; the old one stops working even before it expires.
        try store.issueSetupLink(NewOneTimeLink(tokenDigest: "setup-2", createdBy: "system", createdAt: date(10), expiresAt: date(10 + lifetime)))
        try store.issueSetupLink(NewOneTimeLink(tokenDigest: "setup-3", createdBy: "system", createdAt: date(20), expiresAt: date(20 + lifetime)))
        XCTAssertNil(try store.workingLink(tokenDigest: "setup-2", at: date(30)))

        let admin = try store.createFirstAdministrator(tokenDigest: "setup-3", email: "it@kommune.dk", passwordHash: "h", at: date(30))
        XCTAssertEqual(admin.role, "admin")
        XCTAssertNil(try store.workingLink(tokenDigest: "setup-3", at: date(31)), "used")
        XCTAssertThrowsError(try store.createFirstAdministrator(tokenDigest: "setup-3", email: "andre@kommune.dk", passwordHash: "h", at: date(31))) { error in
            XCTAssertEqual(error as? AccountError, .linkNotValid, "a link works once")
        }
        XCTAssertThrowsError(try store.issueSetupLink(
            NewOneTimeLink(tokenDigest: "setup-4", createdBy: "system", createdAt: date(40), expiresAt: date(40 + lifetime)))) { error in
            XCTAssertEqual(error as? AccountError, .administratorExists)
        }
        XCTAssertEqual(try store.accounts().map(\.email), ["it@kommune.dk"])
    }

    func testAPasswordLinkSetsThePasswordOnceEndsTheLoginsAndAResetReplacesAnEarlierLink() throws {
        let store = try makeStore()
        _ = try store.createAccount(email: "it@kommune.dk", role: "admin", passwordHash: "h")
        let invited = try store.inviteAccount(
            email: "mette@kommune.dk", role: "facilitator",
            link: NewOneTimeLink(tokenDigest: "invite", createdBy: "it@kommune.dk", createdAt: date(0), expiresAt: date(100)))
        XCTAssertFalse(invited.hasPassword)
        XCTAssertEqual(try store.accountOverview(id: invited.id, at: date(1)).linkExpiresAt, date(100))
        XCTAssertNil(try store.accountOverview(id: invited.id, at: date(100)).linkExpiresAt, "an expired link is not shown as working")
        XCTAssertThrowsError(try store.setPassword(tokenDigest: "invite", passwordHash: "late", at: date(100))) { error in
            XCTAssertEqual(error as? AccountError, .linkNotValid, "expired")
        }

        // A reset makes a new link; the earlier one stops working, and so does the password.
        _ = try store.resetPassword(
            accountID: invited.id, link: NewOneTimeLink(tokenDigest: "reset", createdBy: "it@kommune.dk", createdAt: date(50), expiresAt: date(200)))
        XCTAssertNil(try store.workingLink(tokenDigest: "invite", at: date(51)))
        let set = try store.setPassword(tokenDigest: "reset", passwordHash: "$argon2id$new", at: date(60))
        XCTAssertEqual(set.passwordHash, "$argon2id$new")
        XCTAssertThrowsError(try store.setPassword(tokenDigest: "reset", passwordHash: "again", at: date(61))) { error in
            XCTAssertEqual(error as? AccountError, .linkNotValid, "a link works once")
        }

        try store.createLoginSession(tokenDigest: "l", accountID: invited.id, csrfToken: "c", address: nil, createdAt: date(70), expiresAt: date(999))
        let reset = try store.resetPassword(
            accountID: invited.id, link: NewOneTimeLink(tokenDigest: "reset-2", createdBy: "it@kommune.dk", createdAt: date(80), expiresAt: date(300)))
        XCTAssertFalse(reset.hasPassword, "the old password stops working at once")
        XCTAssertNil(try store.loginSession(tokenDigest: "l", at: date(81)), "and the logins end")

        // A disabled account's link does not work, and a disabled account gets no new one.
        _ = try store.disableAccount(accountID: invited.id, at: date(90))
        XCTAssertNil(try store.workingLink(tokenDigest: "reset-2", at: date(91)))
        XCTAssertThrowsError(try store.resetPassword(
            accountID: invited.id, link: NewOneTimeLink(tokenDigest: "reset-3", createdBy: "it", createdAt: date(92), expiresAt: date(300)))) { error in
            XCTAssertEqual(error as? AccountError, .disabled(email: "mette@kommune.dk"))
        }
    }

    func testTheMigrationTakesLastLoginsFromTheAuditLogAndMarksOnlyAStartsDemo() throws {
        let directory = try makeTemporaryDirectory()
        let path = StorageConfiguration(dataDirectory: directory).path
        let migrator = StorageSchema.makeMigrator()
        let queue = try DatabaseQueue(path: path)
        try migrator.migrate(queue, upTo: "2026-12-02 forms in the database: library and own forms, drafts, publications")
        try queue.write { database in
            try database.execute(sql: """
                INSERT INTO account (email, role, password_hash, created_at) VALUES ('mette@kommune.dk', 'facilitator', 'h', '2026-01-01 00:00:00.000');
                INSERT INTO audit_event (at, actor, action) VALUES ('2026-02-01 10:00:00.000', 'METTE@kommune.dk', 'login');
                INSERT INTO audit_event (at, actor, action) VALUES ('2026-03-01 10:00:00.000', 'mette@kommune.dk', 'login.failed');
                INSERT INTO form_version (form_id, content_hash, definition, created_at) VALUES ('f', 'h', '{}', '2026-01-01 00:00:00.000');
                INSERT INTO session (code, title, status, form_version_id, created_at) VALUES ('DEMO22', 'Demo: Hurtig afstemning', 'open', 1, '2026-01-01 00:00:00.000');
                INSERT INTO session (code, title, status, form_version_id, created_at) VALUES ('DEMO33', 'Demo: til personalet', 'draft', 1, '2026-01-02 00:00:00.000');
                """)
        }
        try queue.close()

        let store = try makeStore(in: directory)
        XCTAssertEqual(store.migrationsAppliedAtOpen.first, "2026-12-02 account administration, one-time links, archived and demo meetings",
                       "the migrations after the forms' run on the old file: \(store.migrationsAppliedAtOpen)")
        XCTAssertEqual(try store.account(email: "mette@kommune.dk")?.lastLoginAt, Date(timeIntervalSince1970: 1_769_940_000))
        XCTAssertEqual(try store.session(code: "DEMO22")?.isDemo, true)
        XCTAssertEqual(try store.session(code: "DEMO33")?.isDemo, false, "only the first session, which the start made")
    }
}
