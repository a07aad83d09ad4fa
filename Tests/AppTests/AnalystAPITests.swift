import App
import Authentication
import Forms
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// Analysis runs in the background, corrections that survive a re-run, exports with masking and escaping.
final class AnalystAPITests: XCTestCase {
    var running: RunningApplication!
    var analyst: StaffLogin!

    override func setUp() async throws {
        running = try RunningApplication()
        analyst = try await running.logIn(.analyst)
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

    private func submit(_ code: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        let answer = await running.submit(RunningApplication.submission(answers: ["idea": .string(text)]), to: code)
        XCTAssertEqual(answer.status, .created, answer.text, file: file, line: line)
    }

    /// Starts a run on the session, waits for it and returns its result with the run's id.
    private func runAnalysis(_ code: String) async throws -> (runID: Int64, result: API.AnalysisResult) {
        let started = await running.post("/api/analyst/runs", json: ["formId": "test-dialogue", "sessions": [.string(code)]], as: analyst)
        XCTAssertEqual(started.status, .accepted, started.text)
        let id = try started.decode(API.StartedRun.self).run.id
        running.application.analysis.waitUntilIdle()
        let document = try await running.get("/api/analyst/runs/\(id)", as: analyst).decode(API.RunDocument.self)
        XCTAssertEqual(document.run.id, id)
        XCTAssertEqual(document.run.status, "done", document.run.message ?? "")
        return (id, try XCTUnwrap(document.result, "a finished run carries its result"))
    }

    func testARunGivesThemesWithMaskedTextAndARenameSurvivesARerunWithMoreAnswers() async throws {
        let code = try running.openSession()
        for idea in Self.ideas { try await submit(code, idea) }
        let first = try await runAnalysis(code)
        XCTAssertEqual(first.result.answerCount, Self.ideas.count)
        let texts = first.result.answers.map(\.text)
        XCTAssertEqual(texts.count, Self.ideas.count)
        XCTAssertTrue(texts.contains { $0.contains("[telefon]") && $0.contains("[e-mail]") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.contains("[CPR]") }, "\(texts)")
        for personal in ["22 33 44 55", "ole@example.dk", "010203-1234"] {
            XCTAssertFalse(texts.joined().contains(personal), "\(personal) is masked")
        }
        let green = try XCTUnwrap(first.result.themes.first { $0.key == "groen" }, "the form's policy theme guides the run")
        XCTAssertEqual(green.kind, "guided", "a theme of the form's own policy")
        XCTAssertTrue(first.result.charts.themes.contains("<svg"))

        let rename: JSONValue = ["kind": "rename", "theme": "groen", "label": "Natur og klima", "run": .int(first.runID)]
        let renamed = await running.post("/api/analyst/forms/test-dialogue/decisions", json: rename, as: analyst)
        XCTAssertEqual(renamed.status, .created, renamed.text)
        let decided = try renamed.decode(API.Decided.self)
        XCTAssertEqual(decided.decision.kind, "rename")
        XCTAssertEqual(decided.result.themes.first { $0.key == "groen" }?.label, "Natur og klima")

        for idea in ["Flere træer ved havnen", "Grønne områder til børnefamilier"] { try await submit(code, idea) }
        let second = try await runAnalysis(code)
        XCTAssertNotEqual(second.runID, first.runID)
        XCTAssertEqual(second.result.answerCount, Self.ideas.count + 2)
        let renamedAgain = try XCTUnwrap(second.result.themes.first { $0.key == "groen" })
        XCTAssertEqual(renamedAgain.label, "Natur og klima", "the re-run keeps the analyst's rename")
        XCTAssertEqual(second.result.decisions.map(\.id), [decided.decision.id])
        XCTAssertEqual(second.result.decisions.map(\.applied), [true])

        let bad: JSONValue = ["kind": "rename", "theme": "no-such-theme", "label": "x", "run": .int(first.runID)]
        let refused = await running.post("/api/analyst/forms/test-dialogue/decisions", json: bad, as: analyst)
        XCTAssertEqual(refused.status, .unprocessableContent)
        XCTAssertEqual(try refused.decode(ErrorBody.self).errors?.compactMap(\.field), ["theme"])
    }

    func testOffTopicAndUndo() async throws {
        let code = try running.openSession()
        for idea in Self.ideas { try await submit(code, idea) }
        let (runID, result) = try await runAnalysis(code)
        let chosen = try XCTUnwrap(result.answers.first { !$0.themes.contains("off-topic") })
        XCTAssertFalse(chosen.decided)

        let body: JSONValue = ["kind": "offTopic", "answer": .string(chosen.answerId), "run": .int(runID)]
        let answer = await running.post("/api/analyst/forms/test-dialogue/decisions", json: body, as: analyst)
        XCTAssertEqual(answer.status, .created, answer.text)
        let decided = try answer.decode(API.Decided.self)
        let marked = try XCTUnwrap(decided.result.answers.first { $0.answerId == chosen.answerId })
        XCTAssertEqual(marked.themes, ["off-topic"])
        XCTAssertTrue(marked.decided)

        let undone = await running.handle(.delete, "/api/analyst/decisions/\(decided.decision.id)?run=\(runID)", as: analyst)
        XCTAssertEqual(undone.status, .ok, undone.text)
        let restored = try XCTUnwrap(try undone.decode(API.Withdrawn.self).result.answers.first { $0.answerId == chosen.answerId })
        XCTAssertEqual(restored.themes, chosen.themes, "the undo puts the answer back where the machine placed it")
        XCTAssertFalse(restored.decided)

        let again = await running.handle(.delete, "/api/analyst/decisions/\(decided.decision.id)?run=\(runID)", as: analyst)
        XCTAssertEqual(again.status, .notFound, "a withdrawn decision cannot be withdrawn twice")
    }

    func testExportsCarryThemesMaskTextAndEscapeScriptPayloads() async throws {
        let title = #"Møde <script>alert(0)</script> & "venner""#
        let code = try running.openSession(title: title)
        let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "<svg onload=alert(3)>"]
        for text in Self.ideas + payloads { try await submit(code, text) }
        let (_, result) = try await runAnalysis(code)

        let report = await running.get("/api/analyst/export?sessions=\(code)&format=html", as: analyst)
        XCTAssertEqual(report.status, .ok)
        XCTAssertEqual(report.headers["Content-Disposition"]?.hasPrefix("attachment"), true)
        let html = report.text
        XCTAssertTrue(html.contains("Møde &lt;script&gt;alert(0)&lt;/script&gt; &amp; &quot;venner&quot;"), "the title is there, escaped")
        for payload in payloads + [title] { XCTAssertFalse(html.contains(payload), "unescaped in the report: \(payload)") }
        // The report keeps itself short (a few quotes per theme), but every theme with quotes shows its first.
        let firstQuotes = result.themes.compactMap { $0.quotes.first?.text }
        XCTAssertFalse(firstQuotes.isEmpty, "the run has quotes for the report to show")
        for quote in firstQuotes { XCTAssertTrue(html.contains(Self.escapedForHTML(quote)), "the report quotes \(quote), escaped") }
        XCTAssertFalse(html.contains("22 33 44 55"), "masked in the report")

        let csv = await running.get("/api/analyst/export?sessions=\(code)&format=csv&values=codes", as: analyst)
        XCTAssertEqual(csv.status, .ok)
        XCTAssertEqual(Array(csv.body.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with BOM")
        let rows = Self.csvRows(String(decoding: csv.body.dropFirst(3), as: UTF8.self))
        let header = try XCTUnwrap(rows.first)
        let ideaColumn = try XCTUnwrap(header.firstIndex(of: "idea"), "\(header)")
        let themesColumn = try XCTUnwrap(header.firstIndex(of: "themes"), "a run exists, so the CSV has a themes column: \(header)")
        XCTAssertEqual(rows.count, 1 + Self.ideas.count + payloads.count)
        let labels = Dictionary(uniqueKeysWithValues: result.themes.map { ($0.key, $0.label) })
        for answer in result.answers {
            let row = try XCTUnwrap(rows.dropFirst().first { $0[ideaColumn] == answer.text }, "a CSV row for \(answer.text)")
            let expected = answer.themes.map { labels[$0] ?? $0 }
            let written = row[themesColumn].isEmpty ? [] : row[themesColumn].components(separatedBy: " | ")
            XCTAssertEqual(written, expected, answer.text)
        }

        let xlsx = await running.get("/api/analyst/export?sessions=\(code)&format=xlsx", as: analyst)
        XCTAssertEqual(xlsx.status, .ok)
        XCTAssertEqual(Array(xlsx.body.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip container")

        let json = await running.get("/api/analyst/export?sessions=\(code)&format=json", as: analyst)
        XCTAssertEqual(json.status, .ok)
        let export = try json.decode(API.Export.self)
        XCTAssertEqual(export.responses.count, Self.ideas.count + payloads.count)
        let themes = try XCTUnwrap(export.themes, "the JSON export carries the themes of the newest run")
        XCTAssertEqual(Set(themes.themes.map(\.key)), Set(result.themes.map(\.key)))
        XCTAssertEqual(themes.assignments.count, result.answers.count)
        XCTAssertTrue(export.responses.contains { $0.answers["idea"]?.stringValue?.contains("[e-mail]") == true })
        XCTAssertFalse(json.text.contains("ole@example.dk"), "masked in the JSON export")
    }

    func testFacilitatorsCannotReachAnalystData() async throws {
        let facilitator = try await running.logIn(.facilitator)
        let answer = await running.get("/api/analyst/forms", as: facilitator)
        XCTAssertEqual(answer.status, .forbidden)
        let own = await running.get("/api/analyst/forms", as: analyst)
        XCTAssertEqual(own.status, .ok, "the same request is the analyst's to make")
    }

    /// Text as the report must show it: the five characters HTML gives meaning to, as entities.
    private static func escapedForHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// RFC 4180 rows: fields split at commas outside quotes, `""` inside quotes is one quote, CRLF ends a row.
    private static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character != "\"" {
                    field.append(character)
                } else if characters.first == "\"" {
                    field.append(characters.removeFirst())
                } else {
                    quoted = false
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r\n", "\n":
                rows.append(row + [field])
                row = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }
}
