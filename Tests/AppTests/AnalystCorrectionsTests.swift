import App
import Forms
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// What analysts do with a run beyond single answers: the purpose split of each theme, the answer
/// search, and the corrections made from a search or a hand-picked list, each one decision that is
/// replayed on every re-run (search decisions gathering the new answers that match).
final class AnalystCorrectionsTests: XCTestCase {
    var running: RunningApplication!
    var analyst: StaffLogin!

    override func setUp() async throws {
        running = try RunningApplication()
        analyst = try await running.logIn(.analyst)
    }

    override func tearDown() {
        running.shutDown()
    }

    /// Citizens at an elderly-care meeting: what works, what should change (the bus comes up in
    /// both), green ideas, and something else.
    static let responses: [[String: String]] = [
        ["aeldre-works": "Fællesspisningen i aktivitetscentret samler mange ældre", "aeldre-change": "Bussen til aktivitetscentret kører for sjældent"],
        ["aeldre-works": "Hjemmeplejen er venlig og kommer til tiden", "aeldre-change": "Mange ældre sidder alene og er ensomme"],
        ["aeldre-works": "Besøgsvennerne gør en stor forskel for ensomme ældre", "aeldre-change": "Der mangler en bus om aftenen ude på landet"],
        ["aeldre-works": "Seniorgymnastik i hallen holder ældre i gang", "aeldre-change": "Flere bænke og toiletter, så ældre kan gå ture"],
        ["aeldre-works": "Flextrafik og skolebussen er gode til at komme rundt", "aeldre-change": "Hjemmeplejen har for travlt til en snak"],
        ["green-idea": "Solceller på alle kommunens bygninger", "anything-else": "Busserne skal køre på el"],
        ["green-idea": "Plant flere træer og mere natur i byen", "anything-else": "Tak for et godt møde"],
        ["green-idea": "Mere vedvarende energi fra vind og sol", "aeldre-change": "Ensomhed blandt ældre skal tages alvorligt"],
    ]

    static let busAnswer: [String: String] = ["aeldre-change": "Bussen holder for langt fra plejecentret"]

    private func submit(_ code: String, _ texts: [String: String], file: StaticString = #filePath, line: UInt = #line) async throws {
        let answer = await running.submit(RunningApplication.submission(answers: texts.mapValues { .string($0) }), to: code)
        XCTAssertEqual(answer.status, .created, answer.text, file: file, line: line)
    }

    private func openMeeting() async throws -> String {
        let code = try running.openSession(form: "test-purposes")
        for texts in Self.responses { try await submit(code, texts) }
        return code
    }

    private func runAnalysis(_ code: String, file: StaticString = #filePath, line: UInt = #line) async throws -> (runID: Int64, result: API.AnalysisResult) {
        let started = await running.post("/api/analyst/runs", json: ["formId": "test-purposes", "sessions": [.string(code)]], as: analyst)
        XCTAssertEqual(started.status, .accepted, started.text, file: file, line: line)
        let id = try started.decode(API.StartedRun.self).run.id
        running.application.analysis.waitUntilIdle()
        let document = try await running.get("/api/analyst/runs/\(id)", as: analyst).decode(API.RunDocument.self)
        XCTAssertEqual(document.run.status, "done", document.run.message ?? "", file: file, line: line)
        return (id, try XCTUnwrap(document.result, file: file, line: line))
    }

    private func decide(_ body: JSONValue, run: Int64) async -> Response {
        var members = body.objectValue ?? [:]
        members["run"] = .int(run)
        return await running.post("/api/analyst/forms/test-purposes/decisions", json: .object(members), as: analyst)
    }

    /// Ids of the answers whose text mentions a bus (as the search should find them).
    private static func busIDs(_ result: API.AnalysisResult) -> Set<String> {
        Set(result.answers.filter { $0.text.range(of: "bus", options: .caseInsensitive) != nil }.map(\.answerId))
    }

    func testEachThemeIsSplitByWhatItsQuestionsAskedForWithQuotesOfEachSide() async throws {
        let code = try await openMeeting()
        let (_, result) = try await runAnalysis(code)
        XCTAssertEqual(result.views, ["lexical"], "no model: the run says it read words only")
        for answer in result.answers {
            let question = String(answer.answerId.split(separator: "/").last ?? "")
            let expected = ["aeldre-works": "works", "aeldre-change": "change", "green-idea": "idea"][question]
            XCTAssertEqual(answer.purpose, expected, "the question's purpose reaches \(answer.text)")
        }
        let withSplit = result.themes.filter { !$0.purposes.isEmpty }
        XCTAssertFalse(withSplit.isEmpty, "some theme is split by purpose: \(result.themes.map(\.key))")
        let answersByID = Dictionary(uniqueKeysWithValues: result.answers.map { ($0.answerId, $0) })
        for theme in withSplit {
            let carrying = result.answers.filter { $0.themes.contains(theme.key) }
            for group in theme.purposes {
                let members = carrying.filter { ($0.purpose ?? "none") == group.purpose }
                XCTAssertEqual(group.size, members.count, "\(theme.key) / \(group.purpose)")
                XCTAssertFalse(group.quotes.isEmpty, "every side has quotes of its own")
                for quote in group.quotes {
                    XCTAssertEqual(answersByID[quote.answerId]?.purpose ?? "none", group.purpose, "a quote of its own side")
                    XCTAssertTrue(answersByID[quote.answerId]?.themes.contains(theme.key) == true)
                }
            }
            XCTAssertEqual(theme.purposes.map(\.size).reduce(0, +), carrying.count, "the sides account for every answer of \(theme.key)")
        }
        let elderly = try XCTUnwrap(result.themes.first { $0.key == "aeldreliv" })
        XCTAssertEqual(elderly.kind, "guided")
        XCTAssertTrue(Set(elderly.purposes.map(\.purpose)).isSuperset(of: ["works", "change"]), "\(elderly.purposes.map(\.purpose))")
    }

    func testTheSearchFindsStemsAndCompoundPartsAndCanBeLimitedToATheme() async throws {
        let code = try await openMeeting()
        let (runID, result) = try await runAnalysis(code)
        let found = await running.get("/api/analyst/runs/\(runID)/search?q=bus", as: analyst)
        XCTAssertEqual(found.status, .ok, found.text)
        let search = try found.decode(API.SearchResult.self)
        XCTAssertEqual(search.query, "bus")
        XCTAssertEqual(Set(search.answers.map(\.answerId)), Self.busIDs(result), "bussen, busserne, skolebussen: \(search.answers.map(\.text))")
        XCTAssertEqual(search.count, search.answers.count)
        XCTAssertTrue(search.answers.contains { $0.text.contains("skolebussen") }, "a compound's part is found")

        let either = try await running.get("/api/analyst/runs/\(runID)/search?q=bus,%20solceller", as: analyst).decode(API.SearchResult.self)
        XCTAssertEqual(either.count, search.count + 1, "commas separate alternatives")

        let theme = try XCTUnwrap(search.answers.first?.themes.first)
        let within = try await running.get("/api/analyst/runs/\(runID)/search?q=bus&theme=\(theme)", as: analyst).decode(API.SearchResult.self)
        XCTAssertFalse(within.answers.isEmpty)
        XCTAssertTrue(within.answers.allSatisfy { $0.themes.first == theme }, "only answers counted under \(theme)")

        let empty = await running.get("/api/analyst/runs/\(runID)/search?q=%20og%20", as: analyst)
        XCTAssertEqual(empty.status, .unprocessableContent, "a stop word alone is nothing to search for")
        XCTAssertEqual(try empty.decode(ErrorBody.self).errors?.compactMap(\.field), ["q"])
        let english = await running.get("/api/analyst/runs/\(runID)/search?q=&lang=en", as: analyst)
        XCTAssertEqual(try english.decode(ErrorBody.self).errors?.first?.reason, "Write one or more words to search for.")
        let facilitator = try await running.logIn(.facilitator)
        let refused = await running.get("/api/analyst/runs/\(runID)/search?q=bus", as: facilitator)
        XCTAssertEqual(refused.status, .forbidden)
    }

    func testAThemeFromASearchGathersNewMatchingAnswersWhenTheAnalysisRunsAgain() async throws {
        let code = try await openMeeting()
        let (runID, result) = try await runAnalysis(code)
        let made = await decide(["kind": "themeFromSearch", "query": "bus", "label": "Transport"], run: runID)
        XCTAssertEqual(made.status, .created, made.text)
        let decided = try made.decode(API.Decided.self)
        XCTAssertEqual(decided.decision.kind, "themeFromSearch")
        let transport = try XCTUnwrap(decided.result.themes.first { $0.label == "Transport" })
        XCTAssertEqual(transport.kind, "analyst")
        let gathered = Set(decided.result.answers.filter { $0.themes.first == transport.key }.map(\.answerId))
        XCTAssertEqual(gathered, Self.busIDs(result))
        let beforeByID = Dictionary(uniqueKeysWithValues: result.answers.map { ($0.answerId, $0.themes) })
        let remaining = Set(decided.result.themes.map(\.key))
        for answer in decided.result.answers where gathered.contains(answer.answerId) {
            XCTAssertTrue(answer.decided)
            // A theme all of whose answers went is gone; the rest stay.
            let kept = beforeByID[answer.answerId, default: []].filter { $0 != "other" && remaining.contains($0) }
            XCTAssertEqual(Array(answer.themes.dropFirst()), kept, "the answer keeps the themes it had, after the new one")
        }
        XCTAssertEqual(decided.result.decisions.first?.summary, "Samlede svar, der nævner “bus”, i temaet “Transport” (\(gathered.count) svar i denne analyse)")

        try await submit(code, Self.busAnswer)
        let (_, again) = try await runAnalysis(code)
        let renewed = try XCTUnwrap(again.themes.first { $0.label == "Transport" }, "the decision is replayed on the new run")
        let newAnswer = try XCTUnwrap(again.answers.first { $0.text == Self.busAnswer["aeldre-change"] })
        XCTAssertEqual(newAnswer.themes.first, renewed.key, "the new bus answer joins the theme")
        XCTAssertEqual(Set(again.answers.filter { $0.themes.first == renewed.key }.map(\.answerId)), Self.busIDs(again))
        XCTAssertEqual(again.decisions.map(\.applied), [true])
        XCTAssertEqual(again.decisions.first?.summary, "Samlede svar, der nævner “bus”, i temaet “Transport” (\(gathered.count + 1) svar i denne analyse)")
    }

    func testMovingEveryAnswerOfASearchAndSplittingOneOffAreReplayedOnARerun() async throws {
        let code = try await openMeeting()
        let (runID, result) = try await runAnalysis(code)
        let moved = await decide(["kind": "moveMatching", "query": "bus", "to": "groen"], run: runID)
        XCTAssertEqual(moved.status, .created, moved.text)
        let afterMove = try moved.decode(API.Decided.self).result
        for answer in afterMove.answers where Self.busIDs(result).contains(answer.answerId) {
            XCTAssertEqual(answer.themes, ["groen"], answer.text)
        }
        XCTAssertEqual(afterMove.decisions.last?.summary, "Flyttede svar, der nævner “bus”, til “Grøn omstilling” (\(Self.busIDs(result).count) svar i denne analyse)")

        let split = await decide(["kind": "splitMatching", "theme": "groen", "query": "aftenen, plejecentret", "label": "Aftenbusser"], run: runID)
        XCTAssertEqual(split.status, .created, split.text)
        let afterSplit = try split.decode(API.Decided.self).result
        let evening = try XCTUnwrap(afterSplit.themes.first { $0.label == "Aftenbusser" })
        XCTAssertEqual(afterSplit.answers.filter { $0.themes == [evening.key] }.map(\.text), ["Der mangler en bus om aftenen ude på landet"])

        try await submit(code, Self.busAnswer)
        let (_, again) = try await runAnalysis(code)
        XCTAssertEqual(again.decisions.map(\.kind), ["moveMatching", "splitMatching"])
        XCTAssertEqual(again.decisions.map(\.applied), [true, true])
        let renewed = try XCTUnwrap(again.themes.first { $0.label == "Aftenbusser" })
        XCTAssertEqual(Set(again.answers.filter { $0.themes == [renewed.key] }.map(\.text)),
                       ["Der mangler en bus om aftenen ude på landet", "Bussen holder for langt fra plejecentret"],
                       "the new answer is moved with the search, then split off with the other")
        let refused = await decide(["kind": "splitMatching", "theme": .string(evening.key), "query": "solceller", "label": "Sol"], run: runID)
        XCTAssertEqual(refused.status, .unprocessableContent, "no answer about solar cells is in the evening-bus theme")
        XCTAssertEqual(try refused.decode(ErrorBody.self).errors?.first?.reason, "Søgningen finder ingen svar i temaet.")
        let nothing = await decide(["kind": "moveMatching", "query": "ubåd", "to": "groen"], run: runID)
        XCTAssertEqual(nothing.status, .unprocessableContent)
        XCTAssertEqual(try nothing.decode(ErrorBody.self).errors?.compactMap(\.field), ["query"])
    }

    func testHandPickedAnswersMoveTogetherAsOneDecisionThatOutlivesARerun() async throws {
        let code = try await openMeeting()
        let (runID, result) = try await runAnalysis(code)
        let picked = result.answers.filter { $0.text.contains("ældre") }.prefix(3).map(\.answerId)
        XCTAssertEqual(picked.count, 3)
        let moved = await decide(["kind": "moveAnswers", "answers": .array(picked.map(JSONValue.string)), "to": "groen"], run: runID)
        XCTAssertEqual(moved.status, .created, moved.text)
        let after = try moved.decode(API.Decided.self).result
        XCTAssertEqual(after.decisions.count, 1, "one decision for all of them")
        XCTAssertEqual(after.decisions.first?.summary, "Flyttede 3 svar til “Grøn omstilling”")
        for id in picked {
            let answer = try XCTUnwrap(after.answers.first { $0.answerId == id })
            XCTAssertEqual(answer.themes, ["groen"])
            XCTAssertTrue(answer.decided)
        }
        try await submit(code, Self.busAnswer)
        let (_, again) = try await runAnalysis(code)
        for id in picked { XCTAssertEqual(again.answers.first { $0.answerId == id }?.themes, ["groen"]) }
        let unknown = await decide(["kind": "moveAnswers", "answers": ["no-such/answer"], "to": "groen"], run: runID)
        XCTAssertEqual(unknown.status, .unprocessableContent)
        XCTAssertEqual(try unknown.decode(ErrorBody.self).errors?.compactMap(\.field), ["answers"])
        let kinds = await decide(["kind": "teleport"], run: runID)
        XCTAssertTrue(try kinds.decode(ErrorBody.self).errors?.first?.reason.contains("themeFromSearch") == true)
    }

    func testTheReportAndTheExportsSplitEachThemeByPurpose() async throws {
        let code = try await openMeeting()
        let (_, result) = try await runAnalysis(code)
        let html = await running.get("/api/analyst/export?sessions=\(code)&format=html", as: analyst).text
        XCTAssertTrue(html.contains("<div class=\"purposes\">"), "the report splits themes by purpose")
        XCTAssertTrue(html.contains(">Det virker <span class=\"count\">"))
        XCTAssertTrue(html.contains(">Det skal ændres <span class=\"count\">"))
        let elderly = try XCTUnwrap(result.themes.first { $0.key == "aeldreliv" })
        for group in elderly.purposes where group.purpose != "none" {
            let first = try XCTUnwrap(group.quotes.first)
            XCTAssertTrue(html.contains("<p>\(first.text)</p>"), "the report quotes \(first.text) on its side")
        }

        let json = try await running.get("/api/analyst/export?sessions=\(code)&format=json", as: analyst).decode(API.Export.self)
        let exported = try XCTUnwrap(json.themes?.themes.first { $0.key == "aeldreliv" })
        XCTAssertEqual(exported.purposes.map(\.purpose), elderly.purposes.map(\.purpose))
        XCTAssertEqual(exported.purposes.map(\.size), elderly.purposes.map(\.size))
        XCTAssertEqual(exported.purposes.map(\.quotes), elderly.purposes.map { $0.quotes.map(\.answerId) })

        let xlsx = await running.get("/api/analyst/export?sessions=\(code)&format=xlsx", as: analyst)
        let sheet = try XCTUnwrap(try SpreadsheetCells.read(xlsx.body)["Temaer efter formål"], "the workbook has the purpose sheet")
        XCTAssertEqual(sheet.first, ["Tema", "Nøgle", "Formål", "Svar", "Citater"])
        let rows = sheet.dropFirst().filter { $0[1] == "aeldreliv" }
        let words = ["works": "Det virker", "change": "Det skal ændres", "idea": "Idéer", "none": "Øvrige svar"]
        XCTAssertEqual(rows.map { $0[2] }, elderly.purposes.map { words[$0.purpose]! })
        XCTAssertEqual(rows.map { Double($0[3]) }, elderly.purposes.map { Double($0.size) })
        XCTAssertTrue(rows.first?[4].contains(elderly.purposes[0].quotes[0].text) == true, "quotes of each side")
    }
}
