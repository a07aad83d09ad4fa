import App
import Forms
import Foundation
import HTTPServer
import Storage
import TestSupport
import XCTest

/// The citizen API through the application's router, storing in a real SQLite file.
final class CitizenAPITests: XCTestCase {
    var running: RunningApplication!

    override func setUpWithError() throws {
        running = try RunningApplication()
    }

    override func tearDown() {
        running.shutDown()
    }

    func testHealthzAnswersOK() async throws {
        let answer = await running.get("/healthz")
        XCTAssertEqual(answer.status, .ok)
        XCTAssertEqual(try answer.decode(API.Status.self).status, "ok")
    }

    func testFormEndpointGivesSessionAndFormInTheAgreedShape() async throws {
        let code = try running.openSession(title: "Møde i Sæby")
        let answer = await running.get("/api/sessions/\(code)/form")
        XCTAssertEqual(answer.status, .ok)
        let document = try answer.decode(API.TabletForm.self)
        XCTAssertEqual(document.session.code, code)
        XCTAssertEqual(document.session.title, "Møde i Sæby")
        XCTAssertEqual(document.session.status, "open")
        XCTAssertEqual(document.session.formVersion, document.form.version)
        XCTAssertEqual(document.form.id, "test-dialogue")
        XCTAssertEqual(document.form.language, "da")
        XCTAssertEqual(document.form.title, "Testdialog")
        let questions = document.form.questions
        XCTAssertEqual(questions.map(\.id), ["idea", "age", "rating", "why-young"])
        XCTAssertEqual(questions[0].type, "text")
        XCTAssertEqual(questions[0].required, true)
        XCTAssertEqual(questions[0].label, "Hvad er din idé?")
        let options = try XCTUnwrap(questions[1].options)
        XCTAssertEqual(options.map(\.value), ["under-30", "30-plus"])
        XCTAssertEqual(options.map(\.label), ["Under 30", "30 eller derover"])
    }

    func testFormEndpointSpeaksEnglishWhenAskedAndTakesCodesInAnyCase() async throws {
        let code = try running.openSession()
        let answer = await running.get("/api/sessions/\(code.lowercased())/form?lang=en")
        XCTAssertEqual(answer.status, .ok, "codes are case-insensitive")
        let form = try answer.decode(API.TabletForm.self).form
        XCTAssertEqual(form.language, "en")
        XCTAssertEqual(form.title, "Test dialogue")
        XCTAssertEqual(form.questions[1].options?.map(\.label), ["Under 30", "30 or over"])
    }

    func testUnknownCodeIs404WithAReason() async throws {
        let form = await running.get("/api/sessions/NOSUCH/form")
        let submission = await running.submit(RunningApplication.submission(answers: ["idea": "x"]), to: "NOSUCH")
        for (name, answer) in [("form", form), ("submission", submission)] {
            XCTAssertEqual(answer.status, .notFound, name)
            XCTAssertFalse(try answer.decode(ErrorBody.self).error.isEmpty, name)
        }
    }

    func testFirstSubmissionIsStoredAndARepeatIsADuplicate() async throws {
        let code = try running.openSession()
        let id = "5f0c8a52-9d7e-4a51-b1d8-3a4f0e6c2b11"
        let body = RunningApplication.submission(id: id, answers: ["idea": "Flere træer", "rating": 4])
        let first = await running.submit(body, to: code)
        XCTAssertEqual(first.status, .created)
        let receipt = try first.decode(API.Receipt.self)
        XCTAssertEqual(receipt.status, "stored")
        XCTAssertNil(receipt.late, "an answer made while the session is open is not late")
        let repeated = await running.submit(body, to: code)
        XCTAssertEqual(repeated.status, .ok)
        XCTAssertEqual(try repeated.decode(API.Receipt.self).status, "duplicate")

        let responses = try running.exported(code).responses
        XCTAssertEqual(responses.map(\.submissionId), [id], "stored once")
        XCTAssertEqual(responses[0].answers, ["idea": "Flere træer", "rating": 4])
    }

    func testAnswersThatDoNotFitTheFormGive422NamingEachQuestion() async throws {
        let code = try running.openSession()
        let body = RunningApplication.submission(answers: [
            "idea": .string(String(repeating: "x", count: 51)), "age": "teenager", "rating": 9, "colour": "blue",
        ])
        let answer = await running.submit(body, to: code)
        XCTAssertEqual(answer.status, .unprocessableContent)
        let errors = try XCTUnwrap(try answer.decode(ErrorBody.self).errors)
        XCTAssertEqual(Set(errors.compactMap(\.question)), ["idea", "age", "rating", "colour"])
        XCTAssertEqual(errors.count, 4, "one problem per question: \(errors.map(\.reason))")
        XCTAssertTrue(errors.allSatisfy { !$0.reason.isEmpty })
        XCTAssertEqual(try running.storedResponseCount(code), 0, "nothing is stored from a rejected submission")
    }

    func testAConditionalQuestionIsRequiredOnlyWhenShownAndHiddenAnswersAreDropped() async throws {
        let code = try running.openSession()
        let missing = await running.submit(RunningApplication.submission(answers: ["idea": "Cykelstier", "age": "under-30"]), to: code)
        XCTAssertEqual(missing.status, .unprocessableContent)
        XCTAssertEqual(try missing.decode(ErrorBody.self).errors?.compactMap(\.question), ["why-young"])

        let hidden = RunningApplication.submission(answers: ["idea": "Cykelstier", "age": "30-plus", "why-young": "ignored"])
        let stored = await running.submit(hidden, to: code)
        XCTAssertEqual(stored.status, .created)
        let responses = try running.exported(code).responses
        XCTAssertEqual(responses.count, 1)
        XCTAssertEqual(responses[0].answers, ["idea": "Cykelstier", "age": "30-plus"], "an answer to a hidden question is not stored")
    }

    func testMalformedRequestsGive400And415WithReasons() async throws {
        let code = try running.openSession()
        let path = "/api/sessions/\(code)/responses"
        let cases: [(body: [UInt8], contentType: String, status: HTTPStatus)] = [
            (Array("{\"submissionId\": ".utf8), "application/json", .badRequest),
            (Array("[1,2]".utf8), "application/json", .badRequest),
            (Array("{\"answers\": {}}".utf8), "application/json", .badRequest),
            (Array("{\"submissionId\": \"abc def ghi\", \"answers\": {}}".utf8), "application/json", .badRequest),
            (Array("{\"submissionId\": \"0123456789\", \"answers\": 5}".utf8), "application/json", .badRequest),
            (Array((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8), "application/json", .badRequest),
            ([0x7B, 0xFF, 0xFE, 0x7D], "application/json", .badRequest),
            (RunningApplication.submission(answers: ["idea": "x"]).bytes, "text/plain", .unsupportedMediaType),
        ]
        for (body, contentType, expected) in cases {
            let name = String(decoding: body.prefix(40), as: UTF8.self)
            let answer = await running.handle(.post, path, body: body, contentType: contentType)
            XCTAssertEqual(answer.status, expected, name)
            XCTAssertFalse(try answer.decode(ErrorBody.self).error.isEmpty, "\(name): every error carries a reason")
        }
        XCTAssertEqual(try running.storedResponseCount(code), 0)
    }

    func testClosedSessionRefusesNewAnswersButTakesLateOnesAndRepeats() async throws {
        let code = try running.openSession()
        let before = RunningApplication.submission(answers: ["idea": "Før lukning"])
        let stored = await running.submit(before, to: code)
        XCTAssertEqual(stored.status, .created)
        let madeWhileOpen = Timestamp.format(Date())
        _ = try running.application.store.updateStatus(code: code, to: .closed, at: Date().addingTimeInterval(1))

        let new = await running.submit(RunningApplication.submission(answers: ["idea": "Efter"]), to: code)
        XCTAssertEqual(new.status, .conflict)
        XCTAssertFalse(try new.decode(ErrorBody.self).error.isEmpty)

        let repeated = await running.submit(before, to: code)
        XCTAssertEqual(repeated.status, .ok, "a repeat of a stored answer is a duplicate, even after close")
        XCTAssertEqual(try repeated.decode(API.Receipt.self).status, "duplicate")

        let late = RunningApplication.submission(answers: ["idea": "Lavet offline"], extra: ["clientSubmittedAt": .string(madeWhileOpen)])
        let lateAnswer = await running.submit(late, to: code)
        XCTAssertEqual(lateAnswer.status, .created)
        XCTAssertEqual(try lateAnswer.decode(API.Receipt.self).late, true)

        let madeAfter = Timestamp.format(Date().addingTimeInterval(3600))
        let afterClose = await running.submit(
            RunningApplication.submission(answers: ["idea": "Fremtid"], extra: ["clientSubmittedAt": .string(madeAfter)]), to: code)
        XCTAssertEqual(afterClose.status, .conflict, "an answer made after the close is refused")
        XCTAssertEqual(try running.exported(code).responses.map(\.late), [false, true])
    }

    func testDraftSessionRefusesAnswers() async throws {
        let code = try running.openSession()
        _ = try running.application.store.updateStatus(code: code, to: .draft, at: Date())
        let answer = await running.submit(RunningApplication.submission(answers: ["idea": "x"]), to: code)
        XCTAssertEqual(answer.status, .conflict)
        XCTAssertEqual(try running.storedResponseCount(code), 0)
    }

    func testContactDetailsAreStoredApartAndNeverExported() async throws {
        let code = try running.openSession()
        let id = "c0ffee00-1111-4222-8333-444455556666"
        let body = RunningApplication.submission(id: id, answers: ["idea": "Bænke"], extra: [
            "contact": ["name": "Karen Jensen", "email": "karen@example.dk", "consent": true],
        ])
        let answer = await running.submit(body, to: code)
        XCTAssertEqual(answer.status, .created)
        let contact = try XCTUnwrap(try running.application.store.contact(submissionID: id))
        XCTAssertEqual(contact.email, "karen@example.dk")
        XCTAssertEqual(contact.consentText, "Jeg giver samtykke.")
        let exported = String(decoding: try Administration.export(configuration: running.application.configuration, codes: [code], format: .json).data, as: UTF8.self)
        XCTAssertTrue(exported.contains(id), "the response itself is exported")
        XCTAssertFalse(exported.contains("karen@example.dk"))
        XCTAssertFalse(exported.contains("Karen Jensen"))

        let withoutConsent = RunningApplication.submission(answers: ["idea": "x"], extra: [
            "contact": ["name": "Ole", "email": "ole@example.dk", "consent": false],
        ])
        let refused = await running.submit(withoutConsent, to: code)
        XCTAssertEqual(refused.status, .unprocessableContent)
        XCTAssertEqual(try running.storedResponseCount(code), 1)
    }
}
