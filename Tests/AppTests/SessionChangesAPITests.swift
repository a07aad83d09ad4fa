import App
import Authentication
import Forms
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// A meeting after it was created: edit (a draft may change form, an open meeting not, a closed
/// one nothing), duplicate, delete a draft or the demo, archive a closed one; each in the audit log.
final class SessionChangesAPITests: XCTestCase {
    var running: RunningApplication!
    var facilitator: StaffLogin!

    override func setUp() async throws {
        running = try RunningApplication()
        facilitator = try await running.logIn(.facilitator)
    }

    override func tearDown() {
        running.shutDown()
    }

    private func createDraft(title: String = "Borgermøde") async throws -> API.CreatedSession {
        let created = await running.post("/api/staff/sessions", json: [
            "formId": "test-dialogue", "title": .string(title), "place": "Skagen", "startsAt": "2030-05-14T19:00", "tables": ["Bord 1"],
        ], as: facilitator)
        XCTAssertEqual(created.status, .created, created.text)
        return try created.decode(API.CreatedSession.self)
    }

    private func patch(_ code: String, _ body: JSONValue, query: String = "") async -> Response {
        await running.handle(.patch, "/api/staff/sessions/\(code)\(query)", json: body, as: facilitator)
    }

    /// Publishes an own copy of the fixture form under another id, so a draft has another form to change to.
    private func publishSecondForm() async throws -> String {
        var definition = try JSONValue(jsonData: Data(contentsOf: URL(fileURLWithPath: RunningApplication.formsDirectory + "/test-dialogue.json")))
        guard case .object(var fields) = definition else { throw TestFailure("the fixture form is not an object") }
        fields["id"] = "anden-dialog"
        definition = .object(fields)
        let created = await running.post("/api/staff/forms", json: definition, as: facilitator)
        XCTAssertEqual(created.status, .created, created.text)
        let published = await running.handle(.post, "/api/staff/forms/anden-dialog/publish", body: Array("{}".utf8), as: facilitator)
        XCTAssertEqual(published.status, .ok, published.text)
        return "anden-dialog"
    }

    func testADraftsDetailsFormAndPinChangeAndNullClearsAField() async throws {
        let draft = try await createDraft()
        let code = draft.session.code
        let other = try await publishSecondForm()
        let edited = await patch(code, [
            "title": "  Borgermøde om stier ", "place": nil, "startsAt": "2030-05-15T18:00", "tables": ["Bord A", "Bord B"],
            "idleSeconds": 120, "kioskPin": "97531", "formId": .string(other),
        ])
        XCTAssertEqual(edited.status, .ok, edited.text)
        let session = try edited.decode(API.SessionDocument.self).session
        XCTAssertEqual(session.title, "Borgermøde om stier")
        XCTAssertNil(session.place)
        XCTAssertEqual(session.startsAt, "2030-05-15T16:00:00.000Z", "Danish summer time")
        XCTAssertEqual(session.tables, ["Bord A", "Bord B"])
        XCTAssertEqual(session.idleSeconds, 120)
        XCTAssertEqual(session.formId, other)
        XCTAssertEqual(session.code, code, "the code stays")

        _ = await running.handle(.post, "/api/staff/sessions/\(code)/open", body: Array("{}".utf8), as: facilitator)
        let tablet = try await running.get("/api/sessions/\(code)/form").decode(API.TabletForm.self)
        XCTAssertEqual(tablet.form.id, other, "tablets get the new form")
        let answer1 = await running.post("/api/sessions/\(code)/kiosk/exit", json: ["pin": "97531"])
        XCTAssertEqual(answer1.status, .ok, "the new PIN works")
        let answer2 = await running.post("/api/sessions/\(code)/kiosk/exit", json: ["pin": .string(draft.kioskPin)])
        XCTAssertEqual(answer2.status, .forbidden)

        let event = try XCTUnwrap(try running.application.store.auditEvents(limit: 5).first { $0.action == "session.update" })
        XCTAssertEqual(event.target, code)
        XCTAssertTrue(event.details.contains("kioskPin") && !event.details.contains("97531"), "the PIN by name, never its value: \(event.details)")
    }

    func testAnOpenMeetingKeepsItsFormAndAClosedOneEverything() async throws {
        let code = try await createDraft().session.code
        let other = try await publishSecondForm()
        _ = await running.handle(.post, "/api/staff/sessions/\(code)/open", body: Array("{}".utf8), as: facilitator)

        let formChange = await patch(code, ["formId": .string(other)])
        XCTAssertEqual(formChange.status, .conflict)
        XCTAssertEqual(formChange.errorReason,
                       "Mødet \(code) er åbnet, så spørgeskemaet ligger fast. Lav en kopi af mødet, hvis du vil bruge et andet spørgeskema.")
        let answer3 = await patch(code, ["formId": "test-dialogue", "place": "Sæby"])
        XCTAssertEqual(answer3.status, .ok, "its own form again is no change")

        let invalid = await patch(code, ["title": "", "idleSeconds": 5, "kioskPin": "12", "tables": ["A", "A"], "startsAt": "i morgen"])
        XCTAssertEqual(invalid.status, .unprocessableContent)
        XCTAssertEqual(try invalid.decode(ErrorBody.self).errors?.map(\.field), ["title", "startsAt", "tables", "idleSeconds", "kioskPin"])
        let wrongType = await patch(code, ["tables": "Bord 1"])
        XCTAssertEqual(try wrongType.decode(ErrorBody.self).errors?.first?.field, "tables")

        _ = await running.handle(.post, "/api/staff/sessions/\(code)/close", body: Array("{}".utf8), as: facilitator)
        let closed = await patch(code, ["title": "For sent"], query: "?lang=en")
        XCTAssertEqual(closed.status, .conflict)
        XCTAssertEqual(closed.errorReason, "The meeting \(code) is closed, so its details can no longer be changed.")
        let detail = try await running.get("/api/staff/sessions/\(code)", as: facilitator).decode(API.SessionDocument.self).session
        XCTAssertEqual(detail.place, "Sæby")
    }

    func testADuplicateIsANewDraftOnTheSameFormWithItsOwnCodeAndPin() async throws {
        let original = try await createDraft(title: "Borgermøde i Skagen")
        let copy = await running.post("/api/staff/sessions/\(original.session.code)/duplicate", json: [:], as: facilitator)
        XCTAssertEqual(copy.status, .created, copy.text)
        let duplicate = try copy.decode(API.CreatedSession.self)
        XCTAssertNotEqual(duplicate.session.code, original.session.code)
        XCTAssertEqual(duplicate.session.status, "draft")
        XCTAssertEqual(duplicate.session.title, "Borgermøde i Skagen (kopi)")
        XCTAssertEqual(duplicate.session.formId, "test-dialogue")
        XCTAssertEqual(duplicate.session.place, "Skagen")
        XCTAssertEqual(duplicate.session.tables, ["Bord 1"])
        XCTAssertNil(duplicate.session.startsAt, "a new meeting gets its own time")
        XCTAssertNotNil(duplicate.kioskPin.wholeMatch(of: /[0-9]{4,8}/), duplicate.kioskPin)
        let named = try await running.post("/api/staff/sessions/\(original.session.code)/duplicate", json: ["title": "Møde nr. 2"], as: facilitator)
            .decode(API.CreatedSession.self)
        XCTAssertEqual(named.session.title, "Møde nr. 2")
        let event = try XCTUnwrap(try running.application.store.auditEvents(limit: 5).first { $0.action == "session.duplicate" })
        XCTAssertEqual(event.target, original.session.code)
        XCTAssertTrue(event.details.contains(named.session.code), "the event names the new meeting, committed with it: \(event.details)")
    }

    func testOnlyADraftOrTheDemoIsDeletedAndOnlyAClosedMeetingArchived() async throws {
        let draft = try await createDraft().session.code
        let open = try running.openSession()
        let deleteOpen = await running.handle(.delete, "/api/staff/sessions/\(open)", as: facilitator)
        XCTAssertEqual(deleteOpen.status, .conflict)
        XCTAssertEqual(deleteOpen.errorReason, "Mødet \(open) er åbent. Kun kladder kan slettes; et lukket møde kan arkiveres i stedet.")
        let answer4 = await running.handle(.delete, "/api/staff/sessions/\(draft)", as: facilitator)
        XCTAssertEqual(answer4.status, .ok)
        let answer5 = await running.get("/api/staff/sessions/\(draft)", as: facilitator)
        XCTAssertEqual(answer5.status, .notFound)
        let answer6 = await running.get("/api/sessions/\(draft)/form")
        XCTAssertEqual(answer6.status, .notFound, "tablets see it gone at once")

        let archiveOpen = await running.post("/api/staff/sessions/\(open)/archive", json: [:], as: facilitator)
        XCTAssertEqual(archiveOpen.status, .conflict)
        _ = await running.handle(.post, "/api/staff/sessions/\(open)/close", body: Array("{}".utf8), as: facilitator)
        let archived = await running.post("/api/staff/sessions/\(open)/archive", json: [:], as: facilitator)
        XCTAssertNotNil(try archived.decode(API.SessionDocument.self).session.archivedAt)
        let listed = try await running.get("/api/staff/sessions", as: facilitator).decode(API.SessionList.self).sessions
        XCTAssertNotNil(listed.first { $0.code == open }?.archivedAt, "the list carries it; the page hides it unless asked")
        let back = await running.post("/api/staff/sessions/\(open)/unarchive", json: [:], as: facilitator)
        XCTAssertNil(try back.decode(API.SessionDocument.self).session.archivedAt)

        let actions = try running.application.store.auditEvents(limit: 10).map { "\($0.action) \($0.target ?? "")" }
        XCTAssertEqual(Array(actions.prefix(4)), ["session.unarchive \(open)", "session.archive \(open)", "session.close \(open)", "session.delete \(draft)"])
    }

    func testTheDemoOfAFirstStartIsMarkedAndDeletedWithItsAnswers() async throws {
        let started = try RunningApplication(listening: true, createsDemoSession: true)
        defer { started.shutDown() }
        let admin = try await started.logIn(.admin)
        let sessionList = try await started.get("/api/staff/sessions", as: admin).decode(API.SessionList.self)
        let demo = try XCTUnwrap(sessionList.sessions.first)
        XCTAssertTrue(demo.isDemo)
        XCTAssertEqual(demo.status, "open")
        let answer = await started.submit(RunningApplication.submission(answers: ["idea": "Prøver bare"]), to: demo.code)
        XCTAssertEqual(answer.status, .created, answer.text)

        let deleted = await started.handle(.delete, "/api/staff/sessions/\(demo.code)", as: admin)
        XCTAssertEqual(deleted.status, .ok, deleted.text)
        let remaining = try await started.get("/api/staff/sessions", as: admin).decode(API.SessionList.self)
        XCTAssertEqual(remaining.sessions.count, 0)
        let event = try XCTUnwrap(try started.application.store.auditEvents(limit: 3).first { $0.action == "session.delete" })
        XCTAssertTrue(event.details.contains(#""demo":true"#), event.details)
    }
}
