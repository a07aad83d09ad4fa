@testable import App
import Forms
import Foundation
import HTTPServer
import Storage
import TestSupport
import XCTest

/// Every reason the server can give a citizen exists in Danish and in English, and the two differ:
/// the application's errors, the answer reasons of `Forms`, the storage's faults and the HTTP
/// server's own refusals. Then, over a real socket, the language a request asks for is the one
/// that answers, Danish when it asks for none.
final class CitizenReasonLanguageTests: XCTestCase {
    /// One of every `AppError`. The switch in `sampleIsListed` has no default: a new case does not
    /// compile until it is listed here too.
    static let appErrors: [AppError] = [
        .sessionNotFound(code: "ABC123"), .sessionNotOpen(code: "ABC123"), .sessionClosed(code: "ABC123"),
        .malformedRequest(reason: LocalizedText(da: "skal udfyldes", en: "is required"), field: "submissionId"),
        .malformedRequest(reason: LocalizedText(da: "Indholdet er tomt.", en: "The body is empty.")),
        .unsupportedMediaType("text/plain"), .unsupportedMediaType(""),
        .invalidAnswers([AnswerProblem(field: "idea", reason: .required)]),
        .invalidAnswers([AnswerProblem(field: "idea", reason: .required), AnswerProblem(field: "contact.email", reason: .emailInvalid)]),
        .formNotFound(id: "quick-poll"), .notLoggedIn, .forbidden(roleName: LocalizedText(da: "analytiker", en: "analyst")), .csrfRejected, .invalidCredentials,
        .throttled(retryAfterSeconds: 30), .wrongKioskPin, .invalidTransition(code: "ABC123", from: "closed", to: "open"),
        .invalidFields([FieldProblem(field: "title", da: "Skriv en titel.", en: "Write a title.")]),
        .notFound(LocalizedText(da: "Kørslen findes ikke.", en: "No such run.")),
        .conflict(LocalizedText(da: "Intet at udgive.", en: "Nothing to publish.")),
        .invalidForm([DefinitionProblem(path: "$.title", reason: LocalizedText(da: "mangler", en: "is missing"))]),
        .libraryFormIsReadOnly(id: "quick-poll"), .storedFormUnreadable(formVersionID: 1, reason: "broken"),
    ]

    /// The storage faults a request can end in.
    static let storageErrors: [StorageError] = [
        .sessionNotFound(code: "ABC123"), .diskFull(reason: "database or disk is full"),
        .readOnly(reason: "attempt to write a readonly database"), .closed, .sqlite(statement: "", reason: "busy"),
    ]

    /// How many cases `AppError` has; `caseNumber` numbers them.
    private static let appErrorCaseCount = 20

    /// The case's number. No default: a new case does not compile until it has a number here, and
    /// `testEveryCaseHasASample` fails until `appErrors` has a sample of it.
    private static func caseNumber(_ error: AppError) -> Int {
        switch error {
        case .sessionNotFound: 0
        case .sessionNotOpen: 1
        case .sessionClosed: 2
        case .malformedRequest: 3
        case .unsupportedMediaType: 4
        case .invalidAnswers: 5
        case .formNotFound: 6
        case .notLoggedIn: 7
        case .forbidden: 8
        case .csrfRejected: 9
        case .invalidCredentials: 10
        case .throttled: 11
        case .wrongKioskPin: 12
        case .invalidTransition: 13
        case .invalidFields: 14
        case .notFound: 15
        case .conflict: 16
        case .invalidForm: 17
        case .libraryFormIsReadOnly: 18
        case .storedFormUnreadable: 19
        }
    }

    /// Every reason as `(where it comes from, Danish, English)`: the texts a citizen may read.
    static var everyReason: [(source: String, danish: String, english: String)] {
        var reasons: [(source: String, danish: String, english: String)] = []
        func add(_ source: String, _ danish: Response, _ english: Response) {
            let da = JSONBody(danish), en = JSONBody(english)
            reasons.append((source, da.error, en.error))
            for (danishProblem, englishProblem) in zip(da.problems, en.problems) {
                reasons.append((source + " at " + danishProblem.place, danishProblem.reason, englishProblem.reason))
            }
        }
        for error in appErrors {
            add("AppError.\(error)", error.response(in: .da), error.response(in: .en))
        }
        for reason in AnswerReason.samples {
            let error = AppError.invalidAnswers([AnswerProblem(field: "question", reason: reason)])
            add("AnswerReason.\(reason)", error.response(in: .da), error.response(in: .en))
        }
        for error in storageErrors {
            add("StorageError.\(error)", error.response(in: .da), error.response(in: .en))
        }
        for refusal in ServerRefusal.samples {
            reasons.append(("ServerRefusal.\(refusal)", refusal.wording.da, refusal.wording.en))
        }
        return reasons
    }

    func testEveryCaseHasASample() {
        XCTAssertEqual(Set(Self.appErrors.map(Self.caseNumber)), Set(0..<Self.appErrorCaseCount))
        XCTAssertEqual(Set(AnswerReason.samples.map(\.kind)), Set(AnswerReason.Kind.allCases))
        // The refusals, each case (and every target problem) at least once.
        var seen = Set<String>()
        for refusal in ServerRefusal.samples {
            switch refusal {
            case .bodyTooLarge: seen.insert("bodyTooLarge")
            case .severalContentLengths: seen.insert("severalContentLengths")
            case .contentLengthWithTransferEncoding: seen.insert("contentLengthWithTransferEncoding")
            case .malformedTarget(let problem): seen.insert("malformedTarget." + problem.rawValue)
            case .noSuchResource: seen.insert("noSuchResource")
            case .methodNotAllowed: seen.insert("methodNotAllowed")
            case .internalError: seen.insert("internalError")
            case .stopping: seen.insert("stopping")
            }
        }
        XCTAssertEqual(seen.count, 7 + ServerRefusal.TargetProblem.allCases.count, "\(seen.sorted())")
    }

    func testEveryReasonExistsInBothLanguagesAndTheyDiffer() {
        let reasons = Self.everyReason
        XCTAssertGreaterThan(reasons.count, 80)
        for reason in reasons {
            XCTAssertFalse(reason.danish.trimmingCharacters(in: .whitespaces).isEmpty, "\(reason.source): no Danish")
            XCTAssertFalse(reason.english.trimmingCharacters(in: .whitespaces).isEmpty, "\(reason.source): no English")
            XCTAssertNotEqual(reason.danish, reason.english, "\(reason.source) reads the same in both languages")
        }
    }

    func testDanishReasonsHaveNoEnglishLeftInThem() {
        // Words that give an English sentence away; none is Danish.
        let englishWords = ["the ", " is ", " not ", " must ", "answer", "please", " try ", "request", "error"]
        for reason in Self.everyReason {
            let danish = reason.danish.lowercased()
            for word in englishWords {
                XCTAssertFalse(danish.contains(word), "\(reason.source): “\(reason.danish)” has “\(word)” in it")
            }
        }
    }

    // MARK: Over the wire: the request's language answers

    func testTheServersOwnRefusalsAnswerInTheRequestsLanguage() throws {
        let running = try RunningApplication(listening: true, maximumBodyBytes: 1024)
        defer { running.shutDown() }
        let code = try running.openSession()
        let submissions = "/api/sessions/\(code)/responses"
        let tooLarge = Array(repeating: UInt8(ascii: "a"), count: 4096)
        // Each refusal with the request that meets it; `query` is "?lang=en" where the target can carry it.
        let cases: [(refusal: ServerRefusal, method: String, target: String, headers: [String], body: [UInt8])] = [
            (.bodyTooLarge(limit: 1024), "POST", submissions, ["Content-Type: application/json"], tooLarge),
            (.malformedTarget(.malformedEscape), "GET", "/api/sessions/%ZZ", [], []),
            (.noSuchResource(path: "/api/nothing-here"), "GET", "/api/nothing-here", [], []),
            (.methodNotAllowed(method: "PUT", path: submissions), "PUT", submissions, [], []),
        ]
        for (refusal, method, target, headers, body) in cases {
            let danish = try running.exchange(method, target, headers: headers, body: body)
            let english = try running.exchange(method, target, headers: headers + ["Accept-Language: en-GB,en;q=0.9,da;q=0.5"], body: body)
            XCTAssertEqual(danish.status, refusal.status.code, "\(refusal)")
            XCTAssertEqual(english.status, refusal.status.code, "\(refusal)")
            XCTAssertEqual(danish.errorReason, refusal.wording.da)
            XCTAssertEqual(english.errorReason, refusal.wording.en)
            if case .malformedTarget = refusal { continue }
            let englishByQuery = try running.exchange(method, target + "?lang=en", headers: headers + ["Accept-Language: da"], body: body)
            XCTAssertEqual(englishByQuery.errorReason, refusal.wording.en, "?lang= comes before Accept-Language")
        }
    }

    func testAContactWithAWrongAddressAndNoConsentIsTwoProblemsInTheAskedLanguage() async throws {
        let running = try RunningApplication()
        defer { running.shutDown() }
        let code = try running.openSession()
        let submission = RunningApplication.submission(answers: ["idea": "Flere bænke", "why-young": "Fordi"], extra: [
            "contact": ["name": "Anna", "email": "anna@gmail", "consent": false],
        ])
        for (language, query) in [(Language.da, ""), (.en, "?lang=en")] {
            let response = await running.post("/api/sessions/\(code)/responses\(query)", json: submission)
            XCTAssertEqual(response.statusCode, 422)
            let body = JSONBody(response)
            XCTAssertEqual(body.problems.map(\.place).sorted(), ["contact.consent", "contact.email"])
            let expected = [AnswerReason.consentMissing, .emailInvalid].map { $0.text.text(in: language) }
            XCTAssertEqual(Set(body.problems.map(\.reason)), Set(expected), "\(language)")
            XCTAssertEqual(body.error, AppError.invalidAnswers([
                AnswerProblem(field: "contact.consent", reason: .consentMissing), AnswerProblem(field: "contact.email", reason: .emailInvalid),
            ]).reason(in: language))
        }
        let byHeader = await running.post("/api/sessions/\(code)/responses", json: submission, headers: ["Accept-Language": "en"])
        XCTAssertEqual(JSONBody(byHeader).error, "2 answers need fixing before they can be sent.")
    }
}

/// `{"error", "errors": [{"question"|"field"|"path", "reason"}]}` read loosely.
private struct JSONBody {
    struct Problem {
        let place: String
        let reason: String
    }
    let error: String
    let problems: [Problem]

    init(_ answer: some HTTPAnswer) {
        let object = (try? JSONSerialization.jsonObject(with: Data(answer.body))) as? [String: Any] ?? [:]
        error = object["error"] as? String ?? ""
        problems = (object["errors"] as? [[String: Any]] ?? []).map { problem in
            Problem(place: (problem["question"] ?? problem["field"] ?? problem["path"]) as? String ?? "",
                    reason: problem["reason"] as? String ?? "")
        }
    }
}
