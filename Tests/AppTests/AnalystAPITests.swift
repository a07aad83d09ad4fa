import App
import Foundation
import XCTest

/// Analysis runs in the background, corrections that survive a re-run, exports with masking and escaping.
final class AnalystAPITests: XCTestCase {
    var running: RunningApplication!
    var login: RunningApplication.Login!
    var headers: [String: String] { ["Cookie": login.cookie, "X-CSRF-Token": login.csrfToken] }

    override func setUp() async throws {
        running = try RunningApplication()
        login = try await running.logIn(role: "analyst")
    }

    override func tearDown() {
        running.shutDown()
    }

    static let ideas = [
        "Flere træer og grønne områder i byen", "Plant flere træer langs vejene", "Grønne tage og mere natur i byen",
        "Solceller på alle kommunens bygninger", "Mere vedvarende energi og solceller", "Klimavenlig energi til skolerne",
        "Cykelstier til skolen er for smalle", "Sikre cykelstier for børn", "Bedre cykelstier mellem byerne",
        "Ring 22 33 44 55 el. ole@example.dk", "Mit cpr er 010203-1234",
    ]

    private func submit(_ code: String, _ text: String) async throws {
        let answer = try await running.request("POST", "/api/sessions/\(code)/responses", body: RunningApplication.submission(answers: ["idea": text]))
        XCTAssertEqual(answer.status, 201)
    }

    private func runAnalysis(_ code: String) async throws -> [String: Any] {
        let body = try JSONSerialization.data(withJSONObject: ["formId": "test-dialogue", "sessions": [code]])
        let started = try await running.request("POST", "/api/analyst/runs", body: body, headers: headers)
        XCTAssertEqual(started.status, 202, String(decoding: started.body, as: UTF8.self))
        let id = try XCTUnwrap((try RunningApplication.object(started.body)["run"] as? [String: Any])?["id"] as? Int)
        running.application.analysis.waitUntilIdle()
        let document = try RunningApplication.object(try await running.request("GET", "/api/analyst/runs/\(id)", headers: headers).body)
        XCTAssertEqual((document["run"] as? [String: Any])?["status"] as? String, "done")
        var result = try XCTUnwrap(document["result"] as? [String: Any])
        result["runId"] = id
        return result
    }

    func testARunGivesThemesWithMaskedTextAndARenameSurvivesARerunWithMoreAnswers() async throws {
        let code = try running.openSession()
        for idea in Self.ideas { try await submit(code, idea) }
        let first = try await runAnalysis(code)
        XCTAssertEqual(first["answerCount"] as? Int, Self.ideas.count)
        let answers = try XCTUnwrap(first["answers"] as? [[String: Any]])
        let texts = answers.compactMap { $0["text"] as? String }
        XCTAssertTrue(texts.contains { $0.contains("[telefon]") && $0.contains("[e-mail]") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.contains("[CPR]") })
        XCTAssertFalse(texts.joined().contains("22 33 44 55"))
        let themes = try XCTUnwrap(first["themes"] as? [[String: Any]])
        XCTAssertTrue(themes.contains { $0["key"] as? String == "groen" }, "the form's policy theme guides the run")
        XCTAssertNotNil((first["charts"] as? [String: Any])?["themes"] as? String)

        let rename = try JSONSerialization.data(withJSONObject: ["kind": "rename", "theme": "groen", "label": "Natur og klima", "run": first["runId"]!])
        let renamed = try await running.request("POST", "/api/analyst/forms/test-dialogue/decisions", body: rename, headers: headers)
        XCTAssertEqual(renamed.status, 201, String(decoding: renamed.body, as: UTF8.self))

        for idea in ["Flere træer ved havnen", "Grønne områder til børnefamilier"] { try await submit(code, idea) }
        let second = try await runAnalysis(code)
        XCTAssertEqual(second["answerCount"] as? Int, Self.ideas.count + 2)
        let green = try XCTUnwrap((second["themes"] as? [[String: Any]])?.first { $0["key"] as? String == "groen" })
        XCTAssertEqual(green["label"] as? String, "Natur og klima", "the re-run keeps the analyst's rename")
        let decisions = try XCTUnwrap(second["decisions"] as? [[String: Any]])
        XCTAssertEqual(decisions.count, 1)
        XCTAssertEqual(decisions.first?["applied"] as? Bool, true)

        let bad = try JSONSerialization.data(withJSONObject: ["kind": "rename", "theme": "no-such-theme", "label": "x", "run": first["runId"]!])
        let refused = try await running.request("POST", "/api/analyst/forms/test-dialogue/decisions", body: bad, headers: headers)
        XCTAssertEqual(refused.status, 422)
    }

    func testOffTopicAndUndo() async throws {
        let code = try running.openSession()
        for idea in Self.ideas { try await submit(code, idea) }
        let result = try await runAnalysis(code)
        let answerID = try XCTUnwrap((result["answers"] as? [[String: Any]])?.first?["answerId"] as? String)
        let body = try JSONSerialization.data(withJSONObject: ["kind": "offTopic", "answer": answerID, "run": result["runId"]!])
        let decided = try RunningApplication.object(try await running.request("POST", "/api/analyst/forms/test-dialogue/decisions", body: body, headers: headers).body)
        let after = try XCTUnwrap(decided["result"] as? [String: Any])
        let marked = (after["answers"] as? [[String: Any]])?.first { $0["answerId"] as? String == answerID }
        XCTAssertEqual(marked?["themes"] as? [String], ["off-topic"])
        XCTAssertEqual(marked?["decided"] as? Bool, true)

        let decisionID = try XCTUnwrap((decided["decision"] as? [String: Any])?["id"] as? Int)
        let undone = try await running.request("DELETE", "/api/analyst/decisions/\(decisionID)?run=\(result["runId"]!)", headers: headers)
        XCTAssertEqual(undone.status, 200)
        let restored = (try RunningApplication.object(undone.body)["result"] as? [String: Any])?["answers"] as? [[String: Any]]
        XCTAssertNotEqual(restored?.first { $0["answerId"] as? String == answerID }?["themes"] as? [String], ["off-topic"])
    }

    func testExportsCarryThemesMaskTextAndEscapeScriptPayloads() async throws {
        let code = try running.openSession()
        let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "<svg onload=alert(3)>"]
        for text in Self.ideas + payloads { try await submit(code, text) }
        _ = try await runAnalysis(code)

        let report = try await running.request("GET", "/api/analyst/export?sessions=\(code)&format=html", headers: headers)
        XCTAssertEqual(report.status, 200)
        XCTAssertTrue(report.headers["content-disposition"]?.hasPrefix("attachment") ?? false)
        let html = String(decoding: report.body, as: UTF8.self)
        for payload in payloads { XCTAssertFalse(html.contains(payload), "unescaped in the report: \(payload)") }
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || !html.contains("alert(1)"))
        XCTAssertFalse(html.contains("22 33 44 55"), "masked in the report")

        let csv = try await running.request("GET", "/api/analyst/export?sessions=\(code)&format=csv", headers: headers)
        XCTAssertEqual(csv.status, 200)
        XCTAssertEqual(Array(csv.body.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with BOM")
        XCTAssertTrue(String(decoding: csv.body, as: UTF8.self).contains("Natur") || String(decoding: csv.body, as: UTF8.self).contains("Temaer"), "texts by default: the themes column is headed Temaer")

        let xlsx = try await running.request("GET", "/api/analyst/export?sessions=\(code)&format=xlsx", headers: headers)
        XCTAssertEqual(xlsx.status, 200)
        XCTAssertEqual(Array(xlsx.body.prefix(2)), [0x50, 0x4B], "a zip container")

        let json = try RunningApplication.object(try await running.request("GET", "/api/analyst/export?sessions=\(code)&format=json", headers: headers).body)
        XCTAssertNotNil(json["themes"], "the JSON export carries the themes of the newest run")
        XCTAssertFalse(String(describing: json).contains("ole@example.dk"))
    }

    func testFacilitatorsCannotReachAnalystData() async throws {
        let facilitator = try await running.logIn(role: "facilitator")
        let answer = try await running.request("GET", "/api/analyst/forms", headers: ["Cookie": facilitator.cookie])
        XCTAssertEqual(answer.status, 403)
    }
}
