import Foundation
import GRDB
import XCTest
@testable import Storage

/// A staff action and its audit event commit together, or neither does.
final class AuditTransactionTests: XCTestCase {
    /// One store method that performs a staff action, and how to see that it happened.
    private struct Action {
        let name: String
        let perform: (Store, AuditEvent?) throws -> Void
        let happened: (Store) throws -> Bool
    }

    private let actions: [Action] = [
        Action(name: "createSession", perform: { store, audit in
            let form = try XCTUnwrap(try store.sessions().first?.formVersion)
            _ = try store.createSession(NewSession(code: "NY1", title: "Ny", formVersionID: form.id), audit: audit)
        }, happened: { try $0.session(code: "NY1") != nil }),
        Action(name: "updateStatus", perform: { store, audit in
            _ = try store.updateStatus(code: "KERNE1", to: .closed, at: Date(), audit: audit)
        }, happened: { try $0.session(code: "KERNE1")?.status == .closed }),
        Action(name: "createAccount", perform: { store, audit in
            _ = try store.createAccount(email: "ny@k.dk", role: "analyst", passwordHash: "h", audit: audit)
        }, happened: { try $0.account(email: "ny@k.dk") != nil }),
        Action(name: "updatePasswordHash", perform: { store, audit in
            let account = try XCTUnwrap(try store.account(email: "a@k.dk"))
            try store.updatePasswordHash(accountID: account.id, to: "stærkere", audit: audit)
        }, happened: { try $0.account(email: "a@k.dk")?.passwordHash == "stærkere" }),
        Action(name: "createLoginSession", perform: { store, audit in
            let account = try XCTUnwrap(try store.account(email: "a@k.dk"))
            try store.createLoginSession(
                tokenDigest: "ny", accountID: account.id, csrfToken: "c", address: nil, createdAt: Date(),
                expiresAt: Date().addingTimeInterval(60), audit: audit)
        }, happened: { try $0.loginSession(tokenDigest: "ny", at: Date()) != nil }),
        Action(name: "deleteLoginSession", perform: { store, audit in
            try store.deleteLoginSession(tokenDigest: "gammel", at: Date(), audit: audit)
        }, happened: { try $0.loginSession(tokenDigest: "gammel", at: Date()) == nil }),
        Action(name: "createAnalysisRun", perform: { store, audit in
            _ = try store.createAnalysisRun(formID: "faellesskab", sessionCodes: ["KERNE1"], questionIDs: [], createdBy: "a", audit: audit)
        }, happened: { try !$0.analysisRuns(formID: "faellesskab").isEmpty }),
        Action(name: "addThemeDecision", perform: { store, audit in
            _ = try store.addThemeDecision(formID: "faellesskab", decision: #"{"kind":"offTopic","answer":"y"}"#, decidedBy: "a", audit: audit)
        }, happened: { try $0.themeDecisions(formID: "faellesskab").count == 2 }),
        Action(name: "withdrawThemeDecision", perform: { store, audit in
            let decision = try XCTUnwrap(try store.themeDecisions(formID: "faellesskab").first)
            _ = try store.withdrawThemeDecision(id: decision.id, audit: audit)
        }, happened: { try $0.themeDecisions(formID: "faellesskab").isEmpty }),
        Action(name: "purgeResponses", perform: { store, audit in
            _ = try store.purgeResponses(receivedBefore: Date().addingTimeInterval(60), actor: "cli", audit: audit)
        }, happened: { store in
            let session = try XCTUnwrap(try store.session(code: "KERNE1"))
            return try store.responseCount(sessionID: session.id) == 0 && !store.retentionEvents().isEmpty
        }),
    ]

    func testEveryActionCommitsWithItsAuditEvent() async throws {
        for action in actions {
            let store = try await makeWorld()
            let audit = AuditEvent(actor: "mette@k.dk", action: action.name, target: "mål", details: #"{"why":"test"}"#)

            try action.perform(store, audit)

            XCTAssertTrue(try action.happened(store), action.name)
            let recorded = try store.auditEvents(limit: 10).filter { $0.action == action.name }
            XCTAssertEqual(recorded.count, 1, action.name)
            XCTAssertEqual(recorded.first?.actor, "mette@k.dk", action.name)
        }
    }

    func testAFailingAuditInsertLeavesNoActionBehind() async throws {
        for action in actions {
            let store = try await makeWorld()
            // Only the writer connection sees a TEMP trigger; it refuses every audit row.
            try store.executeOnWriter("""
                CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_event
                BEGIN SELECT RAISE(ABORT, 'audit refused'); END
                """)

            XCTAssertThrowsError(try action.perform(store, AuditEvent(actor: "a", action: action.name)), action.name) { error in
                XCTAssertTrue(String(describing: error).contains("audit refused"), "\(action.name): \(error)")
            }
            XCTAssertFalse(try action.happened(store), "\(action.name) must roll back with its audit event")

            try store.executeOnWriter("DROP TRIGGER temp.refuse_audit")
            try action.perform(store, AuditEvent(actor: "a", action: action.name))
            XCTAssertTrue(try action.happened(store), "\(action.name) works once the audit log takes rows again")
        }
    }

    func testAnAuditEventThatIsNotJSONRollsTheActionBack() throws {
        let store = try makeStore()
        let form = try store.saveFormVersion(formID: "f", contentHash: "h", definition: "{}")

        XCTAssertThrowsError(try store.createSession(
            NewSession(code: "X1", title: "t", formVersionID: form.id), audit: AuditEvent(actor: "a", action: "session.create", details: "ikke JSON")))

        XCTAssertNil(try store.session(code: "X1"))
        XCTAssertEqual(try store.auditEvents(limit: 10), [])
    }

    func testAPurgeAddsItsCountToTheAuditDetails() async throws {
        let store = try await makeWorld()

        let deleted = try store.purgeResponses(
            receivedBefore: Date().addingTimeInterval(60), actor: "cli",
            audit: AuditEvent(actor: "cli", action: "responses.purge", details: #"{"cutoff":"nu"}"#))

        XCTAssertEqual(deleted, 1)
        let event = try XCTUnwrap(try store.auditEvents(limit: 1).first)
        let details = try JSONSerialization.jsonObject(with: Data(event.details.utf8)) as? [String: Any]
        XCTAssertEqual(details?["deleted"] as? Int, 1)
        XCTAssertEqual(details?["cutoff"] as? String, "nu")
    }

    func testAWithdrawalIsAuditedAgainstItsFormAndOnlyWhenSomethingWasWithdrawn() async throws {
        let store = try await makeWorld()
        let decision = try XCTUnwrap(try store.themeDecisions(formID: "faellesskab").first)

        XCTAssertEqual(try store.withdrawThemeDecision(id: decision.id, audit: AuditEvent(actor: "a", action: "theme.undo")), "faellesskab")
        XCTAssertNil(try store.withdrawThemeDecision(id: decision.id, audit: AuditEvent(actor: "a", action: "theme.undo")))

        let events = try store.auditEvents(limit: 10).filter { $0.action == "theme.undo" }
        XCTAssertEqual(events.map(\.target), ["faellesskab"])
    }

    /// A store with an open session `KERNE1` holding one response, an account `a@k.dk` with a
    /// login `gammel`, and one theme decision in force on `faellesskab`; no audit events.
    private func makeWorld() async throws -> Store {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        _ = try await store.submit(NewSubmission(submissionID: "s1", sessionID: session.id, answers: ["q": "1"]))
        let account = try store.createAccount(email: "a@k.dk", role: "admin", passwordHash: "h")
        try store.createLoginSession(
            tokenDigest: "gammel", accountID: account.id, csrfToken: "c", address: nil, createdAt: Date(),
            expiresAt: Date().addingTimeInterval(3600))
        _ = try store.addThemeDecision(formID: "faellesskab", decision: #"{"kind":"offTopic","answer":"x"}"#, decidedBy: "a")
        return store
    }
}
