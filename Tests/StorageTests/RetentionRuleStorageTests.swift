import XCTest
@testable import Storage

/// Retention rules as stored, and one meeting's purge by a rule, logged with its counts.
final class RetentionRuleStorageTests: XCTestCase {
    func testARuleReplacesTheOneForTheSameMeetingAndTarget() throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        _ = try store.saveRetentionRule(RetentionRule(sessionID: session.id, target: .contacts, amount: 30, unit: .days, createdBy: "a"), audit: nil)
        _ = try store.saveRetentionRule(RetentionRule(sessionID: session.id, target: .answers, amount: 6, unit: .months, createdBy: "a"), audit: nil)
        let replaced = try store.saveRetentionRule(
            RetentionRule(sessionID: session.id, target: .contacts, amount: 7, unit: .days, createdBy: "b"),
            audit: AuditEvent(actor: "b", action: "retention.rule.set"))
        let rules = try store.retentionRules()
        XCTAssertEqual(rules.map { "\($0.target.rawValue) \($0.amount) \($0.unit.rawValue) \($0.createdBy)" }.sorted(),
                       ["answers 6 months a", "contacts 7 days b"])
        XCTAssertEqual(try store.auditEvents(limit: 5).map(\.action), ["retention.rule.set"])
        XCTAssertEqual(try store.deleteRetentionRule(id: try XCTUnwrap(replaced.id), audit: nil)?.amount, 7)
        XCTAssertNil(try store.deleteRetentionRule(id: try XCTUnwrap(replaced.id), audit: nil))
        XCTAssertEqual(try store.retentionRules().count, 1)
    }

    func testAPurgeByRuleDeletesOneMeetingsContactsOrAnswersAndLogsIt() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let other = try makeOpenSession(in: store, code: "ANDET2")
        for (index, meeting) in [session, session, other].enumerated() {
            _ = try await store.submit(NewSubmission(
                submissionID: "svar-\(index)", sessionID: meeting.id, answers: ["q": "\(index)"],
                contact: ContactDetails(name: "N\(index)", email: "n\(index)@example.dk", consentText: "Ja.")))
        }
        let contacts = try XCTUnwrap(try store.purge(
            .contacts, sessionID: session.id, rule: "session KERNE1: contacts 0 days after the close", actor: "retention", at: date(100),
            audit: AuditEvent(actor: "retention", action: "retention.purge", target: session.code), redaction: { _, _ in nil }))
        XCTAssertEqual(contacts.contactsDeleted, 2)
        XCTAssertEqual(contacts.responsesDeleted, 0)
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 2)
        XCTAssertEqual(try store.contactCount(sessionID: other.id), 1, "another meeting is untouched")
        XCTAssertNil(try store.purge(.contacts, sessionID: session.id, rule: "again", actor: "retention", audit: nil, redaction: { _, _ in nil }),
                     "nothing left: nothing recorded")

        let answers = try XCTUnwrap(try store.purge(.answers, sessionID: session.id, rule: "r", actor: "retention", audit: nil, redaction: { _, _ in nil }))
        XCTAssertEqual(answers.responsesDeleted, 2)
        XCTAssertEqual(try store.responseCount(sessionID: other.id), 1)
        XCTAssertEqual(try store.retentionEvents(sessionID: session.id).map(\.target), [.answers, .contacts])
        XCTAssertEqual(try store.retentionEvents().count, 2)
        let audited = try XCTUnwrap(try store.auditEvents(limit: 5).first { $0.action == "retention.purge" })
        XCTAssertTrue(audited.details.contains(#""contacts":2"#), audited.details)
    }
}
