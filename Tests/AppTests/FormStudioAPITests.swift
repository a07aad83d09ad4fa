import App
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// Forms built in the browser: drafts with problems, publication as versions that sessions use at
/// once, library forms that stay read-only, export and import of the file format.
final class FormStudioAPITests: XCTestCase {
    var running: RunningApplication!
    var login: StaffLogin!

    override func setUp() async throws {
        running = try RunningApplication()
        login = try await running.logIn(.facilitator)
    }

    override func tearDown() {
        running.shutDown()
    }

    struct FormList: Decodable {
        let forms: [Summary]
        let libraryProblems: [Problem]
    }

    struct Summary: Decodable {
        struct Version: Decodable {
            struct Use: Decodable { let code: String }
            let number: Int
            let sessions: [Use]
        }
        let id: String
        let title: String
        let origin: String
        let status: String
        let hasDraft: Bool
        let versions: [Version]
    }

    struct Problem: Decodable {
        let path: String?
        let reason: String
    }

    struct Detail: Decodable {
        let id: String
        let status: String
        let hasDraft: Bool
        let problems: [Problem]
        let publishable: Bool
        let versions: [Summary.Version]
    }

    struct DetailDocument: Decodable { let form: Detail }
    struct ProblemsDocument: Decodable { let error: String; let errors: [Problem] }
    struct ErrorDocument: Decodable { let error: String }
    struct PublishDocument: Decodable { let version: Int; let form: Detail }

    /// A small form in the file format; `english` false leaves every English text empty.
    static func definition(id: String = "aeldre-moede", title: String = "Ældremøde", english: Bool = true, extraQuestion: String = "") -> Data {
        let en = { (text: String) in english ? text : "" }
        return Data("""
            {"formatVersion": 1, "id": "\(id)",
             "title": {"da": "\(title)", "en": "\(en("Meeting on the elderly"))"},
             "themes": [{"key": "hverdag", "name": {"da": "Hverdag", "en": "\(en("Daily life"))"},
                         "description": {"da": "Livet som ældre", "en": "\(en("Life when old"))"}}],
             "questions": [
               {"id": "bor", "type": "single_choice", "background": true, "label": {"da": "Hvor bor du?", "en": "\(en("Where do you live?"))"},
                "options": [{"value": "by", "label": {"da": "I byen", "en": "\(en("In town"))"}},
                            {"value": "land", "label": {"da": "På landet", "en": "\(en("In the country"))"}}]},
               {"id": "ide", "type": "text", "themes": ["hverdag"], "label": {"da": "Hvad er din idé?", "en": "\(en("Your idea?"))"}}
               \(extraQuestion)
             ]}
            """.utf8)
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ answer: Response) throws -> Value {
        try answer.decode(type)
    }

    func testLibraryFormsAreListedAsPublishedAndCannotBeEdited() async throws {
        let list = try decode(FormList.self, await running.handle(.get, "/api/staff/forms", as: login))
        let library = try XCTUnwrap(list.forms.first { $0.id == "test-dialogue" })
        XCTAssertEqual(library.origin, "library")
        XCTAssertEqual(library.status, "published")
        XCTAssertEqual(library.versions.map(\.number), [1])
        XCTAssertEqual(list.libraryProblems.count, 0)

        let edit = await running.handle(.put, "/api/staff/forms/test-dialogue", body: Array(Self.definition(id: "test-dialogue")), as: login)
        XCTAssertEqual(edit.statusCode, 409)
        XCTAssertTrue(try decode(ErrorDocument.self, edit).error.contains("Lav en kopi"), "tells what to do instead, in Danish")
    }

    func testADraftMayLackTranslationsButNotBePublishedUntilItHasThem() async throws {
        let created = await running.handle(.post, "/api/staff/forms", body: Array(Self.definition(english: false)), as: login)
        XCTAssertEqual(created.statusCode, 201)
        let draft = try decode(DetailDocument.self, created).form
        XCTAssertEqual(draft.status, "draft")
        XCTAssertFalse(draft.publishable)
        XCTAssertTrue(draft.problems.contains { $0.path == "$.questions[1].label.en" }, "\(draft.problems)")

        let refused = await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login)
        XCTAssertEqual(refused.statusCode, 422)
        XCTAssertTrue(try decode(ProblemsDocument.self, refused).errors.contains { $0.path == "$.title.en" })

        let fixed = await running.handle(.put, "/api/staff/forms/aeldre-moede", body: Array(Self.definition()), as: login)
        XCTAssertEqual(fixed.statusCode, 200)
        XCTAssertTrue(try decode(DetailDocument.self, fixed).form.publishable)
        let published = await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login)
        XCTAssertEqual(published.statusCode, 200)
        let document = try decode(PublishDocument.self, published)
        XCTAssertEqual(document.version, 1)
        XCTAssertEqual(document.form.status, "published")
        XCTAssertFalse(document.form.hasDraft)

        let again = await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login)
        XCTAssertEqual(again.statusCode, 409, "nothing left to publish")
    }

    func testProblemsOtherThanTranslationsRefuseTheNewFormWithEveryPath() async throws {
        let broken = Self.definition(extraQuestion: #", {"id": "skala", "type": "slider", "label": {"da": "Hvor meget?", "en": "How much?"}}, {"id": "ide", "type": "text", "label": {"da": "Igen", "en": "Again"}}"#)
        let refused = await running.handle(.post, "/api/staff/forms", body: Array(broken), as: login)
        XCTAssertEqual(refused.statusCode, 422)
        let paths = try decode(ProblemsDocument.self, refused).errors.compactMap(\.path)
        XCTAssertTrue(paths.contains("$.questions[2].type"), "\(paths)")
        XCTAssertTrue(paths.contains { $0.hasPrefix("$.questions[3]") }, "the repeated id is named too: \(paths)")

        let list = try decode(FormList.self, await running.handle(.get, "/api/staff/forms", as: login))
        XCTAssertFalse(list.forms.contains { $0.id == "aeldre-moede" }, "nothing was stored")

        let malformed = await running.handle(.post, "/api/staff/forms", body: Array(Data(#"{"id": "x",, }"#.utf8)), as: login)
        XCTAssertEqual(malformed.statusCode, 422)
        let problem = try decode(ProblemsDocument.self, malformed).errors.first
        XCTAssertEqual(problem?.path, "$")
        XCTAssertTrue(problem?.reason.contains("linje 1, kolonne 12") ?? false, "Danish by default: \(String(describing: problem))")

        _ = await running.handle(.post, "/api/staff/forms", body: Array(Self.definition()), as: login)
        let duplicate = await running.handle(.post, "/api/staff/forms", body: Array(Self.definition()), as: login)
        XCTAssertEqual(duplicate.statusCode, 422)
        XCTAssertEqual(try decode(ProblemsDocument.self, duplicate).errors.map(\.path), ["$.id"])
    }

    func testAPublishedFormIsUsableAtOnceAndAChangeNeverAltersItsSessions() async throws {
        _ = await running.handle(.post, "/api/staff/forms", body: Array(Self.definition()), as: login)
        _ = await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login)
        let meeting = await running.post("/api/staff/sessions", json: ["formId": "aeldre-moede", "title": "Ældremøde i Sæby"], as: login)
        XCTAssertEqual(meeting.statusCode, 201, meeting.text)
        struct Created: Decodable { struct Session: Decodable { let code: String }; let session: Session }
        let code = try decode(Created.self, meeting).session.code

        let changed = await running.handle(.put, "/api/staff/forms/aeldre-moede", body: Array(Self.definition(title: "Ældremøde, anden udgave")), as: login)
        XCTAssertEqual(changed.statusCode, 200)
        XCTAssertTrue(try decode(DetailDocument.self, changed).form.hasDraft)
        let republished = try decode(PublishDocument.self, await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login))
        XCTAssertEqual(republished.version, 2)
        XCTAssertEqual(republished.form.versions.map(\.number), [1, 2])
        XCTAssertEqual(republished.form.versions.first?.sessions.map(\.code), [code], "version 1 names the session that uses it")

        struct TabletDocument: Decodable { struct Form: Decodable { let title: String }; let form: Form }
        let tablet = try decode(TabletDocument.self, await running.get("/api/sessions/\(code)/form?lang=da"))
        XCTAssertEqual(tablet.form.title, "Ældremøde", "the session keeps the version it was opened with")
    }

    func testExportAndImportOfTheFileFormat() async throws {
        let export = await running.handle(.get, "/api/staff/forms/test-dialogue/export?format=json", as: login)
        XCTAssertEqual(export.statusCode, 200)
        XCTAssertEqual(export.headers["Content-Disposition"], #"attachment; filename="test-dialogue.json""#)
        var copy = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(export.body)) as? [String: Any])
        XCTAssertEqual(copy["id"] as? String, "test-dialogue")

        let library = await running.handle(.post, "/api/staff/forms/import", body: Array(export.body), as: login)
        XCTAssertEqual(library.statusCode, 409, "an import never changes a library form")

        copy["id"] = "test-dialogue-kopi"
        let imported = await running.handle(.post, "/api/staff/forms/import", body: Array(try JSONSerialization.data(withJSONObject: copy)), as: login)
        XCTAssertEqual(imported.statusCode, 201)
        XCTAssertTrue(try decode(DetailDocument.self, imported).form.publishable)
        copy["title"] = ["da": "Kopi", "en": "Copy"]
        let again = await running.handle(.post, "/api/staff/forms/import", body: Array(try JSONSerialization.data(withJSONObject: copy)), as: login)
        XCTAssertEqual(again.statusCode, 201, "importing an own form's id again updates its draft")
        let list = try decode(FormList.self, await running.handle(.get, "/api/staff/forms", as: login))
        XCTAssertEqual(list.forms.first { $0.id == "test-dialogue-kopi" }?.title, "Kopi")
    }

    func testThePreviewIsWhatATabletGetsWithMissingTranslationsFilledIn() async throws {
        _ = await running.handle(.post, "/api/staff/forms", body: Array(Self.definition(english: false)), as: login)
        struct Preview: Decodable {
            struct Form: Decodable { struct Question: Decodable { let id: String; let label: String }; let title: String; let questions: [Question] }
            struct Session: Decodable { let preview: Bool }
            let form: Form
            let session: Session
        }
        let english = try decode(Preview.self, await running.handle(.get, "/api/staff/forms/aeldre-moede/preview?lang=en", as: login))
        XCTAssertTrue(english.session.preview)
        XCTAssertEqual(english.form.questions.map(\.label), ["Hvor bor du?", "Hvad er din idé?"], "Danish stands in for the missing English")
    }

    func testEveryChangeIsInTheAuditLog() async throws {
        _ = await running.handle(.post, "/api/staff/forms", body: Array(Self.definition()), as: login)
        _ = await running.handle(.put, "/api/staff/forms/aeldre-moede", body: Array(Self.definition(title: "Nyt navn")), as: login)
        _ = await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login)
        let admin = try await running.logIn(.admin)
        struct Audit: Decodable { struct Event: Decodable { let action: String; let target: String? }; let events: [Event] }
        let audit = try decode(Audit.self, await running.get("/api/staff/audit", as: admin))
        let forForm = audit.events.filter { $0.target == "aeldre-moede" }.map(\.action)
        XCTAssertEqual(forForm, ["form.publish", "form.save", "form.create"])
    }

    struct Difference: Decodable {
        struct Change: Decodable { let kind: String; let question: String?; let text: String }
        let changes: [Change]
    }

    static let spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    func testAFormRoundTripsThroughExcelAndVersionsCanBeCompared() async throws {
        _ = await running.handle(.post, "/api/staff/forms", body: Array(Self.definition()), as: login)
        _ = await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login)
        let workbook = await running.get("/api/staff/forms/aeldre-moede/export?format=xlsx", as: login)
        XCTAssertEqual(workbook.statusCode, 200)
        XCTAssertEqual(workbook.headers["Content-Disposition"], #"attachment; filename="aeldre-moede.xlsx""#)
        XCTAssertEqual(Array(workbook.body.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip container")

        let imported = await running.handle(.post, "/api/staff/forms/import", body: workbook.body, contentType: Self.spreadsheet, as: login)
        XCTAssertEqual(imported.statusCode, 201, imported.text)
        let draft = try decode(DetailDocument.self, imported).form
        XCTAssertTrue(draft.publishable)
        let same = try decode(PublishDocument.self, await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login))
        XCTAssertEqual(same.version, 1, "the workbook gave back the very same form, so nothing new was published")

        _ = await running.handle(.put, "/api/staff/forms/aeldre-moede", body: Array(Self.definition(title: "Ældremøde 2")), as: login)
        let pending = try decode(Difference.self, await running.get("/api/staff/forms/aeldre-moede/diff", as: login))
        XCTAssertEqual(pending.changes.map(\.kind), ["changed"])
        XCTAssertTrue(pending.changes.first?.text.contains("»Ældremøde 2«") ?? false, "\(pending.changes)")
        _ = await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login)
        let question = #", {"id": "hvornaar", "type": "yes_no", "label": {"da": "Om aftenen?", "en": "In the evening?"}}"#
        _ = await running.handle(.put, "/api/staff/forms/aeldre-moede", body: Array(Self.definition(title: "Ældremøde 2", extraQuestion: question)), as: login)
        _ = await running.handle(.post, "/api/staff/forms/aeldre-moede/publish", as: login)
        let added = try decode(Difference.self, await running.get("/api/staff/forms/aeldre-moede/diff?from=2&to=3", as: login))
        XCTAssertEqual(added.changes.map(\.kind), ["added"])
        XCTAssertEqual(added.changes.first?.question, "hvornaar")
    }

    func testBrokenSpreadsheetsAreRefusedWithEachProblemAtItsPlace() async throws {
        let notAWorkbook = await running.handle(.post, "/api/staff/forms/import", body: Array("hello".utf8), contentType: Self.spreadsheet, as: login)
        XCTAssertEqual(notAWorkbook.statusCode, 422)
        XCTAssertFalse(try decode(ProblemsDocument.self, notAWorkbook).errors.isEmpty)

        // Real XLSForms made for KoboToolbox/ODK: what fits is taken over, the rest is listed at its place.
        struct Imported: Decodable {
            struct Warning: Decodable { let sheet: String?; let row: Int?; let column: String?; let reason: String }
            let form: Detail
            let warnings: [Warning]
        }
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("XLSFormTests/Fixtures")
        let group = await running.handle(
            .post, "/api/staff/forms/import?name=group.xlsx", body: Array(try Data(contentsOf: fixtures.appendingPathComponent("group.xlsx"))),
            contentType: Self.spreadsheet, as: login)
        XCTAssertEqual(group.statusCode, 201, group.text)
        let groupImport = try group.decode(Imported.self)
        XCTAssertEqual(groupImport.form.id, "group", "named after the file, as XLSForm does without a form_id")
        XCTAssertTrue(groupImport.warnings.contains { $0.sheet == "survey" && $0.row == 4 && $0.column == "type" && $0.reason.contains("phone number") },
                      "the unsupported row is listed, not dropped silently: \(groupImport.warnings)")
        XCTAssertFalse(groupImport.form.publishable, "the missing Danish texts are left for the builder")
        XCTAssertTrue(groupImport.form.problems.contains { $0.path == "$.questions[0].label.da" })

        let colours = await running.handle(
            .post, "/api/staff/forms/import?name=or_other.xlsx", body: Array(try Data(contentsOf: fixtures.appendingPathComponent("or_other.xlsx"))),
            contentType: Self.spreadsheet, as: login)
        XCTAssertEqual(colours.statusCode, 201, colours.text)
        let columns = Set(try colours.decode(Imported.self).warnings.compactMap(\.column))
        XCTAssertTrue(columns.isSuperset(of: ["choice_filter", "pastel"]), "\(columns)")
    }
}
