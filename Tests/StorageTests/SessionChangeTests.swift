import Foundation
import GRDB
import XCTest
@testable import Storage

/// What may change on a meeting depends on where it is in its life; the store decides inside the
/// transaction, and a refused change leaves the meeting and the audit log as they were.
final class SessionChangeTests: XCTestCase {
    func testADraftMayChangeItsFormAnOpenMeetingOnlyItsDetailsAClosedOneNothing() throws {
        let store = try makeStore()
        let first = try store.saveFormVersion(formID: "f", contentHash: "h1", definition: "{}")
        let second = try store.saveFormVersion(formID: "g", contentHash: "h2", definition: "{}")
        let draft = try store.createSession(NewSession(code: "DRAFT2", title: "Kladde", formVersionID: first.id, status: .draft))

        var details = SessionDetails(of: draft)
        details.formVersionID = second.id
        details.title = "Ny titel"
        details.place = "Sæby"
        details.tables = ["Bord Æ", "Bord Ø"]
        let changed = try store.updateSession(code: "DRAFT2", to: details, audit: AuditEvent(actor: "a", action: "session.update"))
        XCTAssertEqual(changed.formVersion.id, second.id)
        XCTAssertEqual(changed.title, "Ny titel")
        XCTAssertEqual(changed.tables, ["Bord Æ", "Bord Ø"])
        XCTAssertEqual(try store.recentSession(code: "DRAFT2")?.title, "Ny titel", "the cache forgets the old title at once")

        _ = try store.updateStatus(code: "DRAFT2", to: .open, at: date(1))
        var open = SessionDetails(of: try XCTUnwrap(try store.session(code: "DRAFT2")))
        open.formVersionID = first.id
        XCTAssertThrowsError(try store.updateSession(code: "DRAFT2", to: open, audit: AuditEvent(actor: "a", action: "session.update"))) { error in
            XCTAssertEqual(error as? SessionChangeError, .formFixed(code: "DRAFT2"))
        }
        open.formVersionID = second.id
        open.idleTimeoutSeconds = 120
        XCTAssertEqual(try store.updateSession(code: "DRAFT2", to: open).idleTimeoutSeconds, 120, "details still change while open")

        _ = try store.updateStatus(code: "DRAFT2", to: .closed, at: date(2))
        XCTAssertThrowsError(try store.updateSession(code: "DRAFT2", to: open)) { error in
            XCTAssertEqual(error as? SessionChangeError, .closed(code: "DRAFT2"))
        }
        XCTAssertEqual(try store.auditEvents(limit: 10).map(\.action), ["session.update"], "only the change that went through is logged")
    }

    func testOnlyDraftsAndTheDemoAreDeletedTheDemoWithItsAnswers() async throws {
        let store = try makeStore()
        let version = try store.saveFormVersion(formID: "f", contentHash: "h", definition: "{}")
        _ = try store.createSession(NewSession(code: "DRAFT3", title: "Kladde", formVersionID: version.id, status: .draft))
        let open = try store.createSession(NewSession(code: "OPEN33", title: "Møde", formVersionID: version.id))
        var demo = NewSession(code: "DEMO44", title: "Demo", formVersionID: version.id)
        demo.isDemo = true
        let demoSession = try store.createSession(demo)
        XCTAssertTrue(demoSession.isDemo)
        for (index, session) in [open, demoSession].enumerated() {
            _ = try await store.submit(NewSubmission(
                submissionID: "s-\(index)", sessionID: session.id, answers: ["q": "\"ja\""], receivedAt: date(1),
                contact: ContactDetails(name: "Anne", email: "anne@example.dk", consentText: "ja")))
        }

        XCTAssertThrowsError(try store.deleteSession(code: "OPEN33")) { error in
            XCTAssertEqual(error as? SessionChangeError, .notDeletable(code: "OPEN33", status: .open))
        }
        try store.deleteSession(code: "DRAFT3", audit: AuditEvent(actor: "a", action: "session.delete", target: "DRAFT3"))
        try store.deleteSession(code: "DEMO44")
        XCTAssertNil(try store.session(code: "DRAFT3"))
        XCTAssertNil(try store.recentSession(code: "DEMO44"))
        XCTAssertEqual(try store.sessions().map(\.code), ["OPEN33"])
        XCTAssertFalse(try store.containsSubmission(id: "s-1"), "the demo's answers went with it")
        XCTAssertNil(try store.contact(submissionID: "s-1"))
        XCTAssertTrue(try store.containsSubmission(id: "s-0"))
    }

    func testOnlyAClosedMeetingIsArchivedAndItCanComeBack() throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store, code: "ARKIV2")
        XCTAssertThrowsError(try store.archiveSession(code: session.code, at: date(1))) { error in
            XCTAssertEqual(error as? SessionChangeError, .notClosed(code: "ARKIV2", status: .open))
        }
        _ = try store.updateStatus(code: session.code, to: .closed, at: date(2))
        XCTAssertEqual(try store.archiveSession(code: session.code, at: date(3)).archivedAt, date(3))
        XCTAssertEqual(try store.archiveSession(code: session.code, at: date(4)).archivedAt, date(3), "archiving again keeps the first time")
        XCTAssertNil(try store.archiveSession(code: session.code, at: nil).archivedAt)
    }
}
