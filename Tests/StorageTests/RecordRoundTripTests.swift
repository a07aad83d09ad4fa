import Foundation
import GRDB
import XCTest
@testable import Storage

/// Every record comes back as it went in; a value no version of the code wrote is a `StorageError`, not a crash.
final class RecordRoundTripTests: XCTestCase {
    func testASessionComesBackEqualByEveryRoad() throws {
        let store = try makeStore()
        let form = try store.saveFormVersion(
            formID: "trivsel", contentHash: "h1", definition: #"{"title":"Trivsel i Ærø Kommune"}"#, createdAt: date(-60))
        let created = try store.createSession(NewSession(
            code: "ÆRØ1", title: "Borgermøde på Ærø", formVersionID: form.id, status: .closed, place: "Ærøskøbing Bibliotek",
            startsAt: date(7200), tables: ["Bord 1"], createdAt: date(0), idleTimeoutSeconds: 300, kioskPinHash: "$argon2id$v=19$x"))

        let expected = Session(
            id: created.id, code: "ÆRØ1", title: "Borgermøde på Ærø", place: "Ærøskøbing Bibliotek", startsAt: date(7200),
            tables: ["Bord 1"], status: .closed, formVersion: form, createdAt: date(0), openedAt: nil, closedAt: date(0),
            idleTimeoutSeconds: 300, kioskPinHash: "$argon2id$v=19$x")
        XCTAssertEqual(created, expected)
        XCTAssertEqual(try store.session(code: "ÆRØ1"), expected)
        XCTAssertEqual(try store.recentSession(code: "ÆRØ1"), expected)
        XCTAssertEqual(try store.sessions(), [expected])
        XCTAssertEqual(try store.formVersion(id: form.id), form)
    }

    func testAJSONColumnKeepsDanishLettersAsTheyAre() throws {
        let store = try makeStore()
        let form = try store.saveFormVersion(formID: "f", contentHash: "h", definition: "{}")
        let tables = ["Bord Æble", "Gården", "Ø-salen", "\"Citat\" / skråstreg", "naïve café"]

        let created = try store.createSession(NewSession(code: "JSON1", title: "t", formVersionID: form.id, tables: tables))

        XCTAssertEqual(created.tables, tables)
        XCTAssertEqual(try store.session(code: "JSON1")?.tables, tables)
        let stored = try XCTUnwrap(try store.valueOnWriter("SELECT tables FROM session WHERE code = 'JSON1'", as: String.self))
        XCTAssertTrue(stored.contains("Bord Æble") && stored.contains("Ø-salen"), "letters stay letters, not \\u escapes: \(stored)")
        XCTAssertEqual(try store.valueOnWriter("SELECT json_extract(tables, '$[1]') FROM session WHERE code = 'JSON1'", as: String.self), "Gården")

        let run = try store.createAnalysisRun(formID: "f", sessionCodes: ["ÆRØ1", "Søby"], questionIDs: ["hvad-så"], createdBy: "å@k.dk")
        XCTAssertEqual(try store.analysisRun(id: run.id)?.sessionCodes, ["ÆRØ1", "Søby"])
        XCTAssertEqual(try store.analysisRun(id: run.id)?.questionIDs, ["hvad-så"])
    }

    func testStaffRecordsComeBackEqual() throws {
        let store = try makeStore()
        let account = try store.createAccount(email: "Søren@Kommune.dk", role: "analyst", passwordHash: "$argon2id$a", at: date(1))
        XCTAssertEqual(account, Account(
            id: account.id, email: "Søren@Kommune.dk", role: "analyst", passwordHash: "$argon2id$a", createdAt: date(1), disabledAt: nil))
        XCTAssertEqual(try store.accounts(), [account])

        try store.createLoginSession(
            tokenDigest: "d", accountID: account.id, csrfToken: "c", address: nil, createdAt: date(2), expiresAt: date(3600))
        let login = try XCTUnwrap(try store.loginSession(tokenDigest: "d", at: date(3)))
        var loggedIn = account
        loggedIn.lastLoginAt = date(2)
        XCTAssertEqual(login, LoginSession(id: login.id, tokenDigest: "d", account: loggedIn, csrfToken: "c", createdAt: date(2), expiresAt: date(3600)),
                       "a login stamps the account's last login")

        try store.recordAudit(AuditEvent(at: date(4), actor: "søren", action: "export", target: "ÆRØ1", details: #"{"format":"xlsx"}"#))
        let event = try XCTUnwrap(try store.auditEvents(limit: 1).first)
        XCTAssertNotNil(event.id)
        XCTAssertEqual(event, AuditEvent(id: event.id, at: date(4), actor: "søren", action: "export", target: "ÆRØ1", details: #"{"format":"xlsx"}"#))

        let decision = try store.addThemeDecision(formID: "f", decision: #"{"kind":"rename","to":"Ældreliv"}"#, decidedBy: "søren", at: date(5))
        XCTAssertEqual(try store.themeDecisions(formID: "f"), [StoredThemeDecision(
            id: decision.id, formID: "f", decision: #"{"kind":"rename","to":"Ældreliv"}"#, decidedBy: "søren", decidedAt: date(5))])
    }

    func testAnAnalysisRunComesBackEqual() throws {
        let store = try makeStore()
        let run = try store.createAnalysisRun(formID: "f", sessionCodes: ["A"], questionIDs: ["q1", "q2"], createdBy: "a", at: date(0))
        XCTAssertEqual(run, AnalysisRun(
            id: run.id, formID: "f", sessionCodes: ["A"], questionIDs: ["q1", "q2"], status: .queued, progress: 0,
            message: nil, result: nil, createdBy: "a", createdAt: date(0), finishedAt: nil))
        try store.updateAnalysisRun(id: run.id, status: .failed, progress: 0.4, message: "Fejl", at: date(9))
        XCTAssertEqual(try store.analysisRuns(formID: nil), [AnalysisRun(
            id: run.id, formID: "f", sessionCodes: ["A"], questionIDs: ["q1", "q2"], status: .failed, progress: 0.4,
            message: "Fejl", result: nil, createdBy: "a", createdAt: date(0), finishedAt: date(9))])
    }

    func testAnUnknownSessionStatusIsAStorageErrorNotACrash() throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        try writeBehindTheChecks(in: store, "UPDATE session SET status = 'paused' WHERE id = \(session.id)")

        for read in [{ try store.session(code: session.code) }, { try store.recentSession(code: session.code) }, { try store.sessions().first }] {
            XCTAssertThrowsError(try read()) { error in
                guard case .invalidStoredValue(let table, let column, let reason)? = error as? StorageError else {
                    return XCTFail("expected invalidStoredValue, got \(error)")
                }
                XCTAssertEqual(table, "session")
                XCTAssertEqual(column, "status")
                XCTAssertTrue(reason.contains("paused"), reason)
            }
        }
    }

    func testAnUnknownRunStatusAndBrokenJSONNameTheirColumn() throws {
        let store = try makeStore()
        let run = try store.createAnalysisRun(formID: "f", sessionCodes: [], questionIDs: [], createdBy: "a")
        try writeBehindTheChecks(in: store, "UPDATE analysis_run SET status = 'paused' WHERE id = \(run.id)")
        XCTAssertThrowsError(try store.analysisRun(id: run.id)) { error in
            XCTAssertEqual((error as? StorageError)?.table, "analysis_run")
            XCTAssertEqual((error as? StorageError)?.column, "status")
        }

        let session = try makeOpenSession(in: store)
        try writeBehindTheChecks(in: store, "UPDATE session SET tables = '[\"Bord 1\"' WHERE id = \(session.id)")
        XCTAssertThrowsError(try store.session(code: session.code)) { error in
            XCTAssertEqual((error as? StorageError)?.table, "session")
            XCTAssertEqual((error as? StorageError)?.column, "tables")
        }
    }

    func testABadValueInTheJoinedFormVersionNamesItsOwnTable() throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        // `created_at` is a column of both tables the session read joins.
        try store.executeOnWriter("UPDATE form_version SET created_at = 'Tirsdag' WHERE id = \(session.formVersion.id)")

        for read in [{ try store.session(code: session.code) }, { try store.sessions().first }] {
            XCTAssertThrowsError(try read()) { error in
                XCTAssertEqual((error as? StorageError)?.table, "form_version")
                XCTAssertEqual((error as? StorageError)?.column, "created_at")
            }
        }
        XCTAssertThrowsError(try store.formVersion(id: session.formVersion.id)) { error in
            XCTAssertEqual((error as? StorageError)?.table, "form_version")
        }
    }

    func testAReasonNamesTheValueButNotTheRestOfTheRow() throws {
        let store = try makeStore()
        let account = try store.createAccount(email: "a@k.dk", role: "admin", passwordHash: "$argon2id$hemmelig")
        try store.executeOnWriter("UPDATE account SET created_at = 'igår' WHERE id = \(account.id)")

        XCTAssertThrowsError(try store.account(email: "a@k.dk")) { error in
            guard case .invalidStoredValue(let table, let column, let reason)? = error as? StorageError else {
                return XCTFail("expected invalidStoredValue, got \(error)")
            }
            XCTAssertEqual(table, "account")
            XCTAssertEqual(column, "created_at")
            XCTAssertTrue(reason.contains("igår"), reason)
            XCTAssertFalse(reason.contains("hemmelig"), "a reason may be logged; the password hash must not be in it: \(reason)")
        }
    }

    /// Runs `sql` on the writer with CHECK constraints off, as a hand edit or an older tool could.
    private func writeBehindTheChecks(in store: Store, _ sql: String) throws {
        try store.executeOnWriter("PRAGMA ignore_check_constraints = ON")
        defer { try? store.executeOnWriter("PRAGMA ignore_check_constraints = OFF") }
        try store.executeOnWriter(sql)
    }
}

private extension StorageError {
    /// The table of an `invalidStoredValue`.
    var table: String? {
        if case .invalidStoredValue(let table, _, _) = self { table } else { nil }
    }

    /// The column of an `invalidStoredValue`.
    var column: String? {
        if case .invalidStoredValue(_, let column, _) = self { column } else { nil }
    }
}
