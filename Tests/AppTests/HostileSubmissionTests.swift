import App
import Forms
import Foundation
import Storage
import TestSupport
import XCTest

/// Hostile submission bodies over real HTTP: refused with a reason and nothing stored, or, for
/// script and SQL text, stored exactly as typed and shown escaped.
final class HostileSubmissionTests: OpenSessionTestCase {
    /// Posts `body` to the open session over a new connection, with `contentType` if given.
    private func post(_ body: [UInt8], contentType: String? = "application/json", to path: String? = nil) throws -> RawHTTPResponse {
        try running.exchange("POST", path ?? responsesPath, headers: contentType.map { ["Content-Type: \($0)"] } ?? [], body: body)
    }

    private func submissionText(id: String, answers: String, extra: String = "") -> String {
        #"{"submissionId":"\#(id)","answers":\#(answers)\#(extra)}"#
    }

    func testMalformedBodiesAre400WithAReasonAndStoreNothing() throws {
        let id = "hostile-body-0001"
        let nestedAtTheLimit = String(repeating: "[", count: 30) + String(repeating: "]", count: 30)
        let nestedPastTheLimit = String(repeating: "[", count: 31) + String(repeating: "]", count: 31)
        let cases: [(name: String, body: [UInt8], status: Int)] = [
            ("empty", [], 400),
            ("null", Array("null".utf8), 400),
            ("trailing garbage", Array((submissionText(id: id, answers: #"{"idea":"x"}"#) + " xyz").utf8), 400),
            ("single quotes", Array(#"{'submissionId':'\#(id)','answers':{}}"#.utf8), 400),
            ("duplicate submissionId keys", Array(#"{"submissionId":"\#(id)","submissionId":"other-id-0002","answers":{"idea":"x"}}"#.utf8), 400),
            ("duplicate answer keys", Array(submissionText(id: id, answers: #"{"idea":"one","idea":"two"}"#).utf8), 400),
            ("escaped lone surrogate", Array(submissionText(id: id, answers: #"{"idea":"\ud800x"}"#).utf8), 400),
            ("raw control character in a string", Array(submissionText(id: id, answers: "{\"idea\":\"a\u{01}b\"}").utf8), 400),
            ("NaN", Array(submissionText(id: id, answers: #"{"idea":"x","rating":NaN}"#).utf8), 400),
            ("number past Double", Array(submissionText(id: id, answers: #"{"idea":"x","rating":1e400}"#).utf8), 400),
            ("overlong UTF-8 slash", Array(#"{"submissionId":"\#(id)","answers":{"idea":""#.utf8) + [0xC0, 0xAF] + Array(#""}}"#.utf8), 400),
            ("UTF-8 encoded surrogate", Array(#"{"submissionId":"\#(id)","answers":{"idea":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}}"#.utf8), 400),
            ("UTF-8 sequence cut short", Array(#"{"submissionId":"\#(id)","answers":{"idea":""#.utf8) + [0xE2, 0x82] + Array(#""}}"#.utf8), 400),
            ("Latin-1 text", Array(#"{"submissionId":"\#(id)","answers":{"idea":"b"#.utf8) + [0xE6, 0x6B] + Array(#""}}"#.utf8), 400),
            ("nested one level past the limit", Array(submissionText(id: id, answers: #"{"idea":\#(nestedPastTheLimit)}"#).utf8), 400),
            ("nested at the limit, wrong for a text question", Array(submissionText(id: id, answers: #"{"idea":\#(nestedAtTheLimit)}"#).utf8), 422),
            ("submissionId with a path in it", Array(submissionText(id: "../../etc/passwd", answers: #"{"idea":"x"}"#).utf8), 400),
            ("submissionId with SQL in it", Array(submissionText(id: "x' OR '1'='1", answers: #"{"idea":"x"}"#).utf8), 400),
            ("submissionId past 128 characters", Array(submissionText(id: String(repeating: "a", count: 129), answers: #"{"idea":"x"}"#).utf8), 400),
            ("table as an object", Array(submissionText(id: id, answers: #"{"idea":"x"}"#, extra: #","table":{"a":1}"#).utf8), 400),
            ("clientSubmittedAt not a date", Array(submissionText(id: id, answers: #"{"idea":"x"}"#, extra: #","clientSubmittedAt":"yesterday""#).utf8), 400),
            ("contact as a string", Array(submissionText(id: id, answers: #"{"idea":"x"}"#, extra: #","contact":"me""#).utf8), 422),
            ("__proto__ as a question", Array(submissionText(id: id, answers: #"{"__proto__":{"x":1},"idea":"x"}"#).utf8), 422),
        ]
        for (name, body, status) in cases {
            let answer = try post(body)
            XCTAssertEqual(answer.status, status, name)
            XCTAssertFalse(answer.errorReason?.isEmpty ?? true, "\(name): a reason")
        }
        XCTAssertFalse(try running.application.store.containsSubmission(id: id))
        XCTAssertEqual(try running.storedResponseCount(code), 0)
        assertStillHealthy()
    }

    func testOnlyJSONIsTakenWhateverTheContentTypeAFormCanSend() throws {
        // A cross-site HTML form or a no-CORS fetch can send only these types: none may get through.
        let body = Array(submissionText(id: "content-type-01", answers: #"{"idea":"x"}"#).utf8)
        for contentType in [nil, "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "text/plain;charset=utf-8"] {
            let answer = try post(body, contentType: contentType)
            XCTAssertEqual(answer.status, 415, contentType ?? "no Content-Type")
            XCTAssertFalse(answer.errorReason?.isEmpty ?? true)
        }
        let kioskExit = try post(Array(#"{"pin":"1234"}"#.utf8), contentType: "text/plain", to: "/api/sessions/\(code!)/kiosk/exit")
        XCTAssertEqual(kioskExit.status, 415)
        let login = try post(Array(#"{"email":"a@b.dk","password":"x"}"#.utf8), contentType: "application/x-www-form-urlencoded", to: "/api/login")
        XCTAssertEqual(login.status, 415)
        XCTAssertNil(login.headers["Set-Cookie"])
        XCTAssertEqual(try running.storedResponseCount(code), 0)
    }

    func testJSONMeansExactlyJSONInUTF8() throws {
        for (index, contentType) in ["application/jsonp", "application/json-seq", "application/json; charset=latin1"].enumerated() {
            let body = Array(submissionText(id: "json-type-0\(index)", answers: #"{"idea":"x"}"#).utf8)
            let answer = try post(body, contentType: contentType)
            XCTAssertEqual(answer.status, 415, contentType)
        }
        XCTAssertEqual(try running.storedResponseCount(code), 0)
        for (index, contentType) in ["application/json", "Application/JSON; charset=UTF-8", "application/json;charset=\"utf-8\""].enumerated() {
            let body = Array(submissionText(id: "json-type-1\(index)", answers: #"{"idea":"x"}"#).utf8)
            let answer = try post(body, contentType: contentType)
            XCTAssertEqual(answer.status, 201, contentType)
        }
        XCTAssertEqual(try running.storedResponseCount(code), 3)
    }

    func testThousandsOfAnswersInOneSubmissionAreRefusedPastTheCap() throws {
        // 1000 answers (the cap) are read: the made-up question ids are each named in the 422.
        var answers = (0..<999).map { #""q\#($0)":"x""# }
        answers.append(#""idea":"Flere bænke""#)
        let atTheCap = try post(Array(submissionText(id: "answers-at-cap", answers: "{" + answers.joined(separator: ",") + "}").utf8))
        XCTAssertEqual(atTheCap.status, 422)
        let problems = try XCTUnwrap(try atTheCap.decode(ErrorBody.self).errors)
        XCTAssertEqual(Set(problems.compactMap(\.question)), Set((0..<999).map { "q\($0)" }))

        // Past it, the body is refused before any answer is looked at.
        let thousands = (0..<40_000).map { #""q\#($0)":"x""# }.joined(separator: ",")
        let pastTheCap = Array(submissionText(id: "answers-past-cap", answers: "{\(thousands),\"idea\":\"x\"}").utf8)
        let refused = try post(pastTheCap)
        XCTAssertEqual(refused.status, 400)
        XCTAssertEqual(refused.errorReason, "answers: indeholder 40001 svar; en besvarelse kan højst have 1000", "Danish first")
        let refusedInEnglish = try running.exchange(
            "POST", responsesPath, headers: ["Content-Type: application/json", "Accept-Language: en"], body: pastTheCap)
        XCTAssertEqual(refusedInEnglish.errorReason, "answers: holds 40001 entries; a submission takes at most 1000")
        XCTAssertEqual(try running.storedResponseCount(code), 0)
        assertStillHealthy()
    }

    func testScriptAndSQLPayloadsAreStoredVerbatimAndEscapedInTheReport() throws {
        let payloads: [(id: String, idea: String, why: String?)] = [
            ("payload-script", "<script>alert(1)</script>", nil),
            ("payload-sql-01", "'); DROP TABLE response; --", nil),
            ("payload-sql-02", "x' OR '1'='1", "1; DELETE FROM answer WHERE 1=1; --"),
            ("payload-markup", "\"><img src=x onerror=alert(2)>", "</textarea><svg onload=alert(3)>&amp;&lt;"),
            ("payload-nul-01", "a\u{0}b \u{202E}tfel-ot-thgir", nil),
        ]
        // The meeting's own title, which the report always shows, is a payload too.
        let hostile = try running.openSession(title: "<script>alert(1)</script> & co")
        for payload in payloads {
            var answers: [String: JSONValue] = ["idea": .string(payload.idea)]
            if let why = payload.why {
                answers["age"] = "under-30"
                answers["why-young"] = .string(why)
            }
            let body = RunningApplication.submission(id: payload.id, answers: answers, extra: ["table": "<b>Bord 1</b>'; --"])
            let answer = try post(body.bytes, to: "/api/sessions/\(hostile)/responses")
            XCTAssertEqual(answer.status, 201, payload.id)
        }

        let responses = try running.exported(hostile).responses
        XCTAssertEqual(responses.count, payloads.count, "every row is there: no statement was cut short or run")
        for payload in payloads {
            let stored = try XCTUnwrap(responses.first { $0.submissionId == payload.id }, payload.id)
            XCTAssertEqual(stored.answers["idea"], .string(payload.idea), "stored exactly as typed")
            XCTAssertEqual(stored.answers["why-young"], payload.why.map(JSONValue.string))
            XCTAssertEqual(stored.table, "<b>Bord 1</b>'; --")
        }
        let session = try running.application.sessions.session(code: hostile)
        XCTAssertEqual(try running.application.store.responses(sessionID: session.id).map(\.tableLabel), Array(repeating: "<b>Bord 1</b>'; --", count: payloads.count))

        let report = String(decoding: try Administration.export(configuration: running.application.configuration, codes: [hostile], format: .html).data, as: UTF8.self)
        for payload in payloads {
            for text in [payload.idea] + (payload.why.map { [$0] } ?? []) where text.contains(where: { "<>&\"'".contains($0) }) {
                XCTAssertFalse(report.contains(text), "unescaped in the HTML report: \(text)")
            }
        }
        XCTAssertTrue(report.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), "the title is shown, escaped")
        XCTAssertFalse(report.contains("<script"), "the report runs no script at all")
        XCTAssertFalse(report.contains("<img"))
    }
}
