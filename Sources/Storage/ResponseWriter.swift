import Foundation
import GRDB

/// The single writer that stores submissions by group commit.
///
/// Why it batches: with `synchronous = FULL` every COMMIT waits for the disk to confirm
/// (fsync), and that wait, not the SQL, limits how many answers per second can be stored
/// durably: one transaction per request caps a server at the disk's fsync rate. So one writer
/// thread takes every submission waiting at that moment (up to `maximumBatchSize`), stores them
/// all in ONE transaction, each inside its own savepoint so a submission that breaks a
/// constraint fails alone, and pays a single fsync for the whole batch.
/// Callers are resumed only after the COMMIT returned, so an acknowledged answer is on disk;
/// if the commit fails (disk full, read-only), every caller in the batch gets the error and
/// nothing is acknowledged. Under light load a batch holds one submission and nothing waits
/// for company; under heavy load batches grow by themselves while the previous commit runs.
///
/// The writer runs on its own thread, not on Swift's cooperative pool, because GRDB's writes
/// block while SQLite does I/O.
///
/// `@unchecked Sendable`: all mutable state (`waiting`, `isClosing`, `isFinished`,
/// `counters`) is read and written only while `condition` is locked.
final class ResponseWriter: @unchecked Sendable {
    /// Counters for tests and diagnostics.
    struct Statistics: Sendable, Equatable {
        /// Submissions accepted into the queue.
        var accepted = 0
        /// Submissions in the queue, not yet taken by the writer.
        var waiting = 0
        /// Transactions committed.
        var commits = 0
        /// Batches whose transaction failed as a whole.
        var failedBatches = 0
        /// Submissions taken from the queue and processed (whatever their outcome).
        var processed = 0
        /// The most submissions stored in one transaction.
        var largestBatch = 0
    }

    /// What a caller learns once its submission's transaction has ended.
    typealias Completion = @Sendable (Result<SubmissionAcknowledgement, StorageError>) -> Void

    /// A submission waiting for its commit, with the caller to tell.
    private struct Waiting {
        let submission: NewSubmission
        let completion: Completion
    }

    private let pool: DatabasePool
    private let maximumBatchSize: Int
    private let condition = NSCondition()
    private var waiting: [Waiting] = []
    private var isClosing = false
    private var isFinished = false
    private var counters = Statistics()

    /// Starts the writer thread for `pool`.
    init(pool: DatabasePool, maximumBatchSize: Int) {
        self.pool = pool
        self.maximumBatchSize = max(1, maximumBatchSize)
        let thread = Thread { [self] in
            run()
        }
        thread.name = "Borgerdialog.ResponseWriter"
        thread.start()
    }

    /// The counters so far.
    var statistics: Statistics {
        condition.lock()
        defer { condition.unlock() }
        var snapshot = counters
        snapshot.waiting = waiting.count
        return snapshot
    }

    /// Whether `close()` has been called.
    var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return isClosing
    }

    /// Queues a submission and returns once the transaction containing it has committed.
    ///
    /// Cancelling the calling task does not withdraw the submission: once queued it is stored,
    /// and the caller still learns the outcome.
    func submit(_ submission: NewSubmission) async throws -> SubmissionAcknowledgement {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(Waiting(submission: submission) { continuation.resume(with: $0) })
        }
    }

    /// Queues a submission; `completion` runs on the writer thread once its transaction has ended.
    ///
    /// For callers that are not tasks (an HTTP connection waiting for its answer): no task has
    /// to be woken in between, so the answer goes out one thread switch sooner.
    func submit(_ submission: NewSubmission, completion: @escaping Completion) {
        enqueue(Waiting(submission: submission, completion: completion))
    }

    /// Stops accepting submissions, stores everything already queued, and waits for the thread to end.
    ///
    /// Returns true for the call that actually closed the writer; later calls return false
    /// (after the drain has finished).
    @discardableResult
    func close() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let wasOpen = !isClosing
        isClosing = true
        condition.broadcast()
        while !isFinished {
            condition.wait()
        }
        return wasOpen
    }

    private func enqueue(_ item: Waiting) {
        condition.lock()
        guard !isClosing else {
            condition.unlock()
            item.completion(.failure(StorageError.closed))
            return
        }
        waiting.append(item)
        counters.accepted += 1
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        while let batch = nextBatch() {
            store(batch)
        }
        condition.lock()
        isFinished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for work and takes everything waiting, up to the batch size; nil once closed and drained.
    private func nextBatch() -> [Waiting]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !isClosing {
            condition.wait()
        }
        if waiting.isEmpty {
            return nil
        }
        let batch: [Waiting]
        if waiting.count <= maximumBatchSize {
            batch = waiting
            waiting = []
        } else {
            batch = Array(waiting.prefix(maximumBatchSize))
            waiting.removeFirst(maximumBatchSize)
        }
        return batch
    }

    /// Stores one batch in one transaction, then resumes every caller.
    private func store(_ batch: [Waiting]) {
        var outcomes: [Result<SubmissionAcknowledgement, StorageError>] = []
        outcomes.reserveCapacity(batch.count)
        do {
            try pool.writeWithoutTransaction { database in
                try database.inTransaction(.immediate) {
                    outcomes.removeAll(keepingCapacity: true)
                    for item in batch {
                        outcomes.append(try Self.storeInSavepoint(item.submission, in: database))
                    }
                    return .commit
                }
            }
        } catch {
            let failure = StorageError(classifying: error, duringWrite: true)
            record(batchSize: batch.count, committed: false)
            for item in batch {
                item.completion(.failure(failure))
            }
            return
        }
        record(batchSize: batch.count, committed: true)
        for (item, outcome) in zip(batch, outcomes) {
            item.completion(outcome)
        }
    }

    /// Stores one submission inside a savepoint.
    ///
    /// A failure that concerns only this submission is returned (its savepoint rolled back);
    /// any other failure is thrown so the whole batch fails and nothing is acknowledged.
    private static func storeInSavepoint(
        _ submission: NewSubmission,
        in database: Database
    ) throws -> Result<SubmissionAcknowledgement, StorageError> {
        var outcome: SubmissionAcknowledgement?
        do {
            try database.inSavepoint {
                outcome = try insert(submission, into: database)
                return .commit
            }
            guard let outcome else { throw StorageError.sqlite(statement: "", reason: "the savepoint ended without a result") }
            return .success(outcome)
        } catch {
            // SQLite may roll back the whole transaction on some errors; then nothing in
            // this batch can commit, whatever the error was.
            guard StorageError.concernsOnlyOneSubmission(error), database.isInsideTransaction else {
                throw error
            }
            return .failure(StorageError(classifying: error, duringWrite: true))
        }
    }

    /// Inserts the response row with a fresh receipt, then its answers and contact details, unless
    /// it is a duplicate (then the receipt is the first copy's).
    private static func insert(_ submission: NewSubmission, into database: Database) throws -> SubmissionAcknowledgement {
        let responseStatement = try database.cachedStatement(sql: """
            INSERT INTO response (submission_id, session_id, received_at, client_submitted_at, is_late, table_label, receipt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (submission_id) DO NOTHING
            """)
        let receipt = try withUniqueReceipt { receipt in
            do {
                try responseStatement.execute(arguments: [
                    submission.submissionID, submission.sessionID, submission.receivedAt,
                    submission.clientSubmittedAt, submission.isLate, submission.tableLabel, receipt.value,
                ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw StorageError.unknownSessionID(submission.sessionID)
            }
        }
        guard database.changesCount > 0 else {
            return SubmissionAcknowledgement(outcome: .duplicate, receipt: try storedReceipt(of: submission.submissionID, in: database))
        }
        let responseID = database.lastInsertedRowID

        let answerStatement = try database.cachedStatement(
            sql: "INSERT INTO answer (response_id, question_id, value) VALUES (?, ?, ?)")
        for (questionID, value) in submission.answers.sorted(by: { $0.key < $1.key }) {
            do {
                try answerStatement.execute(arguments: [responseID, questionID, value])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK {
                throw StorageError.invalidAnswer(questionID: questionID, reason: error.message ?? "CHECK failed")
            }
        }

        if let contact = submission.contact {
            let contactStatement = try database.cachedStatement(sql: """
                INSERT INTO contact (response_id, name, email, consent_text, created_at)
                VALUES (?, ?, ?, ?, ?)
                """)
            try contactStatement.execute(arguments: [
                responseID, contact.name, contact.email, contact.consentText, submission.receivedAt,
            ])
        }
        return SubmissionAcknowledgement(outcome: .stored, receipt: receipt)
    }

    /// Runs `write` with a random receipt, and again with a new one in the (about one in 10^11 per
    /// stored response) case that the receipt is taken; the failed statement changed nothing.
    private static func withUniqueReceipt(_ write: (ReceiptCode) throws -> Void) throws -> ReceiptCode {
        var attempt = 1
        while true {
            let receipt = ReceiptCode.random()
            do {
                try write(receipt)
                return receipt
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && attempt < 10 {
                attempt += 1
            }
        }
    }

    /// The receipt stored with an earlier copy of a submission; one stored before receipts existed
    /// gets one now, so a repeat is answered like the first.
    private static func storedReceipt(of submissionID: String, in database: Database) throws -> ReceiptCode {
        let stored = try String.fetchOne(
            try database.cachedStatement(sql: "SELECT receipt FROM response WHERE submission_id = ?"), arguments: [submissionID])
        if let stored, let receipt = ReceiptCode(typed: stored) {
            return receipt
        }
        let update = try database.cachedStatement(sql: "UPDATE response SET receipt = ? WHERE submission_id = ?")
        return try withUniqueReceipt { receipt in
            try update.execute(arguments: [receipt.value, submissionID])
        }
    }

    private func record(batchSize: Int, committed: Bool) {
        condition.lock()
        defer { condition.unlock() }
        counters.processed += batchSize
        counters.largestBatch = max(counters.largestBatch, batchSize)
        if committed {
            counters.commits += 1
        } else {
            counters.failedBatches += 1
        }
    }
}
