import App
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Storage
import XCTest

/// A full disk and a read-only database while the service runs: 503 with a reason, nothing
/// acknowledged that was not stored, and the same submission taken once the fault is gone.
///
/// The faults are staged with `Store.simulate`, which reaches SQLITE_FULL and SQLITE_READONLY
/// the way SQLite itself does (file permissions do not stop root, and mounts need privileges).
final class StorageFaultTests: OpenSessionTestCase {
    private var store: Store { running.application.store }

    private func submit(_ id: String, idea: String = "Flere bænke ved åen") async throws -> (status: Int, body: [String: Any]) {
        let answer = try await running.request(
            "POST", responsesPath, body: RunningApplication.submission(id: id, answers: ["idea": idea]))
        return (answer.status, (try? RunningApplication.object(answer.body)) ?? [:])
    }

    /// After the fault: the refused submission is stored exactly once, and its repeat is a duplicate.
    private func assertTakenOnceAfterwards(_ id: String, storedBefore: Int) async throws {
        let retried = try await submit(id)
        XCTAssertEqual(retried.status, 201, "the same submission is taken once the fault is gone")
        XCTAssertEqual(retried.body["status"] as? String, "stored")
        let repeated = try await submit(id)
        XCTAssertEqual(repeated.status, 200)
        XCTAssertEqual(repeated.body["status"] as? String, "duplicate")
        XCTAssertEqual(try running.storedResponseCount(code), storedBefore + 1)
        let export = try Administration.export(configuration: running.application.configuration, codes: [code], format: .json)
        let responses = try XCTUnwrap(try RunningApplication.object(export.data)["responses"] as? [[String: Any]])
        XCTAssertEqual(responses.filter { $0["submissionId"] as? String == id }.count, 1, "stored exactly once")
    }

    func testAFullDiskAnswers503AndAcknowledgesOnlyWhatIsStored() async throws {
        let before = try await submit("before-the-fault")
        XCTAssertEqual(before.status, 201)
        try store.simulate(.diskFull)

        // Answers fit into the free room of the last pages until one needs a new page.
        var refusedID: String?
        var acknowledged = ["before-the-fault"]
        for index in 0..<400 where refusedID == nil {
            let id = "disk-full-\(index)"
            let answer = try await submit(id, idea: "Svar nummer \(index) om flere bænke og træer")
            switch answer.status {
            case 201: acknowledged.append(id)
            case 503:
                refusedID = id
                XCTAssertEqual(answer.body["error"] as? String, "Try again later: The disk is full; nothing was stored: database or disk is full")
            default: XCTFail("\(id) gave \(answer.status): \(answer.body)")
            }
        }
        let refused = try XCTUnwrap(refusedID, "the database never filled up")
        XCTAssertFalse(try store.containsSubmission(id: refused), "a 503 stored nothing")

        // Many at once, so some share a batch: each is stored if and only if it was acknowledged.
        let statuses = try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for index in 0..<20 {
                let body = RunningApplication.submission(id: "full-batch-\(index)", answers: ["idea": String(repeating: "fællesskab ", count: 4)])
                let path = responsesPath
                let session = running.session
                let url = URL(string: running.application.baseURL + path)!
                group.addTask {
                    var request = URLRequest(url: url)
                    request.httpMethod = "POST"
                    request.httpBody = body
                    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                    let (_, response) = try await session.data(for: request)
                    return ("full-batch-\(index)", (response as! HTTPURLResponse).statusCode)
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        for (id, status) in statuses {
            XCTAssertTrue([201, 503].contains(status), "\(id) gave \(status)")
            XCTAssertEqual(try store.containsSubmission(id: id), status == 201, "\(id): acknowledged if and only if stored")
            if status == 201 { acknowledged.append(id) }
        }
        XCTAssertEqual(try running.storedResponseCount(code), acknowledged.count)

        // Reads go on meanwhile: the form still loads and the service is healthy.
        let form = try await running.request("GET", "/api/sessions/\(code!)/form")
        XCTAssertEqual(form.status, 200)
        try await running.assertStillHealthy("while the disk is full")

        try store.simulate(nil)
        try await assertTakenOnceAfterwards(refused, storedBefore: acknowledged.count)
    }

    func testAReadOnlyDatabaseAnswers503AndStoresNothing() async throws {
        let before = try await submit("before-read-only")
        XCTAssertEqual(before.status, 201)
        try store.simulate(.readOnly)

        let refused = try await submit("read-only-0001")
        XCTAssertEqual(refused.status, 503)
        XCTAssertEqual(refused.body["error"] as? String, "Try again later: The database cannot be written; nothing was stored: attempt to write a readonly database")
        XCTAssertFalse(try store.containsSubmission(id: "read-only-0001"))
        XCTAssertEqual(try running.storedResponseCount(code), 1)

        // Even a repeat of a stored answer needs the (no-op) write that finds it stored, so it is
        // a 503 too: the tablet keeps it and hears "duplicate" once the fault is gone.
        let repeated = try await submit("before-read-only")
        XCTAssertEqual(repeated.status, 503)
        let form = try await running.request("GET", "/api/sessions/\(code!)/form")
        XCTAssertEqual(form.status, 200)
        try await running.assertStillHealthy("while the database is read-only")

        try store.simulate(nil)
        let repeatedAfterwards = try await submit("before-read-only")
        XCTAssertEqual(repeatedAfterwards.status, 200)
        try await assertTakenOnceAfterwards("read-only-0001", storedBefore: 1)
    }

    func testStaffWritesAreRefusedWith503NotAnInternalError() async throws {
        let admin = try await running.logIn(role: "admin")
        try store.simulate(.readOnly)
        defer { try? store.simulate(nil) }
        let created = try await running.request(
            "POST", "/api/staff/sessions", body: Data(#"{"formId":"test-dialogue","title":"Møde"}"#.utf8),
            headers: ["Cookie": admin.cookie, "X-CSRF-Token": admin.csrfToken])
        XCTAssertEqual(created.status, 503)
        XCTAssertEqual(
            try RunningApplication.object(created.body)["error"] as? String,
            "Try again later: The database cannot be written; nothing was stored: attempt to write a readonly database")
        XCTAssertEqual(try store.sessions().count, 1, "no session was made")
    }
}
