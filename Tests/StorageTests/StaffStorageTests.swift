import Foundation
import GRDB
import XCTest
@testable import Storage

/// Accounts, login sessions, the audit log, kiosk settings and live statistics.
final class StaffStorageTests: XCTestCase {
    func testTheStaffMigrationAddsItsTablesToAnExistingFile() throws {
        let store = try makeStore()
        XCTAssertTrue(Store.migrationNames.contains("2026-11-24 staff accounts, login sessions, audit log, kiosk settings"))
        let tables = try store.pool.read { try String.fetchSet($0, sql: "SELECT name FROM sqlite_schema WHERE type = 'table'") }
        XCTAssertTrue(Set(["account", "login_session", "audit_event"]).isSubset(of: tables))
    }

    func testAccountsAreUniqueRegardlessOfCase() throws {
        let store = try makeStore()
        let account = try store.createAccount(email: "Mette@Kommune.dk", role: "facilitator", passwordHash: "$argon2id$x")
        XCTAssertEqual(try store.account(email: "mette@kommune.dk")?.id, account.id)
        XCTAssertThrowsError(try store.createAccount(email: "METTE@kommune.dk", role: "admin", passwordHash: "h")) { error in
            XCTAssertEqual(error as? StorageError, .duplicateAccount(email: "METTE@kommune.dk"))
        }
        XCTAssertThrowsError(try store.createAccount(email: "x@kommune.dk", role: "mayor", passwordHash: "h"), "roles are checked")
        try store.updatePasswordHash(accountID: account.id, to: "$argon2id$y")
        XCTAssertEqual(try store.account(email: "mette@kommune.dk")?.passwordHash, "$argon2id$y")
    }

    func testALoginSessionIsFoundByDigestUntilItExpiresOrIsDeleted() throws {
        let store = try makeStore()
        let account = try store.createAccount(email: "a@k.dk", role: "admin", passwordHash: "h")
        try store.createLoginSession(
            tokenDigest: "digest-1", accountID: account.id, csrfToken: "csrf", address: "127.0.0.1",
            createdAt: date(0), expiresAt: date(3600))
        let found = try XCTUnwrap(try store.loginSession(tokenDigest: "digest-1", at: date(10)))
        XCTAssertEqual(found.account.email, "a@k.dk")
        XCTAssertEqual(found.csrfToken, "csrf")
        XCTAssertNil(try store.loginSession(tokenDigest: "digest-1", at: date(3600)), "expired")
        XCTAssertNil(try store.loginSession(tokenDigest: "other", at: date(10)))
        try store.deleteLoginSession(tokenDigest: "digest-1", at: date(20))
        XCTAssertNil(try store.loginSession(tokenDigest: "digest-1", at: date(30)), "logged out")
    }

    func testAuditEventsComeBackNewestFirst() throws {
        let store = try makeStore()
        try store.recordAudit(AuditEvent(at: date(1), actor: "a@k.dk", action: "session.create", target: "KERNE1"))
        try store.recordAudit(AuditEvent(at: date(2), actor: "a@k.dk", action: "session.open", target: "KERNE1", details: #"{"from":"draft"}"#))
        let events = try store.auditEvents(limit: 10)
        XCTAssertEqual(events.map(\.action), ["session.open", "session.create"])
        XCTAssertEqual(events.first?.details, #"{"from":"draft"}"#)
        XCTAssertThrowsError(try store.recordAudit(AuditEvent(actor: "a", action: "x", details: "not json")))
    }

    func testKioskSettingsAreStoredWithTheSession() throws {
        let store = try makeStore()
        let form = try store.saveFormVersion(formID: "f", contentHash: "h", definition: "{}")
        let session = try store.createSession(NewSession(
            code: "KIOSK2", title: "t", formVersionID: form.id, idleTimeoutSeconds: 120, kioskPinHash: "pin-hash"))
        XCTAssertEqual(session.idleTimeoutSeconds, 120)
        XCTAssertEqual(try store.session(code: "KIOSK2")?.kioskPinHash, "pin-hash")
        let defaults = try store.createSession(NewSession(code: "KIOSK3", title: "t", formVersionID: form.id))
        XCTAssertEqual(defaults.idleTimeoutSeconds, 90)
    }

    func testStatisticsCountPerTableAndListTheNewestArrivals() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        for (index, table) in ["Bord 1", "Bord 2", "Bord 1", nil].enumerated() {
            _ = try await store.submit(NewSubmission(
                submissionID: "s-\(index)", sessionID: session.id, answers: [:], receivedAt: date(Double(index)),
                clientSubmittedAt: nil, isLate: index == 3, tableLabel: table, contact: nil))
        }
        let statistics = try store.responseStatistics(sessionID: session.id, recentLimit: 2)
        XCTAssertEqual(statistics.count, 4)
        XCTAssertEqual(statistics.lastReceivedAt, date(3))
        XCTAssertEqual(statistics.perTable.map(\.table), ["Bord 1", "Bord 2", nil])
        XCTAssertEqual(statistics.perTable.map(\.count), [2, 1, 1])
        XCTAssertEqual(statistics.recent.map(\.isLate), [true, false])
        let summaries = try store.responseSummaries()
        XCTAssertEqual(summaries[session.id]?.count, 4)
        XCTAssertEqual(summaries[session.id]?.lastReceivedAt, date(3))
    }
}
