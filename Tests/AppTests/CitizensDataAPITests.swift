import App
import Authentication
import Forms
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// Citizens' data through the router: receipts on every acknowledgement, access and erasure by
/// receipt, contact lists for facilitators and admins (never analysts), consent withdrawal by
/// e-mail or phone, and retention rules applied by a test clock. Every view and erasure audited.
final class CitizensDataAPITests: XCTestCase {
    var running: RunningApplication!
    var admin: StaffLogin!

    override func setUp() async throws {
        running = try RunningApplication()
        admin = try await running.logIn(.admin)
    }

    override func tearDown() {
        running.shutDown()
    }

    nonisolated(unsafe) private static let receiptPattern = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/

    private func assertStatus(_ answer: Response, _ expected: HTTPStatus, _ message: String = "",
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(answer.status, expected, "\(message) \(answer.text)", file: file, line: line)
    }

    /// Submits one citizen's answers (and contact details) and returns the receipt the tablet got.
    private func submit(
        _ code: String, idea: String, contact: (name: String, email: String)? = nil, id: String = UUID().uuidString,
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> String {
        var extra: [String: JSONValue] = [:]
        if let contact {
            extra["contact"] = ["name": .string(contact.name), "email": .string(contact.email), "consent": true]
        }
        let answer = await running.submit(
            RunningApplication.submission(id: id, answers: ["idea": .string(idea), "age": "30-plus", "rating": 4], extra: extra), to: code)
        XCTAssertEqual(answer.status, .created, answer.text, file: file, line: line)
        return try XCTUnwrap(try answer.decode(API.Receipt.self).receipt, "a stored answer has a receipt", file: file, line: line)
    }

    private func auditEvents() async throws -> [API.Audit.Event] {
        try await running.get("/api/staff/audit?limit=1000", as: admin).decode(API.Audit.self).events
    }

    // MARK: Receipts

    func testEveryAcknowledgementCarriesTheReceiptAndARepeatTheSameOne() async throws {
        let code = try running.openSession()
        let id = "7d1c8a52-9d7e-4a51-b1d8-3a4f0e6c2b11"
        let body = RunningApplication.submission(id: id, answers: ["idea": "Flere træer", "age": "30-plus"])
        let first = await running.submit(body, to: code)
        XCTAssertEqual(first.status, .created)
        let stored = try first.decode(API.Receipt.self)
        XCTAssertEqual(stored.status, "stored")
        let receipt = try XCTUnwrap(stored.receipt)
        XCTAssertNotNil(receipt.wholeMatch(of: Self.receiptPattern), receipt)
        XCTAssertFalse(id.uppercased().replacingOccurrences(of: "-", with: "").contains(receipt.replacingOccurrences(of: "-", with: "")))

        let repeated = await running.submit(body, to: code)
        XCTAssertEqual(repeated.status, .ok)
        XCTAssertEqual(try repeated.decode(API.Receipt.self).status, "duplicate")
        XCTAssertEqual(try repeated.decode(API.Receipt.self).receipt, receipt, "the lost acknowledgement is answered with the same receipt")
        let other = try await submit(code, idea: "Lys på stien")
        XCTAssertNotEqual(other, receipt)

        // After the close: a repeat still gets its receipt; an answer made offline before it is late, with a receipt.
        let facilitator = try await running.logIn(.facilitator)
        let madeBeforeClose = Timestamp.format(Date())
        assertStatus(await running.post("/api/staff/sessions/\(code)/close", json: [:], as: facilitator), .ok)
        let afterClose = await running.submit(body, to: code)
        XCTAssertEqual(afterClose.status, .ok)
        XCTAssertEqual(try afterClose.decode(API.Receipt.self).receipt, receipt)
        let late = await running.submit(RunningApplication.submission(
            answers: ["idea": "Skrevet offline"], extra: ["clientSubmittedAt": .string(madeBeforeClose)]), to: code)
        XCTAssertEqual(late.status, .created, late.text)
        let lateReceipt = try late.decode(API.Receipt.self)
        XCTAssertEqual(lateReceipt.late, true)
        XCTAssertNotNil(lateReceipt.receipt?.wholeMatch(of: Self.receiptPattern))
    }

    func testAReceiptShowsExactlyWhatWasStoredAndTheLookupIsAudited() async throws {
        let code = try running.openSession(title: "Møde i Sæby")
        let receipt = try await submit(code, idea: "Bænke ved åen", contact: ("Mette Hansen", "mette@example.dk"))
        let typed = receipt.lowercased().replacingOccurrences(of: "-", with: "")

        let answer = await running.get("/api/staff/receipts/\(typed)", as: admin)
        XCTAssertEqual(answer.status, .ok, answer.text)
        XCTAssertEqual(answer.headers["Cache-Control"], "no-store")
        let stored = try answer.decode(API.StoredResponse.self)
        XCTAssertEqual(stored.receipt, receipt)
        XCTAssertEqual(stored.session.code, code)
        XCTAssertEqual(stored.session.title, "Møde i Sæby")
        XCTAssertEqual(stored.answers.map(\.questionId), ["idea", "age", "rating"], "in the form's order")
        XCTAssertEqual(stored.answers.map(\.question), ["Hvad er din idé?", "Alder", "Hvor vigtigt?"])
        XCTAssertEqual(stored.answers.map(\.answer), ["Bænke ved åen", "30 eller derover", "4"])
        XCTAssertEqual(stored.answers.map(\.value), [#""Bænke ved åen""#, #""30-plus""#, "4"])
        XCTAssertEqual(stored.contact?.name, "Mette Hansen")
        XCTAssertEqual(stored.contact?.email, "mette@example.dk")
        XCTAssertEqual(stored.contact?.consentText, "Jeg giver samtykke.")
        XCTAssertFalse(stored.late)

        let looked = try await auditEvents().first { $0.action == "receipt.view" }
        XCTAssertEqual(looked?.target, receipt)
        XCTAssertEqual(looked?.actor, admin.email)
    }

    func testReceiptsAreForAdminsAndATypoIsNamed() async throws {
        let code = try running.openSession()
        let receipt = try await submit(code, idea: "Idé")
        for role in [Role.facilitator, .analyst] {
            let login = try await running.logIn(role)
            assertStatus(await running.get("/api/staff/receipts/\(receipt)", as: login), .forbidden, "\(role)")
            assertStatus(await running.handle(.delete, "/api/staff/receipts/\(receipt)", as: login), .forbidden, "\(role)")
        }
        let typo = await running.get("/api/staff/receipts/K7MX-4QP0", as: admin)
        XCTAssertEqual(typo.status, .badRequest)
        XCTAssertTrue(typo.text.contains("kvitteringskode"), typo.text)
        XCTAssertEqual(try typo.decode(ErrorBody.self).errors?.first?.field, "receipt")
        let unknown = await running.get("/api/staff/receipts/K7MX-4QPA", as: admin)
        XCTAssertEqual(unknown.status, .notFound)
        XCTAssertTrue(unknown.errorReason?.contains("K7MX-4QPA") == true, unknown.text)
    }

    // MARK: Erasure

    /// Starts an analysis of the session as the admin and returns its id once it has finished.
    private func analyse(_ code: String) async throws -> Int64 {
        let started = await running.post("/api/analyst/runs", json: ["formId": "test-dialogue", "sessions": [.string(code)]], as: admin)
        XCTAssertEqual(started.status, .accepted, started.text)
        running.application.analysis.waitUntilIdle()
        return try started.decode(API.StartedRun.self).run.id
    }

    /// The assignments of a run as stored (the machine's result before decisions): id and words.
    private func storedAssignments(ofRun id: Int64) throws -> [(id: String, terms: [String])] {
        let stored = try XCTUnwrap(try running.application.store.analysisRun(id: id)?.result)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any])
        let assignments = try XCTUnwrap((document["result"] as? [String: Any])?["assignments"] as? [[String: Any]])
        return assignments.map { ($0["id"] as? String ?? "", $0["terms"] as? [String] ?? []) }
    }

    private func result(ofRun id: Int64) async throws -> API.AnalysisResult {
        let document = try await running.get("/api/analyst/runs/\(id)", as: admin).decode(API.RunDocument.self)
        return try XCTUnwrap(document.result)
    }

    func testAnErasedResponseIsGoneFromEveryExportAndRerunAndAnOldRunSaysSo() async throws {
        let code = try running.openSession()
        let erasedText = "Grønne træer og bænke ved åen hos Kirsebær"
        let keptTexts = ["Flere træer og grønne områder i byen", "Plant flere træer langs vejene", "Grønne tage og mere natur i byen",
                         "Sikre cykelstier for børn", "Bedre cykelstier mellem byerne", "Solceller på kommunens bygninger"]
        let erasedID = "f00dbabe-0000-4000-8000-00000000e1a5"
        let receipt = try await submit(code, idea: erasedText, contact: ("Kirsten Kirsebær", "kirsten@example.dk"), id: erasedID)
        for text in keptTexts { _ = try await submit(code, idea: text) }
        let oldRun = try await analyse(code)
        let before = try await result(ofRun: oldRun)
        XCTAssertTrue(before.answers.contains { $0.text == erasedText })
        XCTAssertTrue(try storedAssignments(ofRun: oldRun).contains { $0.id.hasPrefix(erasedID) && !$0.terms.isEmpty },
                      "the run kept words of the answer, which the erasure must remove")

        let erased = await running.handle(.delete, "/api/staff/receipts/\(receipt)", as: admin)
        XCTAssertEqual(erased.status, .ok, erased.text)
        let summary = try erased.decode(API.Erased.self)
        XCTAssertEqual(summary.status, "erased")
        XCTAssertEqual(summary.responses, 1)
        XCTAssertEqual(summary.answers, 3)
        XCTAssertEqual(summary.contacts, 1)
        assertStatus(await running.get("/api/staff/receipts/\(receipt)", as: admin), .notFound)
        assertStatus(await running.handle(.delete, "/api/staff/receipts/\(receipt)", as: admin), .notFound)

        // Every export, with and without the old run's themes.
        for format in ["json", "csv", "csv-semicolon", "xlsx", "html"] {
            for run in ["", "&run=\(oldRun)"] {
                let export = await running.get("/api/analyst/export?sessions=\(code)&format=\(format)\(run)", as: admin)
                XCTAssertEqual(export.status, .ok, "\(format)\(run): \(export.text)")
                let text = format == "xlsx" ? try SpreadsheetCells.allText(export.body) : export.text
                for gone in [erasedText, erasedID, "Kirsebær", "kirsten@example.dk"] {
                    XCTAssertFalse(text.contains(gone), "\(format)\(run) still holds \(gone)")
                }
                if format != "html" {
                    XCTAssertTrue(text.contains(keptTexts[0]), "\(format)\(run) holds the other answers")
                }
            }
        }
        XCTAssertEqual(try running.exported(code).responses.count, keptTexts.count, "the command line's export too")

        // The old run says an answer has gone since, and shows it nowhere; its stored result kept no words of it.
        let old = try await result(ofRun: oldRun)
        XCTAssertEqual(old.removedSinceRun, 1)
        XCTAssertFalse(old.answers.contains { $0.answerId.hasPrefix(erasedID) })
        XCTAssertFalse(old.themes.flatMap(\.quotes).contains { $0.answerId.hasPrefix(erasedID) })
        let assignments = try storedAssignments(ofRun: oldRun)
        let erasedAssignment = try XCTUnwrap(assignments.first { $0.id.hasPrefix(erasedID) })
        XCTAssertEqual(erasedAssignment.terms, [], "no words of the erased answer stay in the run")
        XCTAssertTrue(assignments.contains { !$0.terms.isEmpty }, "the others keep theirs")

        // A re-run leaves it out and has nothing to report as removed.
        let rerun = try await result(ofRun: try await analyse(code))
        XCTAssertEqual(rerun.answerCount, keptTexts.count)
        XCTAssertEqual(rerun.removedSinceRun, 0)
        XCTAssertFalse(rerun.answers.contains { $0.text == erasedText })

        // The audit log says it happened, by whom, how much – and nothing of what was erased.
        let events = try await auditEvents()
        let erasure = try XCTUnwrap(events.first { $0.action == "response.erase" })
        XCTAssertEqual(erasure.actor, admin.email)
        XCTAssertEqual(erasure.target, receipt)
        XCTAssertEqual(erasure.details, ["session": .string(code), "responses": 1, "answers": 3, "contacts": 1, "analysisRuns": 1])
        let everything = await running.get("/api/staff/audit?limit=1000", as: admin).text
        for content in [erasedText, "Kirsebær", "kirsten@example.dk", "Bænke"] {
            XCTAssertFalse(everything.contains(content), "the audit log holds \(content)")
        }
    }

    // MARK: Contact lists

    func testContactListsAreForFacilitatorsAndAdminsAndEveryLookIsAudited() async throws {
        let code = try running.openSession(title: "Kontaktmøde")
        _ = try await submit(code, idea: "Mit svar er anonymt", contact: ("Åse Ørnbøl", "aase@example.dk"))
        _ = try await submit(code, idea: "Uden kontakt")
        _ = try await submit(code, idea: "Også anonymt", contact: ("=HYPERLINK(\"x\")", "bo@example.dk"))
        let facilitator = try await running.logIn(.facilitator)
        let analyst = try await running.logIn(.analyst)

        assertStatus(await running.get("/api/staff/sessions/\(code)/contacts", as: analyst), .forbidden)
        assertStatus(await running.get("/api/staff/sessions/\(code)/contacts?format=csv", as: analyst), .forbidden)
        assertStatus(await running.get("/api/staff/sessions/\(code)/contacts"), .unauthorized)

        for login in [facilitator, admin!] {
            let answer = await running.get("/api/staff/sessions/\(code)/contacts", as: login)
            XCTAssertEqual(answer.status, .ok, answer.text)
            let list = try answer.decode(API.ContactList.self)
            XCTAssertEqual(list.contacts.map(\.email), ["aase@example.dk", "bo@example.dk"])
            XCTAssertEqual(list.contacts.first?.name, "Åse Ørnbøl")
            XCTAssertEqual(list.contacts.first?.consentText, "Jeg giver samtykke.")
            XCTAssertFalse(answer.text.contains("anonymt"), "no answer travels with the contacts")
        }

        let csv = await running.get("/api/staff/sessions/\(code)/contacts?format=csv-semicolon", as: facilitator)
        XCTAssertEqual(csv.status, .ok)
        XCTAssertEqual(csv.headers["Content-Type"], "text/csv; charset=utf-8")
        let disposition = try XCTUnwrap(csv.headers["Content-Disposition"])
        XCTAssertNotNil(disposition.wholeMatch(of: /attachment; filename="borgerdialog-[A-Z0-9]+-\d{4}-\d{2}-\d{2}-kontakter-semikolon\.csv"/), disposition)
        let lines = csv.text.dropFirst().split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.first, "Navn;E-mail;Samtykke;Givet;Møde")
        XCTAssertTrue(lines[1].hasPrefix("Åse Ørnbøl;aase@example.dk;Jeg giver samtykke.;"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix(#""'=HYPERLINK(""x"")";bo@example.dk;"#), "a formula is neutralised: \(lines[2])")
        XCTAssertFalse(csv.text.contains("anonymt"))

        let xlsx = await running.get("/api/staff/sessions/\(code)/contacts?format=xlsx", as: admin)
        XCTAssertEqual(xlsx.status, .ok)
        let sheets = try SpreadsheetCells.read(xlsx.body)
        XCTAssertEqual(Array(sheets.keys), ["Kontakter"])
        let rows = try XCTUnwrap(sheets["Kontakter"])
        XCTAssertEqual(rows.first, ["Navn", "E-mail", "Samtykke", "Givet", "Møde"])
        XCTAssertEqual(rows.dropFirst().map { $0[1] }, ["aase@example.dk", "bo@example.dk"])
        XCTAssertEqual(rows[1][4], code)
        XCTAssertFalse(try SpreadsheetCells.allText(xlsx.body).contains("anonymt"))

        let wrong = await running.get("/api/staff/sessions/\(code)/contacts?format=html", as: admin)
        XCTAssertEqual(wrong.status, .unprocessableContent)
        XCTAssertEqual(try wrong.decode(ErrorBody.self).errors?.first?.field, "format")

        let events = try await auditEvents().filter { $0.target == code && $0.action.hasPrefix("contacts.") }
        XCTAssertEqual(events.map(\.action), ["contacts.export", "contacts.export", "contacts.view", "contacts.view"])
        XCTAssertEqual(Set(events.map(\.actor)), [facilitator.email, admin.email])
        XCTAssertEqual(events.first?.details, ["count": 2, "format": "xlsx"])
        let log = await running.get("/api/staff/audit?limit=1000", as: admin).text
        XCTAssertFalse(log.contains("aase@example.dk"), "the audit log names no contact")
    }

    func testConsentIsWithdrawnByEmailOrPhoneWithOrWithoutTheAnswers() async throws {
        let first = try running.openSession(title: "Første møde")
        let second = try running.openSession(title: "Andet møde")
        _ = try await submit(first, idea: "Svar et", contact: ("Mette Hansen", "Mette@Example.dk"))
        _ = try await submit(second, idea: "Svar to", contact: ("Mette Hansen", "mette@example.dk"))
        _ = try await submit(second, idea: "Svar tre", contact: ("Jens, tlf. +45 20 30 40 50", "jens@example.dk"))

        let facilitator = try await running.logIn(.facilitator)
        assertStatus(await running.get("/api/staff/contacts?email=mette@example.dk", as: facilitator), .forbidden)

        let byEmail = try await running.get("/api/staff/contacts?email=%20METTE@example.dk", as: admin).decode(API.FoundContacts.self)
        XCTAssertEqual(byEmail.contacts.map { $0.session?.code }, [first, second])
        let byPhone = try await running.get("/api/staff/contacts?phone=20304050", as: admin).decode(API.FoundContacts.self)
        XCTAssertEqual(byPhone.contacts.map(\.email), ["jens@example.dk"])
        let tooShort = await running.get("/api/staff/contacts?phone=2030", as: admin)
        XCTAssertEqual(tooShort.status, .unprocessableContent)
        XCTAssertEqual(try tooShort.decode(ErrorBody.self).errors?.first?.field, "phone")

        // Consent withdrawn: the contact goes, the anonymous answer stays.
        let onlyContact = await running.handle(.delete, "/api/staff/contacts/\(byEmail.contacts[0].id)", as: admin)
        XCTAssertEqual(onlyContact.status, .ok, onlyContact.text)
        XCTAssertEqual(try onlyContact.decode(API.Erased.self).responses, 0)
        XCTAssertEqual(try running.storedResponseCount(first), 1)
        // Erased with the answer.
        let withAnswer = await running.handle(.delete, "/api/staff/contacts/\(byEmail.contacts[1].id)?answers=true", as: admin)
        XCTAssertEqual(try withAnswer.decode(API.Erased.self).responses, 1)
        XCTAssertEqual(try running.exported(second).responses.count, 1)
        let none = try await running.get("/api/staff/contacts?email=mette@example.dk", as: admin).decode(API.FoundContacts.self)
        XCTAssertEqual(none.contacts.count, 0)
        assertStatus(await running.handle(.delete, "/api/staff/contacts/\(byEmail.contacts[1].id)", as: admin), .notFound)

        let actions = try await auditEvents().map(\.action)
        XCTAssertTrue(actions.contains("contact.erase") && actions.contains("response.erase") && actions.contains("contacts.search"), "\(actions)")
        let log = await running.get("/api/staff/audit?limit=1000", as: admin).text
        XCTAssertFalse(log.lowercased().contains("mette"), "searches and erasures are logged without the person")
    }

    // MARK: Retention rules

    func testRetentionRulesPurgeOnTimeByTheClock() async throws {
        let code = try running.openSession()
        let other = try running.openSession(title: "Uden regel")
        _ = try await submit(code, idea: "Et", contact: ("Anna", "anna@example.dk"))
        _ = try await submit(code, idea: "To")
        _ = try await submit(other, idea: "Tre", contact: ("Bo", "bo@example.dk"))
        let ownRule = await running.handle(.put, "/api/staff/retention/rules",
                                           json: ["session": .string(code), "target": "answers", "amount": 1, "unit": "months"], as: admin)
        XCTAssertEqual(ownRule.status, .ok, ownRule.text)
        let formRule = await running.handle(.put, "/api/staff/retention/rules",
                                            json: ["formId": "test-dialogue", "target": "contacts", "amount": 7, "unit": "days"], as: admin)
        XCTAssertEqual(formRule.status, .ok, formRule.text)
        let facilitator = try await running.logIn(.facilitator)
        assertStatus(await running.handle(.put, "/api/staff/retention/rules",
                                          json: ["formId": "test-dialogue", "target": "contacts", "amount": 7, "unit": "days"], as: facilitator),
                     .forbidden)

        // Open: the rules hold, but no date yet.
        let open = try await running.get("/api/staff/sessions/\(code)/retention", as: admin).decode(API.RetentionSchedule.self)
        XCTAssertEqual(open.rules.map(\.rule.target), ["answers", "contacts"])
        XCTAssertEqual(open.rules.map(\.dueAt), [nil, nil])
        XCTAssertEqual(open.rules.map(\.stored), [2, 1])
        XCTAssertTrue(try running.application.applyRetentionRules(at: Date().addingTimeInterval(400 * 86400)).isEmpty,
                      "an open meeting is never purged")

        assertStatus(await running.post("/api/staff/sessions/\(code)/close", json: [:], as: admin), .ok)
        let schedule = try await running.get("/api/staff/sessions/\(code)/retention", as: admin).decode(API.RetentionSchedule.self)
        let closedAt = try XCTUnwrap(schedule.closedAt.flatMap(Timestamp.parse))
        let contactsDue = try XCTUnwrap(schedule.rules.last?.dueAt.flatMap(Timestamp.parse))
        let answersDue = try XCTUnwrap(schedule.rules.first?.dueAt.flatMap(Timestamp.parse))
        var danish = Calendar(identifier: .gregorian)
        danish.timeZone = TimeZone(identifier: "Europe/Copenhagen")!
        XCTAssertEqual(contactsDue, danish.date(byAdding: .day, value: 7, to: closedAt))
        XCTAssertEqual(answersDue, danish.date(byAdding: .month, value: 1, to: closedAt))

        // Times travel as ISO 8601 with milliseconds: the clock is set a millisecond past the due time.
        XCTAssertTrue(try running.application.applyRetentionRules(at: contactsDue.addingTimeInterval(-1)).isEmpty, "not before its time")
        let contactPurge = try running.application.applyRetentionRules(at: contactsDue.addingTimeInterval(0.001))
        XCTAssertEqual(contactPurge.map(\.contactsDeleted), [1])
        XCTAssertEqual(contactPurge.map(\.responsesDeleted), [0])
        let remaining = try await running.get("/api/staff/sessions/\(code)/contacts", as: admin).decode(API.ContactList.self)
        XCTAssertEqual(remaining.contacts.count, 0)
        XCTAssertEqual(try running.storedResponseCount(code), 2)
        XCTAssertTrue(try running.application.applyRetentionRules(at: contactsDue.addingTimeInterval(3600)).isEmpty,
                      "nothing left to delete: nothing more recorded")
        let untouched = try await running.get("/api/staff/sessions/\(other)/contacts", as: admin).decode(API.ContactList.self)
        XCTAssertEqual(untouched.contacts.count, 1, "the open meeting keeps its contacts")

        XCTAssertTrue(try running.application.applyRetentionRules(at: answersDue.addingTimeInterval(-1)).isEmpty)
        let answerPurge = try running.application.applyRetentionRules(at: answersDue.addingTimeInterval(0.001))
        XCTAssertEqual(answerPurge.map(\.responsesDeleted), [2])
        XCTAssertEqual(try running.storedResponseCount(code), 0)
        XCTAssertEqual(try running.storedResponseCount(other), 1)

        let after = try await running.get("/api/staff/sessions/\(code)/retention", as: admin).decode(API.RetentionSchedule.self)
        XCTAssertEqual(after.purges.map(\.target), ["answers", "contacts"])
        XCTAssertEqual(after.purges.last?.rule, "form test-dialogue: contacts 7 days after the close")
        let purges = try await auditEvents().filter { $0.action == "retention.purge" }
        XCTAssertEqual(purges.map(\.actor), ["retention", "retention"])
        XCTAssertEqual(purges.map(\.target), [code, code])
    }

    func testAStartingServerAppliesTheRulesThatFellDueWhileItWasDown() async throws {
        let code = try running.openSession()
        _ = try await submit(code, idea: "Et svar", contact: ("Anna", "anna@example.dk"))
        assertStatus(await running.handle(.put, "/api/staff/retention/rules",
                                          json: ["session": .string(code), "target": "contacts", "amount": 0, "unit": "days"], as: admin), .ok)
        assertStatus(await running.post("/api/staff/sessions/\(code)/close", json: [:], as: admin), .ok)
        XCTAssertEqual(try running.application.store.contactCount(sessionID: try running.application.sessions.session(code: code).id), 1)
        running.application.stop()

        // The next start, on the same data folder: the scheduler's first check runs on its own queue.
        let directory = running.dataDirectory.path
        let restarted = try RunningApplication(listening: true) { $0.dataDirectory = directory }
        defer { restarted.shutDown() }
        let sessionID = try restarted.application.sessions.session(code: code).id
        let purged = await Poll.until { (try? restarted.application.store.contactCount(sessionID: sessionID)) == 0 }
        XCTAssertTrue(purged, "the rule that fell due is applied at start")
        XCTAssertEqual(try restarted.application.store.responseCount(sessionID: sessionID), 1, "only the contact details were due")
        XCTAssertEqual(try restarted.application.store.retentionEvents(sessionID: sessionID).map(\.contactsDeleted), [1])
    }

    func testARuleThatDoesNotFitIsRefusedFieldByField() async throws {
        let answer = await running.handle(.put, "/api/staff/retention/rules",
                                          json: ["formId": "no-such-form", "target": "everything", "amount": -1, "unit": "weeks"], as: admin)
        XCTAssertEqual(answer.status, .unprocessableContent)
        XCTAssertEqual(Set(try answer.decode(ErrorBody.self).errors?.compactMap(\.field) ?? []), ["formId", "target", "amount", "unit"])
        let neither = await running.handle(.put, "/api/staff/retention/rules", json: ["target": "contacts", "amount": 3, "unit": "days"], as: admin)
        XCTAssertEqual(try neither.decode(ErrorBody.self).errors?.compactMap(\.field), ["formId"])
        assertStatus(await running.handle(.delete, "/api/staff/retention/rules/999", as: admin), .notFound)
    }
}
