import XCTest
@testable import Storage

final class SessionTests: XCTestCase {
    func testACreatedSessionIsFoundByItsExactCode() throws {
        let store = try makeStore()
        let form = try store.saveFormVersion(formID: "faellesskab", contentHash: "h1", definition: #"{"q":[]}"#)

        let created = try store.createSession(NewSession(
            code: "Kerne7", title: "Dialogmøde i Sæby", formVersionID: form.id, status: .open,
            place: "Sæby Kulturhus", startsAt: date(3600), tables: ["Bord 1", "Bord 2"], createdAt: date(0)))

        XCTAssertEqual(created.code, "Kerne7")
        XCTAssertEqual(created.title, "Dialogmøde i Sæby")
        XCTAssertEqual(created.place, "Sæby Kulturhus")
        XCTAssertEqual(created.startsAt, date(3600))
        XCTAssertEqual(created.tables, ["Bord 1", "Bord 2"])
        XCTAssertEqual(created.status, .open)
        XCTAssertEqual(created.formVersion, form)
        XCTAssertEqual(created.createdAt, date(0))
        XCTAssertEqual(created.openedAt, date(0))
        XCTAssertNil(created.closedAt)
        XCTAssertEqual(try store.session(code: "Kerne7"), created)
        XCTAssertNil(try store.session(code: "kerne7"))
        XCTAssertNil(try store.session(code: "Kerne"))
    }

    func testADraftSessionHasNoOptionalFieldsAndIsNotOpened() throws {
        let store = try makeStore()
        let form = try store.saveFormVersion(formID: "f", contentHash: "h", definition: "{}")

        let draft = try store.createSession(NewSession(code: "D1", title: "Kladde", formVersionID: form.id, status: .draft))

        XCTAssertEqual(draft.status, .draft)
        XCTAssertNil(draft.place)
        XCTAssertNil(draft.startsAt)
        XCTAssertEqual(draft.tables, [])
        XCTAssertNil(draft.openedAt)
        XCTAssertNil(draft.closedAt)
    }

    func testSessionsAreListedNewestFirst() throws {
        let store = try makeStore()
        let form = try store.saveFormVersion(formID: "f", contentHash: "h", definition: "{}")
        for (code, second) in [("B", 20.0), ("A", 10.0), ("C", 30.0)] {
            _ = try store.createSession(NewSession(code: code, title: code, formVersionID: form.id, createdAt: date(second)))
        }

        XCTAssertEqual(try store.sessions().map(\.code), ["C", "B", "A"])
    }

    func testADuplicateCodeIsRefused() throws {
        let store = try makeStore()
        let existing = try makeOpenSession(in: store, code: "SAMME")

        XCTAssertThrowsError(try store.createSession(NewSession(
            code: "SAMME", title: "Another", formVersionID: existing.formVersion.id))
        ) { error in
            XCTAssertEqual(error as? StorageError, .duplicateCode("SAMME"))
        }
        XCTAssertEqual(try store.sessions().count, 1)
    }

    func testAnUnknownFormVersionIsRefused() throws {
        let store = try makeStore()

        XCTAssertThrowsError(try store.createSession(NewSession(code: "X", title: "X", formVersionID: 77))) { error in
            XCTAssertEqual(error as? StorageError, .formVersionNotFound(id: 77))
        }
    }

    func testStatusTransitionsStampTheirTimes() throws {
        let store = try makeStore()
        let form = try store.saveFormVersion(formID: "f", contentHash: "h", definition: "{}")
        _ = try store.createSession(NewSession(
            code: "M1", title: "Møde", formVersionID: form.id, status: .draft, createdAt: date(0)))

        let opened = try store.updateStatus(code: "M1", to: .open, at: date(100))
        XCTAssertEqual(opened.status, .open)
        XCTAssertEqual(opened.openedAt, date(100))
        XCTAssertNil(opened.closedAt)

        let closed = try store.updateStatus(code: "M1", to: .closed, at: date(200))
        XCTAssertEqual(closed.status, .closed)
        XCTAssertEqual(closed.openedAt, date(100))
        XCTAssertEqual(closed.closedAt, date(200))

        let closedAgain = try store.updateStatus(code: "M1", to: .closed, at: date(250))
        XCTAssertEqual(closedAgain, closed, "setting the same status again must not move the timestamps")

        let reopened = try store.updateStatus(code: "M1", to: .open, at: date(300))
        XCTAssertEqual(reopened.openedAt, date(300))
        XCTAssertNil(reopened.closedAt)

        let backToDraft = try store.updateStatus(code: "M1", to: .draft, at: date(400))
        XCTAssertEqual(backToDraft.status, .draft)
        XCTAssertEqual(backToDraft.openedAt, date(300))
        XCTAssertEqual(try store.session(code: "M1"), backToDraft)
    }

    func testUpdatingAnUnknownCodeFails() throws {
        let store = try makeStore()

        XCTAssertThrowsError(try store.updateStatus(code: "NOPE", to: .closed, at: date(0))) { error in
            XCTAssertEqual(error as? StorageError, .sessionNotFound(code: "NOPE"))
        }
    }
}
