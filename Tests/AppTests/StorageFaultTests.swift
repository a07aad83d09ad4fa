import App
import Foundation
import Storage
import TestSupport
import XCTest

/// A full disk and a read-only database while the service runs: 503 with a reason, nothing
/// acknowledged that was not stored, and the same submission taken once the fault is gone.
///
/// The faults are staged with `Store.simulate`, which reaches SQLITE_FULL and SQLITE_READONLY
/// the way SQLite itself does (file permissions do not stop root, and mounts need privileges).
final class StorageFaultTests: OpenSessionTestCase {
    private var store: Store { running.application.store }

    private static let json = ["Content-Type: application/json"]

    /// Posts one submission over a new connection, as a tablet would.
    private func submit(_ id: String, idea: String = "Flere bænke ved åen") throws -> RawHTTPResponse {
        let body = RunningApplication.submission(id: id, answers: ["idea": .string(idea)]).bytes
        return try running.exchange("POST", responsesPath, headers: Self.json, body: body)
    }

    /// After the fault: the refused submission is stored exactly once, and its repeat is a duplicate.
    private func assertTakenOnceAfterwards(_ id: String, storedBefore: Int) throws {
        let retried = try submit(id)
        XCTAssertEqual(retried.status, 201, "the same submission is taken once the fault is gone")
        XCTAssertEqual(try retried.decode(API.Receipt.self).status, "stored")
        let repeated = try submit(id)
        XCTAssertEqual(repeated.status, 200)
        XCTAssertEqual(try repeated.decode(API.Receipt.self).status, "duplicate")
        XCTAssertEqual(try running.storedResponseCount(code), storedBefore + 1)
        XCTAssertEqual(try running.exported(code).responses.filter { $0.submissionId == id }.count, 1, "stored exactly once")
    }

    func testAFullDiskAnswers503AndAcknowledgesOnlyWhatIsStored() throws {
        let before = try submit("before-the-fault")
        XCTAssertEqual(before.status, 201)
        try store.simulate(.diskFull)

        // Answers fit into the free room of the last pages until one needs a new page.
        var refusedID: String?
        var acknowledged = ["before-the-fault"]
        for index in 0..<400 where refusedID == nil {
            let id = "disk-full-\(index)"
            let answer = try submit(id, idea: "Svar nummer \(index) om flere bænke og træer")
            switch answer.status {
            case 201: acknowledged.append(id)
            case 503:
                refusedID = id
                XCTAssertEqual(answer.errorReason, "Prøv igen senere: serverens disk er fuld, så intet blev gemt.")
            default: XCTFail("\(id) gave \(answer.status): \(answer.text)")
            }
        }
        let refused = try XCTUnwrap(refusedID, "the database never filled up")
        XCTAssertFalse(try store.containsSubmission(id: refused), "a 503 stored nothing")

        // Many at once, so some share a batch: every request is sent before any answer is read.
        // Each is stored if and only if it was acknowledged.
        let batch = try (0..<20).map { index in
            let id = "full-batch-\(index)"
            let connection = try running.connect()
            let body = RunningApplication.submission(id: id, answers: ["idea": .string(String(repeating: "fællesskab ", count: 4))]).bytes
            try connection.send(method: "POST", target: responsesPath, headers: Self.json, body: body)
            return (id: id, connection: connection)
        }
        for (id, connection) in batch {
            let status = try connection.readResponse(to: "POST").status
            XCTAssertTrue([201, 503].contains(status), "\(id) gave \(status)")
            XCTAssertEqual(try store.containsSubmission(id: id), status == 201, "\(id): acknowledged if and only if stored")
            if status == 201 { acknowledged.append(id) }
        }
        XCTAssertEqual(try running.storedResponseCount(code), acknowledged.count)

        // Reads go on meanwhile: the form still loads and the service is healthy.
        let form = try running.exchange("GET", "/api/sessions/\(code!)/form")
        XCTAssertEqual(form.status, 200)
        assertStillHealthy("while the disk is full")

        try store.simulate(nil)
        try assertTakenOnceAfterwards(refused, storedBefore: acknowledged.count)
    }

    func testAReadOnlyDatabaseAnswers503AndStoresNothing() throws {
        let before = try submit("before-read-only")
        XCTAssertEqual(before.status, 201)
        try store.simulate(.readOnly)

        let refused = try submit("read-only-0001")
        XCTAssertEqual(refused.status, 503)
        XCTAssertEqual(refused.errorReason, "Prøv igen senere: databasen kan ikke skrives lige nu, så intet blev gemt.")
        XCTAssertFalse(try store.containsSubmission(id: "read-only-0001"))
        XCTAssertEqual(try running.storedResponseCount(code), 1)

        // Even a repeat of a stored answer needs the (no-op) write that finds it stored, so it is
        // a 503 too: the tablet keeps it and hears "duplicate" once the fault is gone.
        let repeated = try submit("before-read-only")
        XCTAssertEqual(repeated.status, 503)
        let form = try running.exchange("GET", "/api/sessions/\(code!)/form")
        XCTAssertEqual(form.status, 200)
        assertStillHealthy("while the database is read-only")

        try store.simulate(nil)
        let repeatedAfterwards = try submit("before-read-only")
        XCTAssertEqual(repeatedAfterwards.status, 200)
        try assertTakenOnceAfterwards("read-only-0001", storedBefore: 1)
    }

    func testStaffWritesAreRefusedWith503NotAnInternalError() async throws {
        let admin = try await running.logIn(.admin)
        try store.simulate(.readOnly)
        defer { try? store.simulate(nil) }
        let created = try running.exchange(
            "POST", "/api/staff/sessions", headers: Self.json + admin.headerLines(writing: true),
            body: Array(#"{"formId":"test-dialogue","title":"Møde"}"#.utf8))
        XCTAssertEqual(created.status, 503)
        XCTAssertEqual(created.errorReason, "Prøv igen senere: databasen kan ikke skrives lige nu, så intet blev gemt.")
        XCTAssertEqual(try store.sessions().count, 1, "no session was made")
    }
}
