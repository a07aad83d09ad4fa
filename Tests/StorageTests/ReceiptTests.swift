import GRDB
import XCTest
@testable import Storage

/// Receipts: made by the writer in the submission's transaction, readable, unique, the same for a
/// repeat; the response found by one, and erased with its contact details and what runs kept.
final class ReceiptTests: XCTestCase {
    private let receiptPattern = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/

    func testEveryStoredResponseGetsItsOwnReadableRandomReceipt() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        var receipts: [String: ReceiptCode] = [:]
        for index in 0..<600 {
            let id = "sub-\(index)-\(UUID().uuidString)"
            let acknowledgement = try await store.submitForReceipt(NewSubmission(submissionID: id, sessionID: session.id, answers: ["q": "1"]))
            XCTAssertEqual(acknowledgement.outcome, .stored)
            XCTAssertNotNil(acknowledgement.receipt.formatted.wholeMatch(of: receiptPattern), acknowledgement.receipt.formatted)
            XCTAssertFalse(id.uppercased().contains(acknowledgement.receipt.value), "a receipt is not taken from the submission id")
            receipts[id] = acknowledgement.receipt
        }
        XCTAssertEqual(Set(receipts.values).count, 600, "no two responses share a receipt")
        for (id, receipt) in receipts.prefix(20) {
            XCTAssertEqual(try store.submission(receipt: receipt)?.submissionID, id)
            XCTAssertEqual(try store.receipt(submissionID: id), receipt)
        }
        // Random, not a sequence: the characters spread over the alphabet.
        let used = Set(receipts.values.flatMap(\.value))
        XCTAssertGreaterThan(used.count, 25)
    }

    func testARepeatIsAnsweredWithTheFirstReceiptAlsoInTheSameBatch() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let submission = NewSubmission(submissionID: "gentaget-0001", sessionID: session.id, answers: ["q": "1"])
        // The primer is taken by the writer, which then waits for the connection; both copies
        // submitted after it land in the next batch together.
        let blocker = WriterConnectionBlocker(store: store)
        let primer = Task { try await store.submit(NewSubmission(submissionID: "primer-0001", sessionID: session.id, answers: [:])) }
        try await store.waitForWriter { $0.accepted == 1 && $0.waiting == 0 }
        let first = Task { try await store.submitForReceipt(submission) }
        let second = Task { try await store.submitForReceipt(submission) }
        try await store.waitForWriter { $0.accepted == 3 }
        blocker.unblock()
        _ = try await primer.value
        let answers = [try await first.value, try await second.value]
        XCTAssertEqual(store.writer.statistics.largestBatch, 2, "both copies were in one batch")
        XCTAssertEqual(Set(answers.map(\.outcome)), [.stored, .duplicate])
        XCTAssertEqual(answers[0].receipt, answers[1].receipt)
        let later = try await store.submitForReceipt(submission)
        XCTAssertEqual(later, SubmissionAcknowledgement(outcome: .duplicate, receipt: answers[0].receipt))
    }

    func testAResponseStoredBeforeReceiptsGetsOneWhenItIsRepeated() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let submission = NewSubmission(submissionID: "gammel-0001", sessionID: session.id, answers: ["q": "1"])
        _ = try await store.submit(submission)
        try await store.pool.write { database in
            try database.execute(sql: "UPDATE response SET receipt = NULL")
        }
        XCTAssertNil(try store.receipt(submissionID: "gammel-0001"))
        let repeated = try await store.submitForReceipt(submission)
        XCTAssertEqual(repeated.outcome, .duplicate)
        XCTAssertEqual(try store.receipt(submissionID: "gammel-0001"), repeated.receipt, "the new receipt is stored")
        let again = try await store.submitForReceipt(submission)
        XCTAssertEqual(again.receipt, repeated.receipt)
    }

    func testATypedReceiptIsReadInAnyCaseWithOrWithoutTheDash() throws {
        XCTAssertEqual(ReceiptCode(typed: "k7mx-4qpa")?.formatted, "K7MX-4QPA")
        XCTAssertEqual(ReceiptCode(typed: " K7MX4QPA ")?.value, "K7MX4QPA")
        XCTAssertEqual(ReceiptCode(typed: "k7 mx 4q pa")?.value, "K7MX4QPA")
        for bad in ["", "K7MX-4QP", "K7MX-4QPA2", "K7MX-4QP0", "K7MX-4QPO", "I7MX-4QPA", "L7MX-4QPA", "K7MX-4QP1", "K7MX_4QPA"] {
            XCTAssertNil(ReceiptCode(typed: bad), bad)
        }
    }

    func testErasingByReceiptDeletesAnswersContactAndWhatRunsKeptAndAuditsCountsOnly() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let contact = ContactDetails(name: "Mette Hansen", email: "mette@example.dk", consentText: "Jeg må kontaktes.")
        let erased = try await store.submitForReceipt(NewSubmission(
            submissionID: "slet-mig-0001", sessionID: session.id,
            answers: ["idea": #""Bænke ved åen hos Mette""#, "age": #""65-plus""#], contact: contact))
        _ = try await store.submit(NewSubmission(submissionID: "bliv-0001", sessionID: session.id, answers: ["idea": #""Lys på stien""#]))
        let run = try store.createAnalysisRun(formID: "faellesskab", sessionCodes: [session.code], questionIDs: [], createdBy: "test")
        try store.updateAnalysisRun(id: run.id, status: .done, progress: 1, message: nil,
                                    result: #"{"kept":"bliv-0001/idea","erased":"slet-mig-0001/idea bænke"}"#)

        let stored = try XCTUnwrap(try store.submission(receipt: erased.receipt))
        XCTAssertEqual(stored.answers["idea"], #""Bænke ved åen hos Mette""#)
        XCTAssertEqual(stored.contact?.email, "mette@example.dk")
        XCTAssertEqual(stored.contact?.consentText, "Jeg må kontaktes.")

        let redacted = SharedIDs()
        let summary = try store.eraseResponse(
            receipt: erased.receipt,
            audit: AuditEvent(actor: "admin@kommune.dk", action: "response.erase", target: erased.receipt.formatted),
            redaction: { text, ids in
                redacted.add(ids)
                return #"{"kept":"bliv-0001/idea"}"#
            })

        XCTAssertEqual(summary, ErasureSummary(sessionID: session.id, responses: 1, answers: 2, contacts: 1, analysisRuns: 1))
        XCTAssertEqual(redacted.all, ["slet-mig-0001"])
        XCTAssertNil(try store.submission(receipt: erased.receipt))
        XCTAssertEqual(try store.responses(sessionID: session.id).map(\.submissionID), ["bliv-0001"])
        XCTAssertEqual(try store.contacts(sessionID: session.id), [])
        XCTAssertEqual(try store.analysisRun(id: run.id)?.result, #"{"kept":"bliv-0001/idea"}"#)
        let event = try XCTUnwrap(try store.auditEvents(limit: 1).first)
        XCTAssertEqual(event.action, "response.erase")
        let details = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(event.details.utf8)) as? [String: Int])
        XCTAssertEqual(details, ["responses": 1, "answers": 2, "contacts": 1, "analysisRuns": 1])
        XCTAssertNil(try store.eraseResponse(receipt: erased.receipt, audit: nil, redaction: { _, _ in nil }), "erased once")
    }

    func testWithdrawingConsentErasesTheContactAloneOrWithItsResponse() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        for (index, email) in ["Mette@Example.dk", "jens@example.dk", "mette@example.dk"].enumerated() {
            _ = try await store.submit(NewSubmission(
                submissionID: "kontakt-\(index)", sessionID: session.id, answers: ["q": "\(index)"],
                contact: ContactDetails(name: "Navn \(index)", email: email, consentText: "Ja.")))
        }
        let found = try store.contacts(email: " METTE@example.DK ")
        XCTAssertEqual(found.map(\.name), ["Navn 0", "Navn 2"], "e-mail matches ignore case and spaces")

        let contactOnly = try XCTUnwrap(try store.eraseContact(responseID: found[0].responseID, withResponse: false, audit: nil, redaction: { _, _ in nil }))
        XCTAssertEqual(contactOnly.contacts, 1)
        XCTAssertEqual(contactOnly.responses, 0)
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 3, "the anonymous answers stay")

        let both = try XCTUnwrap(try store.eraseContact(responseID: found[1].responseID, withResponse: true, audit: nil, redaction: { _, _ in nil }))
        XCTAssertEqual(both.responses, 1)
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 2)
        XCTAssertEqual(try store.contacts(sessionID: session.id).map(\.email), ["jens@example.dk"])
    }
}

/// Submission ids a redaction saw, collected across the closure's calls.
private final class SharedIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<String> = []

    func add(_ more: Set<String>) {
        lock.withLock { ids.formUnion(more) }
    }

    var all: Set<String> {
        lock.withLock { ids }
    }
}
