import GRDB
import XCTest
@testable import Storage

final class ResponseWriterTests: XCTestCase {
    /// 500 concurrent submissions, 50 of which repeat an earlier id.
    func testConcurrentSubmissionsStoreEachUniqueIDOnceAndBatchCommits() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let submissions = (0..<500).map { index in
            let id = index < 450 ? "submission-\(index)" : "submission-\(index - 450)"
            return NewSubmission(
                submissionID: id, sessionID: session.id,
                answers: ["index": "\(index)", "text": #""Mere grønt i byen""#], receivedAt: date(Double(index)))
        }

        let outcomes = try await withThrowingTaskGroup(of: SubmissionOutcome.self) { group in
            for submission in submissions {
                group.addTask { try await store.submit(submission) }
            }
            return try await group.reduce(into: [SubmissionOutcome]()) { $0.append($1) }
        }

        XCTAssertEqual(outcomes.filter { $0 == .stored }.count, 450)
        XCTAssertEqual(outcomes.filter { $0 == .duplicate }.count, 50)
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 450)
        let responses = try store.responses(sessionID: session.id)
        XCTAssertEqual(Set(responses.map(\.submissionID)).count, 450)
        XCTAssertTrue(responses.allSatisfy { $0.answers.count == 2 })
        let answerCount = try await store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM answer") }
        XCTAssertEqual(answerCount, 900)

        let statistics = store.writer.statistics
        XCTAssertEqual(statistics.processed, 500)
        XCTAssertEqual(statistics.failedBatches, 0)
        XCTAssertLessThan(statistics.commits, 500, "concurrent submissions must share commits")
        XCTAssertGreaterThan(statistics.largestBatch, 1)

        let integrity = try await store.pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        XCTAssertEqual(integrity, ["ok"])
        let foreignKeyViolations = try await store.pool.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM pragma_foreign_key_check")
        }
        XCTAssertEqual(foreignKeyViolations, 0)
    }

    /// Everything waiting while a commit runs goes into the next transaction, at most `maximumBatchSize` at a time.
    func testWaitingSubmissionsShareOneTransactionUpToTheBatchSize() async throws {
        let store = try makeStore(maximumBatchSize: 100)
        let session = try makeOpenSession(in: store)
        let blocker = WriterConnectionBlocker(store: store)

        let tasks = (0..<250).map { index in
            Task {
                try await store.submit(NewSubmission(submissionID: "s\(index)", sessionID: session.id, answers: [:]))
            }
        }
        try await store.waitForWriter { $0.accepted == 250 }
        blocker.unblock()
        for task in tasks {
            let outcome = try await task.value
            XCTAssertEqual(outcome, .stored)
        }

        let statistics = store.writer.statistics
        XCTAssertEqual(statistics.processed, 250)
        XCTAssertEqual(statistics.largestBatch, 100)
        XCTAssertGreaterThanOrEqual(statistics.commits, 3)
        XCTAssertLessThanOrEqual(statistics.commits, 4, "one batch taken before the block, then full batches")
        XCTAssertEqual(try store.responseCount(sessionID: session.id), 250)
    }

    /// A submission that breaks a constraint fails alone; the rest of its batch commits.
    func testAFailingSubmissionFailsAloneInItsBatch() async throws {
        let store = try makeStore()
        let session = try makeOpenSession(in: store)
        let blocker = WriterConnectionBlocker(store: store)
        // The primer is taken by the writer, which then waits for the connection; everything
        // submitted after it lands in the second batch together.
        let primer = Task { try await store.submit(NewSubmission(submissionID: "primer", sessionID: session.id, answers: [:])) }
        try await store.waitForWriter { $0.accepted == 1 && $0.waiting == 0 }

        let good = Task { try await store.submit(NewSubmission(submissionID: "good", sessionID: session.id, answers: ["q": "1"])) }
        let unknownSession = Task { try await store.submit(NewSubmission(submissionID: "orphan", sessionID: 424_242, answers: ["q": "1"])) }
        let badJSON = Task { try await store.submit(NewSubmission(submissionID: "bad-json", sessionID: session.id, answers: ["q": "{"])) }
        let firstCopy = Task { try await store.submit(NewSubmission(submissionID: "twice", sessionID: session.id, answers: ["q": "1"])) }
        let secondCopy = Task { try await store.submit(NewSubmission(submissionID: "twice", sessionID: session.id, answers: ["q": "1"])) }
        try await store.waitForWriter { $0.accepted == 6 }
        blocker.unblock()

        let primerOutcome = try await primer.value
        let goodOutcome = try await good.value
        XCTAssertEqual(primerOutcome, .stored)
        XCTAssertEqual(goodOutcome, .stored)
        await assertThrows(.unknownSessionID(424_242), from: unknownSession)
        do {
            _ = try await badJSON.value
            XCTFail("invalid JSON must fail")
        } catch {
            guard case .invalidAnswer(questionID: "q", _)? = error as? StorageError else {
                return XCTFail("expected invalidAnswer, got \(error)")
            }
        }
        let copies = [try await firstCopy.value, try await secondCopy.value]
        XCTAssertEqual(Set(copies), [.stored, .duplicate], "a duplicate inside one batch: the first is stored")

        let statistics = store.writer.statistics
        XCTAssertEqual(statistics.commits, 2)
        XCTAssertEqual(statistics.largestBatch, 5)
        XCTAssertEqual(statistics.failedBatches, 0)
        XCTAssertEqual(
            Set(try store.responses(sessionID: session.id).map(\.submissionID)), ["primer", "good", "twice"])
    }

    /// `close()` stores everything already queued before it returns.
    func testCloseFinishesWhatIsQueued() async throws {
        let directory = try makeTemporaryDirectory()
        let store = try Store(configuration: StorageConfiguration(dataDirectory: directory))
        let session = try makeOpenSession(in: store)
        let blocker = WriterConnectionBlocker(store: store)
        let tasks = (0..<20).map { index in
            Task { try await store.submit(NewSubmission(submissionID: "q\(index)", sessionID: session.id, answers: [:])) }
        }
        try await store.waitForWriter { $0.accepted == 20 }

        let closer = Thread { store.close() }
        closer.start()
        while !store.writer.isClosed {
            try await Task.sleep(nanoseconds: 1_000_000)
        }
        blocker.unblock()
        for task in tasks {
            let outcome = try await task.value
            XCTAssertEqual(outcome, .stored)
        }
        store.close()  // returns once the first close has finished

        let reopened = try makeStore(in: directory)
        XCTAssertEqual(try reopened.responseCount(sessionID: session.id), 20)
    }

    private func assertThrows(
        _ expected: StorageError,
        from task: Task<SubmissionOutcome, any Error>,
        file: StaticString = #filePath,
        line: UInt = #line
    ) async {
        do {
            let outcome = try await task.value
            XCTFail("expected \(expected), got \(outcome)", file: file, line: line)
        } catch {
            XCTAssertEqual(error as? StorageError, expected, file: file, line: line)
        }
    }
}
