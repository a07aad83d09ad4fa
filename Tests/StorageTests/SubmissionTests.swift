import XCTest
@testable import Storage

final class SubmissionTests: XCTestCase {
    func testASubmissionIsStoredWithItsAnswersAndContact() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let contact = ContactDetails(name: "Mette Hansen", email: "mette@example.dk", consentText: "Jeg må kontaktes.")
        let submission = NewSubmission(
            submissionID: "4f1c-0001", sessionID: session.id,
            answers: ["priority": #"["ældreliv","foreningsliv"]"#, "works-well": #""Fællesskabet i hallen""#],
            receivedAt: date(10), clientSubmittedAt: date(5), isLate: false, tableLabel: "Bord 2", contact: contact)

        let outcome = try await store.submit(submission)

        XCTAssertEqual(outcome, .stored)
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 1)
        XCTAssertEqual(try store.responses(sessionID: session.id), [StoredResponse(
            submissionID: "4f1c-0001", receivedAt: date(10), clientSubmittedAt: date(5), isLate: false,
            tableLabel: "Bord 2", answers: submission.answers)])
        XCTAssertEqual(try store.contact(submissionID: "4f1c-0001"), contact)
    }

    func testTheSameSubmissionTwiceIsStoredOnce() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let first = NewSubmission(submissionID: "same", sessionID: session.id, answers: ["q": "1"], receivedAt: date(1))
        var retry = first
        retry.answers = ["q": "2", "extra": "true"]
        retry.contact = ContactDetails(name: "N", email: "n@example.dk", consentText: "ok")

        let firstOutcome = try await store.submit(first)
        let retryOutcome = try await store.submit(retry)

        XCTAssertEqual(firstOutcome, .stored)
        XCTAssertEqual(retryOutcome, .duplicate)
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 1)
        XCTAssertEqual(try store.responses(sessionID: session.id).map(\.answers), [["q": "1"]])
        XCTAssertNil(try store.contact(submissionID: "same"), "a duplicate must not add contact details")
    }

    func testResponsesComeOldestFirstAndLateFlagsSurvive() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let other = try makeOpenSession(in: store, code: "ANDEN")

        _ = try await store.submit(NewSubmission(submissionID: "c", sessionID: session.id, answers: [:], receivedAt: date(30)))
        _ = try await store.submit(NewSubmission(
            submissionID: "a", sessionID: session.id, answers: [:], receivedAt: date(10), isLate: true))
        _ = try await store.submit(NewSubmission(submissionID: "b", sessionID: session.id, answers: [:], receivedAt: date(20)))
        _ = try await store.submit(NewSubmission(submissionID: "z", sessionID: other.id, answers: [:], receivedAt: date(0)))

        let responses = try store.responses(sessionID: session.id)
        XCTAssertEqual(responses.map(\.submissionID), ["a", "b", "c"])
        XCTAssertEqual(responses.map(\.isLate), [true, false, false])
        XCTAssertEqual(responses.map(\.clientSubmittedAt), [nil, nil, nil])
        XCTAssertEqual(try store.responseCount(sessionID: other.id), 1)
    }

    func testAnUnknownSessionIDFailsWithItsID() async throws {
        let store = try makeStore()

        do {
            _ = try await store.submit(NewSubmission(submissionID: "x", sessionID: 999, answers: ["q": "1"]))
            XCTFail("a submission for a missing session must fail")
        } catch {
            XCTAssertEqual(error as? StorageError, .unknownSessionID(999))
        }
    }

    func testAnAnswerThatIsNotJSONFailsWithItsQuestion() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)

        do {
            _ = try await store.submit(NewSubmission(
                submissionID: "bad", sessionID: session.id, answers: ["ok": "1", "broken": "not json"]))
            XCTFail("an answer that is not JSON must fail")
        } catch {
            guard case .invalidAnswer(let questionID, _)? = error as? StorageError else {
                return XCTFail("expected invalidAnswer, got \(error)")
            }
            XCTAssertEqual(questionID, "broken")
        }
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 0, "the savepoint must remove the response row")
    }

    func testSubmittingAfterCloseFails() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        store.close()

        do {
            _ = try await store.submit(NewSubmission(submissionID: "late", sessionID: session.id, answers: [:]))
            XCTFail("a closed store must refuse submissions")
        } catch {
            XCTAssertEqual(error as? StorageError, .closed)
        }
        XCTAssertThrowsError(try store.sessions()) { error in
            XCTAssertEqual(error as? StorageError, .closed)
        }
    }

    func testALargeSessionIsReadWholeInStorageOrder() throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        // Past stock SQLite's 32,766 arguments, which a read binding every response id would need.
        let count = 33_000
        try store.executeOnWriter("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
            INSERT INTO response (submission_id, session_id, received_at, is_late)
            SELECT 'bulk-' || i, \(session.id), '2026-01-01 00:00:00.000', 0 FROM n
            """)
        try store.executeOnWriter("""
            INSERT INTO answer (response_id, question_id, value)
            SELECT id, 'q', '"svar ' || id || '"' FROM response WHERE session_id = \(session.id)
            """)

        let responses = try store.responses(sessionID: session.id)

        XCTAssertEqual(responses.count, count)
        XCTAssertEqual(responses.filter { $0.answers["q"]?.hasPrefix(#""svar "#) == true }.count, count)
        XCTAssertEqual(responses.first?.submissionID, "bulk-1", "same received time: storage order")
    }
}
