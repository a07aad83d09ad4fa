import App
import Foundation
import Storage
import XCTest

/// The citizen API against the real daemon on a real port, storing in a real SQLite file.
final class CitizenAPITests: XCTestCase {
    var running: RunningApplication!

    override func setUpWithError() throws {
        running = try RunningApplication()
    }

    override func tearDown() {
        running.shutDown()
    }

    func testHealthzAnswers200() async throws {
        let answer = try await running.request("GET", "/healthz")
        XCTAssertEqual(answer.status, 200)
    }

    func testFormEndpointGivesSessionAndFormInTheAgreedShape() async throws {
        let code = try running.openSession(title: "Møde i Sæby")
        let answer = try await running.request("GET", "/api/sessions/\(code)/form")
        XCTAssertEqual(answer.status, 200)
        let document = try RunningApplication.object(answer.body)
        let session = try XCTUnwrap(document["session"] as? [String: Any])
        XCTAssertEqual(session["code"] as? String, code)
        XCTAssertEqual(session["title"] as? String, "Møde i Sæby")
        XCTAssertEqual(session["status"] as? String, "open")
        let form = try XCTUnwrap(document["form"] as? [String: Any])
        XCTAssertEqual(form["id"] as? String, "test-dialogue")
        XCTAssertEqual(form["title"] as? String, "Testdialog")
        let questions = try XCTUnwrap(form["questions"] as? [[String: Any]])
        XCTAssertEqual(questions.map { $0["id"] as? String }, ["idea", "age", "rating", "why-young"])
        XCTAssertEqual(questions[0]["type"] as? String, "text")
        XCTAssertEqual(questions[0]["required"] as? Bool, true)
        let options = try XCTUnwrap(questions[1]["options"] as? [[String: Any]])
        XCTAssertEqual(options.first?["value"] as? String, "under-30")
        XCTAssertEqual(options.first?["label"] as? String, "Under 30")
    }

    func testFormEndpointSpeaksEnglishWhenAsked() async throws {
        let code = try running.openSession()
        let answer = try await running.request("GET", "/api/sessions/\(code.lowercased())/form?lang=en")
        XCTAssertEqual(answer.status, 200, "codes are case-insensitive")
        let form = try XCTUnwrap(try RunningApplication.object(answer.body)["form"] as? [String: Any])
        XCTAssertEqual(form["title"] as? String, "Test dialogue")
    }

    func testUnknownCodeIs404WithAReason() async throws {
        for (method, path) in [("GET", "/api/sessions/NOSUCH/form"), ("POST", "/api/sessions/NOSUCH/responses")] {
            let body = method == "POST" ? RunningApplication.submission(answers: ["idea": "x"]) : nil
            let answer = try await running.request(method, path, body: body)
            XCTAssertEqual(answer.status, 404, path)
            XCTAssertNotNil(try RunningApplication.object(answer.body)["error"] as? String)
        }
    }

    func testFirstSubmissionIsStoredAndARepeatIsADuplicate() async throws {
        let code = try running.openSession()
        let body = RunningApplication.submission(id: "5f0c8a52-9d7e-4a51-b1d8-3a4f0e6c2b11", answers: ["idea": "Flere træer", "rating": 4])
        let first = try await running.request("POST", "/api/sessions/\(code)/responses", body: body)
        XCTAssertEqual(first.status, 201)
        XCTAssertEqual(try RunningApplication.object(first.body)["status"] as? String, "stored")
        let repeated = try await running.request("POST", "/api/sessions/\(code)/responses", body: body)
        XCTAssertEqual(repeated.status, 200)
        XCTAssertEqual(try RunningApplication.object(repeated.body)["status"] as? String, "duplicate")

        let data = try responsesJSON(code)
        let responses = try XCTUnwrap(try RunningApplication.object(data)["responses"] as? [[String: Any]])
        XCTAssertEqual(responses.count, 1)
        XCTAssertEqual(responses[0]["submissionId"] as? String, "5f0c8a52-9d7e-4a51-b1d8-3a4f0e6c2b11")
        let answers = try XCTUnwrap(responses[0]["answers"] as? [String: Any])
        XCTAssertEqual(answers["idea"] as? String, "Flere træer")
        XCTAssertEqual(answers["rating"] as? Int, 4)
    }

    func testAnswersThatDoNotFitTheFormGive422NamingEachQuestion() async throws {
        let code = try running.openSession()
        let body = RunningApplication.submission(answers: [
            "idea": String(repeating: "x", count: 51), "age": "teenager", "rating": 9, "colour": "blue",
        ])
        let answer = try await running.request("POST", "/api/sessions/\(code)/responses", body: body)
        XCTAssertEqual(answer.status, 422)
        let errors = try XCTUnwrap(try RunningApplication.object(answer.body)["errors"] as? [[String: Any]])
        let questions = Set(errors.compactMap { $0["question"] as? String })
        XCTAssertEqual(questions, ["idea", "age", "rating", "colour"])
        XCTAssertTrue(errors.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        let count = try running.application.store.responseCount(sessionID: try running.application.sessions.session(code: code).id)
        XCTAssertEqual(count, 0, "nothing is stored from a rejected submission")
    }

    func testAConditionalQuestionIsRequiredOnlyWhenShownAndHiddenAnswersAreDropped() async throws {
        let code = try running.openSession()
        let shown = RunningApplication.submission(answers: ["idea": "Cykelstier", "age": "under-30"])
        let missing = try await running.request("POST", "/api/sessions/\(code)/responses", body: shown)
        XCTAssertEqual(missing.status, 422)
        XCTAssertTrue(String(decoding: missing.body, as: UTF8.self).contains("why-young"))

        let hidden = RunningApplication.submission(answers: ["idea": "Cykelstier", "age": "30-plus", "why-young": "ignored"])
        let stored = try await running.request("POST", "/api/sessions/\(code)/responses", body: hidden)
        XCTAssertEqual(stored.status, 201)
        let responses = try XCTUnwrap(try RunningApplication.object(try responsesJSON(code))["responses"] as? [[String: Any]])
        XCTAssertEqual(responses.count, 1)
        let answers = responses[0]["answers"] as? [String: Any]
        XCTAssertEqual(answers?["age"] as? String, "30-plus")
        XCTAssertNil(answers?["why-young"], "an answer to a hidden question is not stored")
    }

    func testMalformedRequestsGive400And415WithReasons() async throws {
        let code = try running.openSession()
        let path = "/api/sessions/\(code)/responses"
        let cases: [(Data, String?, Int)] = [
            (Data("{\"submissionId\": ".utf8), "application/json", 400),
            (Data("[1,2]".utf8), "application/json", 400),
            (Data("{\"answers\": {}}".utf8), "application/json", 400),
            (Data("{\"submissionId\": \"abc def ghi\", \"answers\": {}}".utf8), "application/json", 400),
            (Data("{\"submissionId\": \"0123456789\", \"answers\": 5}".utf8), "application/json", 400),
            (Data((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8), "application/json", 400),
            (Data([0x7B, 0xFF, 0xFE, 0x7D]), "application/json", 400),
            (RunningApplication.submission(answers: ["idea": "x"]), "text/plain", 415),
        ]
        for (body, contentType, expected) in cases {
            let answer = try await running.request("POST", path, body: body, contentType: contentType)
            XCTAssertEqual(answer.status, expected, String(decoding: body.prefix(40), as: UTF8.self))
            let reason = try RunningApplication.object(answer.body)["error"] as? String
            XCTAssertFalse(reason?.isEmpty ?? true, "every error carries a reason")
        }
    }

    func testClosedSessionRefusesNewAnswersButTakesLateOnesAndRepeats() async throws {
        let code = try running.openSession()
        let path = "/api/sessions/\(code)/responses"
        let before = RunningApplication.submission(answers: ["idea": "Før lukning"])
        let stored = try await running.request("POST", path, body: before)
        XCTAssertEqual(stored.status, 201)
        let madeWhileOpen = Timestamp.format(Date())
        _ = try running.application.store.updateStatus(code: code, to: .closed, at: Date().addingTimeInterval(1))

        let new = try await running.request("POST", path, body: RunningApplication.submission(answers: ["idea": "Efter"]))
        XCTAssertEqual(new.status, 409)
        XCTAssertNotNil(try RunningApplication.object(new.body)["error"] as? String)

        let repeated = try await running.request("POST", path, body: before)
        XCTAssertEqual(repeated.status, 200, "a repeat of a stored answer is a duplicate, even after close")

        let late = RunningApplication.submission(answers: ["idea": "Lavet offline"], extra: ["clientSubmittedAt": madeWhileOpen])
        let lateAnswer = try await running.request("POST", path, body: late)
        XCTAssertEqual(lateAnswer.status, 201)
        XCTAssertEqual(try RunningApplication.object(lateAnswer.body)["late"] as? Bool, true)

        let made = RunningApplication.submission(answers: ["idea": "Fremtid"], extra: ["clientSubmittedAt": Timestamp.format(Date().addingTimeInterval(3600))])
        let afterClose = try await running.request("POST", path, body: made)
        XCTAssertEqual(afterClose.status, 409, "an answer made after the close is refused")
    }

    func testDraftSessionRefusesAnswers() async throws {
        let code = try running.openSession()
        _ = try running.application.store.updateStatus(code: code, to: .draft, at: Date())
        let answer = try await running.request("POST", "/api/sessions/\(code)/responses", body: RunningApplication.submission(answers: ["idea": "x"]))
        XCTAssertEqual(answer.status, 409)
    }

    func testContactDetailsAreStoredApartAndNeverExported() async throws {
        let code = try running.openSession()
        let id = "c0ffee00-1111-4222-8333-444455556666"
        let body = RunningApplication.submission(id: id, answers: ["idea": "Bænke"], extra: [
            "contact": ["name": "Karen Jensen", "email": "karen@example.dk", "consent": true],
        ])
        let answer = try await running.request("POST", "/api/sessions/\(code)/responses", body: body)
        XCTAssertEqual(answer.status, 201)
        let contact = try running.application.store.contact(submissionID: id)
        XCTAssertEqual(contact?.email, "karen@example.dk")
        XCTAssertEqual(contact?.consentText, "Jeg giver samtykke.")
        let exported = String(decoding: try responsesJSON(code), as: UTF8.self)
        XCTAssertFalse(exported.contains("karen@example.dk"))
        XCTAssertFalse(exported.contains("Karen Jensen"))

        let withoutConsent = RunningApplication.submission(answers: ["idea": "x"], extra: [
            "contact": ["name": "Ole", "email": "ole@example.dk", "consent": false],
        ])
        let refused = try await running.request("POST", "/api/sessions/\(code)/responses", body: withoutConsent)
        XCTAssertEqual(refused.status, 422)
    }

    private func responsesJSON(_ code: String) throws -> Data {
        try Administration.export(configuration: running.application.configuration, codes: [code], format: .json).data
    }
}
