import Foundation
import XCTest
@testable import ThemeAnalysis

/// Analyst decisions: each kind, refusals, and replaying them on a later run with more answers.
final class ThemeDecisionTests: XCTestCase {
    // MARK: - Fixtures

    private static func assignment(_ id: String, _ themes: [String], _ scores: [Double], terms: [String] = []) -> ThemeAssignment {
        ThemeAssignment(id: id, themes: themes, scores: scores, terms: terms)
    }

    /// A guided run: two guided themes, two emerging themes (hall, dogs), and `other`.
    static let firstRun = ThemeAnalysisResult(
        themes: [
            Theme(key: "aeldre", label: "Det gode ældreliv", terms: ["ældre", "plejehjem"], size: 2, quotes: ["a1", "a2"], kind: .guided),
            Theme(key: "transport", label: "Transport", terms: ["bus", "cykelsti"], size: 2, quotes: ["a3", "a4"], kind: .guided),
            Theme(key: "emerging-1", label: "hal, trænere, idræt", terms: ["hal", "trænere", "idræt"], size: 2, quotes: ["a5", "a6"], kind: .emerging),
            Theme(key: "emerging-2", label: "hund, hundeskov, luftning", terms: ["hund", "hundeskov", "luftning"], size: 2,
                  quotes: ["a7", "a8"], kind: .emerging),
            Theme(key: "other", label: "Andet / other", terms: ["vejr"], size: 5, quotes: [], kind: .other),
        ],
        assignments: [
            assignment("a1", ["aeldre"], [0.5], terms: ["ældre"]),
            assignment("a2", ["aeldre", "transport"], [0.4, 0.35], terms: ["plejehjem", "bus"]),
            assignment("a3", ["transport"], [0.6], terms: ["bus"]),
            assignment("a4", ["transport"], [0.3], terms: ["cykelsti"]),
            assignment("a5", ["other", "emerging-1"], [0, 0.5], terms: ["hal", "trænere"]),
            assignment("a6", ["other", "emerging-1", "emerging-2"], [0, 0.4, 0.35], terms: ["Hal", "hund"]),
            assignment("a7", ["other", "emerging-2"], [0, 0.6], terms: ["hundeskov", "hund"]),
            assignment("a8", ["other", "emerging-2"], [0, 0.5], terms: ["hund", "luftning"]),
            assignment("a9", ["other"], [0]),
        ]
    )

    /// The same meeting with more answers: the dog theme is now larger, so the emerging keys swapped.
    static let secondRun = ThemeAnalysisResult(
        themes: [
            Theme(key: "aeldre", label: "Det gode ældreliv", terms: ["ældre", "plejehjem"], size: 2, quotes: ["a1", "a2"], kind: .guided),
            Theme(key: "transport", label: "Transport", terms: ["bus", "cykelsti"], size: 3, quotes: ["a3", "a12", "a4"], kind: .guided),
            Theme(key: "emerging-1", label: "hund, hundeskov, snor", terms: ["hund", "hundeskov", "snor"], size: 3,
                  quotes: ["a7", "a10", "a8"], kind: .emerging),
            Theme(key: "emerging-2", label: "hal, trænere, baner", terms: ["hal", "trænere", "baner"], size: 3,
                  quotes: ["a5", "a11", "a6"], kind: .emerging),
            Theme(key: "other", label: "Andet / other", terms: ["vejr"], size: 7, quotes: [], kind: .other),
        ],
        assignments: [
            assignment("a1", ["aeldre"], [0.5]),
            assignment("a2", ["aeldre", "transport"], [0.4, 0.35]),
            assignment("a3", ["transport"], [0.6]),
            assignment("a4", ["transport"], [0.3]),
            assignment("a5", ["other", "emerging-2"], [0, 0.5]),
            assignment("a6", ["other", "emerging-2", "emerging-1"], [0, 0.4, 0.35]),
            assignment("a7", ["other", "emerging-1"], [0, 0.6]),
            assignment("a8", ["other", "emerging-1"], [0, 0.5]),
            assignment("a9", ["other"], [0]),
            assignment("a10", ["other", "emerging-1"], [0, 0.55]),
            assignment("a11", ["other", "emerging-2"], [0, 0.45]),
            assignment("a12", ["transport"], [0.5]),
        ]
    )

    private func reference(_ key: String, in result: ThemeAnalysisResult = firstRun) throws -> ThemeReference {
        try XCTUnwrap(result.reference(to: key), "no theme \(key)")
    }

    private func theme(_ key: String, in result: ThemeAnalysisResult, file: StaticString = #filePath, line: UInt = #line) throws -> Theme {
        try XCTUnwrap(result.themes.first { $0.key == key }, "no theme \(key)", file: file, line: line)
    }

    private func themes(of answerID: String, in result: ThemeAnalysisResult) -> [String]? {
        result.assignments.first { $0.id == answerID }?.themes
    }

    /// Applies decisions and checks that every one of them applied fully.
    private func applyingAll(_ decisions: [ThemeDecision], to result: ThemeAnalysisResult,
                             file: StaticString = #filePath, line: UInt = #line) -> ThemeAnalysisResult {
        let (applied, outcomes) = result.applying(decisions)
        XCTAssertEqual(outcomes, decisions.indices.map { DecisionOutcome(index: $0, applied: true) }, file: file, line: line)
        return applied
    }

    private func sortedJSON<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: - Nothing to do

    func testNoDecisionsAndNoOpDecisionsKeepTheResult() throws {
        for run in [Self.firstRun, Self.secondRun] {
            XCTAssertEqual(run.applying([]).result, run)
            XCTAssertEqual(run.applying([]).outcomes, [])
            // A rename to the same label runs the whole settling step, which must not change a machine result.
            let same = applyingAll([.rename(theme: try reference("transport", in: run), label: "Transport")], to: run)
            XCTAssertEqual(same, run)
        }
    }

    func testSettlingKeepsRealAnalyzerResults() throws {
        let answers = ThemeAnalyzerTests.answers
        let results = [
            ThemeAnalyzer().discover(answers),
            ThemeAnalyzer(options: ThemeAnalysisOptions(themeCount: 3)).discover(answers),
            ThemeAnalyzer(options: ThemeAnalysisOptions(minimumEmergingAnswers: 2)).assign(answers, to: ThemeAnalyzerTests.guidedThemes),
        ]
        for result in results {
            let first = try XCTUnwrap(result.themes.first)
            XCTAssertEqual(applyingAll([.rename(theme: try reference(first.key, in: result), label: first.label)], to: result), result)
        }
    }

    // MARK: - Rename

    func testRenameGuidedThemeByKey() throws {
        let result = applyingAll([.rename(theme: ThemeReference(key: "transport"), label: "  Trafik og veje ")], to: Self.firstRun)
        XCTAssertEqual(try theme("transport", in: result).label, "Trafik og veje")
        XCTAssertEqual(result.assignments, Self.firstRun.assignments)
    }

    func testRenameOfEmergingThemeSurvivesRerunWhereItsKeyChanged() throws {
        let decisions: [ThemeDecision] = [.rename(theme: try reference("emerging-1"), label: "Idrætshaller")]
        XCTAssertEqual(try theme("emerging-1", in: applyingAll(decisions, to: Self.firstRun)).label, "Idrætshaller")

        let rerun = applyingAll(decisions, to: Self.secondRun)
        // The hall theme is emerging-2 in the second run; emerging-1 is now the dogs and keeps its label.
        XCTAssertEqual(try theme("emerging-2", in: rerun).label, "Idrætshaller")
        XCTAssertEqual(try theme("emerging-1", in: rerun).label, "hund, hundeskov, snor")
    }

    // MARK: - Reference matching

    func testReferenceCarriesTheThemesTerms() {
        XCTAssertEqual(Self.firstRun.reference(to: "emerging-2"), ThemeReference(key: "emerging-2", terms: ["hund", "hundeskov", "luftning"]))
        XCTAssertNil(Self.firstRun.reference(to: "emerging-9"))
    }

    func testMatchingPrefersSameKeyThenMostOverlapThenEarlierTheme() {
        let themes = [
            Theme(key: "emerging-1", label: "", terms: ["a", "b", "c", "d"], size: 1, quotes: [], kind: .emerging),
            Theme(key: "emerging-2", label: "", terms: ["a", "b", "x", "y"], size: 1, quotes: [], kind: .emerging),
            Theme(key: "emerging-3", label: "", terms: ["a", "b", "x", "y"], size: 1, quotes: [], kind: .emerging),
            Theme(key: "sport", label: "", terms: ["a", "b", "c", "d"], size: 1, quotes: [], kind: .guided),
        ]
        // Same key with enough overlap (2/6 ≥ 0.2) wins over a better overlap elsewhere.
        XCTAssertEqual(ThemeReference(key: "emerging-1", terms: ["A", "B", "x", "y"]).position(in: themes), 0)
        // Same key without enough overlap: the best overlap, ties to the earlier theme.
        XCTAssertEqual(ThemeReference(key: "emerging-1", terms: ["x", "y"]).position(in: themes), 1)
        XCTAssertEqual(ThemeReference(key: "emerging-7", terms: ["c", "d"]).position(in: themes), 0)
        // Below the threshold (1/5 = 0.2 passes, 1/6 does not): nothing.
        XCTAssertEqual(ThemeReference(key: "emerging-7", terms: ["d", "q"]).position(in: themes), 0)
        XCTAssertNil(ThemeReference(key: "emerging-7", terms: ["d", "q", "r"]).position(in: themes))
        // Stable keys match by key, whatever the terms; a stable key that is gone is not searched for by terms.
        XCTAssertEqual(ThemeReference(key: "sport", terms: ["zzz"]).position(in: themes), 3)
        XCTAssertNil(ThemeReference(key: "analyst-12345678", terms: ["a", "b", "c", "d"]).position(in: themes))
        XCTAssertEqual(ThemeReference(key: "emerging-2").position(in: themes), 1)
    }

    // MARK: - Merge

    func testMergeUnionsAnswersAndKeepsTheFirstKey() throws {
        let decisions: [ThemeDecision] = [.merge(themes: [try reference("emerging-1"), try reference("emerging-2")], label: "Fritid")]
        let result = applyingAll(decisions, to: Self.firstRun)

        XCTAssertEqual(result.themes.map(\.key), ["aeldre", "transport", "emerging-1", "other"])
        let merged = try theme("emerging-1", in: result)
        XCTAssertEqual(merged.label, "Fritid")
        XCTAssertEqual(merged.kind, .emerging)
        XCTAssertEqual(merged.terms, ["hal", "trænere", "idræt", "hund", "hundeskov", "luftning"])
        XCTAssertEqual(merged.size, 4)
        // Quotes of both parts in turns, as many as the longer list had.
        XCTAssertEqual(merged.quotes, ["a5", "a7"])
        XCTAssertEqual(try theme("other", in: result).size, 5)
        XCTAssertEqual(themes(of: "a6", in: result), ["other", "emerging-1"])
        XCTAssertEqual(result.assignments.first { $0.id == "a6" }?.scores, [0, 0.4])
        XCTAssertEqual(themes(of: "a8", in: result), ["other", "emerging-1"])
    }

    func testMergeWithoutLabelKeepsTheFirstLabelAndMovesGuidedAnswersOutOfOther() throws {
        let decisions: [ThemeDecision] = [.merge(themes: [ThemeReference(key: "aeldre"), try reference("emerging-2")], label: nil)]
        let result = applyingAll(decisions, to: Self.firstRun)
        let merged = try theme("aeldre", in: result)
        XCTAssertEqual(merged.label, "Det gode ældreliv")
        XCTAssertEqual(merged.size, 4)
        // Answers of the emerging theme now belong to a guided theme, so they are no longer in `other`.
        XCTAssertEqual(themes(of: "a7", in: result), ["aeldre"])
        XCTAssertEqual(themes(of: "a6", in: result), ["other", "emerging-1", "aeldre"])
        XCTAssertEqual(try theme("other", in: result).size, 3)
        XCTAssertFalse(result.themes.contains { $0.key == "emerging-2" })
    }

    func testMergeThenRerunTakesNewAnswersIntoTheMergedTheme() throws {
        let merge = ThemeDecision.merge(themes: [try reference("emerging-1"), try reference("emerging-2")], label: "Fritid")
        let merged = applyingAll([merge], to: Self.firstRun)
        // A later decision is made on the merged theme, whose reference carries the merged terms.
        let rename = ThemeDecision.rename(theme: try reference("emerging-1", in: merged), label: "Fritid og hunde")
        let decisions = [merge, rename]

        let rerun = applyingAll(decisions, to: Self.secondRun)
        // The kept theme was the hall theme, which is emerging-2 in the second run.
        XCTAssertEqual(rerun.themes.map(\.key), ["aeldre", "transport", "emerging-2", "other"])
        let theme = try theme("emerging-2", in: rerun)
        XCTAssertEqual(theme.label, "Fritid og hunde")
        XCTAssertEqual(theme.size, 6)
        XCTAssertEqual(theme.terms, ["hal", "trænere", "baner", "hund", "hundeskov", "snor"])
        for newAnswer in ["a10", "a11"] {
            XCTAssertEqual(themes(of: newAnswer, in: rerun), ["other", "emerging-2"], newAnswer)
        }
    }

    func testMergeWithSomeThemesMissingMergesTheRestAndSaysSo() throws {
        let (result, outcomes) = Self.firstRun.applying([
            .merge(themes: [ThemeReference(key: "aeldre"), ThemeReference(key: "transport"), ThemeReference(key: "kultur")], label: nil),
        ])
        XCTAssertEqual(outcomes.map(\.applied), [true])
        XCTAssertTrue(outcomes[0].reason?.contains("\"kultur\"") ?? false, "\(outcomes)")
        XCTAssertEqual(try theme("aeldre", in: result).size, 4)
        XCTAssertEqual(themes(of: "a2", in: result), ["aeldre"])
    }

    // MARK: - Split

    func testSplitMakesAnAnalystThemeAfterItsSource() throws {
        let decisions: [ThemeDecision] = [.split(theme: try reference("emerging-2"), answerIDs: ["a8", "a7"], label: "Hundeskove")]
        let result = applyingAll(decisions, to: Self.firstRun)

        let analystKey = try XCTUnwrap(result.themes.first { $0.kind == .analyst }?.key)
        XCTAssertTrue(analystKey.hasPrefix("analyst-"))
        XCTAssertEqual(analystKey.count, "analyst-".count + 8)
        // emerging-2 lost every answer whose first theme it was, so it is gone; a6 no longer points to it.
        XCTAssertEqual(result.themes.map(\.key), ["aeldre", "transport", "emerging-1", analystKey, "other"])
        let analyst = try theme(analystKey, in: result)
        XCTAssertEqual(analyst.label, "Hundeskove")
        XCTAssertEqual(analyst.size, 2)
        XCTAssertEqual(analyst.quotes, ["a8", "a7"])
        XCTAssertEqual(analyst.terms, ["hund", "luftning", "hundeskov"])
        XCTAssertEqual(themes(of: "a8", in: result), [analystKey])
        XCTAssertEqual(themes(of: "a6", in: result), ["other", "emerging-1"])
        XCTAssertEqual(try theme("other", in: result).size, 3)
    }

    func testSplitAnswersStaySplitOnRerun() throws {
        let split = ThemeDecision.split(theme: try reference("emerging-2"), answerIDs: ["a8"], label: "Hundeskove")
        let first = applyingAll([split], to: Self.firstRun)
        let analystKey = try XCTUnwrap(first.themes.first { $0.kind == .analyst }?.key)
        XCTAssertEqual(try theme("emerging-2", in: first).quotes, ["a7"])
        // The analyst theme's key is stable, so later decisions can refer to it by key.
        let rename = ThemeDecision.rename(theme: try reference(analystKey, in: first), label: "Hundeskove og snor")

        var second = Self.secondRun
        // In the new run the machine put a8 somewhere else entirely: the analyst's split still holds.
        second.assignments[7] = ThemeAssignment(id: "a8", themes: ["aeldre"], scores: [0.2], terms: [])
        let rerun = applyingAll([split, rename], to: second)
        XCTAssertEqual(rerun.themes.map(\.key), ["aeldre", "transport", "emerging-1", analystKey, "emerging-2", "other"])
        XCTAssertEqual(themes(of: "a8", in: rerun), [analystKey])
        XCTAssertEqual(try theme(analystKey, in: rerun).label, "Hundeskove og snor")
        XCTAssertEqual(try theme(analystKey, in: rerun).size, 1)
        XCTAssertEqual(try theme("emerging-1", in: rerun).size, 2)
    }

    func testTwoSplitsWithTheSameLabelGetDifferentKeys() throws {
        let result = applyingAll([
            .split(theme: ThemeReference(key: "transport"), answerIDs: ["a3"], label: "Ny"),
            .split(theme: ThemeReference(key: "aeldre"), answerIDs: ["a1"], label: "Ny"),
        ], to: Self.firstRun)
        let base = "analyst-" + StableHash.hex(of: "Ny")
        // Each new theme follows its source: the second split's theme comes after `aeldre`.
        XCTAssertEqual(result.themes.map(\.key), ["aeldre", base + "-2", "transport", base, "emerging-1", "emerging-2", "other"])
    }

    // MARK: - Move and off-topic

    func testMovePutsTheAnswerInTheTargetOnly() throws {
        let result = applyingAll([
            .move(answerID: "a2", to: ThemeReference(key: "transport")),
            .move(answerID: "a4", to: ThemeReference(key: "aeldre")),
            .move(answerID: "a9", to: try reference("emerging-2")),
        ], to: Self.firstRun)
        XCTAssertEqual(result.assignments.first { $0.id == "a2" }.map { [$0.themes.joined(), "\($0.scores)"] }, ["transport", "[0.35]"])
        XCTAssertEqual(result.assignments.first { $0.id == "a4" }.map { [$0.themes.joined(), "\($0.scores)"] }, ["aeldre", "[0.0]"])
        XCTAssertEqual(themes(of: "a9", in: result), ["emerging-2"])
        XCTAssertEqual(try theme("aeldre", in: result).size, 2)
        XCTAssertEqual(try theme("aeldre", in: result).quotes, ["a1"])
        XCTAssertEqual(try theme("transport", in: result).size, 2)
        XCTAssertEqual(try theme("transport", in: result).quotes, ["a3"])
        XCTAssertEqual(try theme("emerging-2", in: result).size, 3)
        XCTAssertEqual(try theme("other", in: result).size, 4)
    }

    func testMovedAnswersStayWhereTheAnalystPutThemOnRerun() throws {
        let decisions: [ThemeDecision] = [
            .move(answerID: "a9", to: try reference("emerging-2")),
            .move(answerID: "a3", to: try reference("emerging-1")),
        ]
        let rerun = applyingAll(decisions, to: Self.secondRun)
        XCTAssertEqual(themes(of: "a9", in: rerun), ["emerging-1"])
        XCTAssertEqual(themes(of: "a3", in: rerun), ["emerging-2"])
        XCTAssertEqual(try theme("transport", in: rerun).quotes, ["a12", "a4"])
        XCTAssertEqual(try theme("emerging-1", in: rerun).size, 4)
    }

    func testSeveralAnswersMoveTogetherAsOneDecisionAndStayOnRerun() throws {
        let decision = ThemeDecision.moveAnswers(answerIDs: ["a2", "a9", "a9", "gone"], to: try reference("emerging-2"))
        let (result, outcomes) = Self.firstRun.applying([decision])
        XCTAssertEqual(outcomes.map(\.applied), [true])
        XCTAssertEqual(outcomes.first?.reason, "1 of the 3 answers are not in this run")
        XCTAssertEqual(themes(of: "a2", in: result), ["emerging-2"])
        XCTAssertEqual(themes(of: "a9", in: result), ["emerging-2"])
        XCTAssertEqual(try theme("emerging-2", in: result).size, 4)
        XCTAssertEqual(try theme("aeldre", in: result).quotes, ["a1"])
        XCTAssertEqual(decision.answerIDs, ["a2", "a9", "a9", "gone"])
        let (rerun, replayed) = Self.secondRun.applying([decision])
        XCTAssertEqual(replayed.map(\.applied), [true])
        XCTAssertEqual(themes(of: "a2", in: rerun), ["emerging-1"], "the dog theme, numbered 1 in the second run")
        XCTAssertEqual(themes(of: "a9", in: rerun), ["emerging-1"])
        let (_, refused) = Self.firstRun.applying([.moveAnswers(answerIDs: ["gone"], to: ThemeReference(key: "aeldre"))])
        XCTAssertEqual(refused.first?.reason, "none of the answers to move is in this run")
    }

    func testOffTopicAnswersLeaveEveryOtherTheme() throws {
        let decisions: [ThemeDecision] = [.offTopic(answerID: "a6"), .offTopic(answerID: "a2")]
        let result = applyingAll(decisions, to: Self.firstRun)
        let offTopic = try theme("off-topic", in: result)
        XCTAssertEqual(offTopic, Theme(key: "off-topic", label: "Uden for emnet", terms: [], size: 2, quotes: [], kind: .offTopic))
        XCTAssertEqual(result.themes.last?.key, "off-topic")
        XCTAssertEqual(themes(of: "a6", in: result), ["off-topic"])
        XCTAssertEqual(themes(of: "a2", in: result), ["off-topic"])
        XCTAssertEqual(try theme("emerging-1", in: result).quotes, ["a5"])
        XCTAssertEqual(try theme("emerging-1", in: result).size, 1)
        XCTAssertEqual(try theme("aeldre", in: result).size, 1)
        XCTAssertEqual(try theme("other", in: result).size, 4)
        XCTAssertFalse(result.assignments.contains { $0.themes.count > 1 && $0.themes.contains("off-topic") })

        let rerun = applyingAll(decisions, to: Self.secondRun)
        XCTAssertEqual(themes(of: "a6", in: rerun), ["off-topic"])
        XCTAssertEqual(try theme("off-topic", in: rerun).size, 2)
    }

    func testMergingAThemeIntoOffTopicKeepsItsAnswersOutOfOtherThemes() throws {
        let result = applyingAll([
            .offTopic(answerID: "a9"),
            .merge(themes: [ThemeReference(key: "off-topic"), try reference("emerging-2")], label: nil),
        ], to: Self.firstRun)
        XCTAssertEqual(themes(of: "a7", in: result), ["off-topic"])
        XCTAssertEqual(themes(of: "a6", in: result), ["other", "emerging-1"])
        XCTAssertEqual(try theme("off-topic", in: result).size, 3)
    }

    // MARK: - Empty themes

    func testEmptyThemesDisappearExceptGuidedOnes() throws {
        let result = applyingAll([
            .move(answerID: "a1", to: ThemeReference(key: "transport")),
            .move(answerID: "a2", to: ThemeReference(key: "transport")),
            .move(answerID: "a7", to: try reference("emerging-1")),
            .move(answerID: "a8", to: try reference("emerging-1")),
        ], to: Self.firstRun)
        let aeldre = try theme("aeldre", in: result)
        XCTAssertEqual(aeldre.size, 0)
        XCTAssertEqual(aeldre.quotes, [])
        XCTAssertEqual(result.themes.map(\.key), ["aeldre", "transport", "emerging-1", "other"])
        // a6's second theme is gone, and so is its key.
        XCTAssertEqual(themes(of: "a6", in: result), ["other", "emerging-1"])
        XCTAssertEqual(result.assignments.first { $0.id == "a6" }?.scores, [0, 0.4])
        // a7 and a8 were placed by hand, so they no longer count as answers that fit nowhere.
        XCTAssertEqual(result.themes.map(\.size), [0, 4, 4, 3])
    }

    func testSizesQuotesAndKeysAgreeWithTheAssignmentsAfterEveryDecision() throws {
        let analystKey = "analyst-" + StableHash.hex(of: "Cykler")
        let decisions: [ThemeDecision] = [
            .move(answerID: "a1", to: ThemeReference(key: "transport")),
            .offTopic(answerID: "a6"),
            .merge(themes: [try reference("emerging-1"), try reference("emerging-2")], label: nil),
            .split(theme: ThemeReference(key: "transport"), answerIDs: ["a3", "a4", "a12"], label: "Cykler"),
            .move(answerID: "a9", to: ThemeReference(key: analystKey)),
            .move(answerID: "a7", to: ThemeReference(key: "aeldre")),
            .offTopic(answerID: "a7"),
            .move(answerID: "a6", to: ThemeReference(key: "other")),
            .merge(themes: [ThemeReference(key: "aeldre"), ThemeReference(key: "off-topic")], label: "Ældre m.m."),
            .move(answerID: "a2", to: ThemeReference(key: analystKey)),
        ]
        for run in [Self.firstRun, Self.secondRun] {
            for end in 0...decisions.count {
                let result = run.applying(Array(decisions.prefix(end))).result
                let keys = Set(result.themes.map(\.key))
                XCTAssertEqual(keys.count, result.themes.count)
                for theme in result.themes {
                    let members = result.assignments.filter {
                        theme.key == "other" ? $0.themes.first == "other" : $0.effectiveThemeKey == theme.key
                    }
                    XCTAssertEqual(theme.size, members.count, "\(theme.key) after \(end)")
                    XCTAssertTrue(theme.size > 0 || theme.kind == .guided, "\(theme.key) after \(end)")
                    for quote in theme.quotes {
                        XCTAssertTrue(members.contains { $0.id == quote }, "\(quote) in \(theme.key) after \(end)")
                    }
                }
                for assignment in result.assignments {
                    XCTAssertEqual(assignment.themes.count, assignment.scores.count, assignment.id)
                    XCTAssertTrue(assignment.themes.allSatisfy(keys.contains), "\(assignment) after \(end)")
                    XCTAssertEqual(Set(assignment.themes).count, assignment.themes.count, assignment.id)
                }
            }
        }
        let outcomes = Self.firstRun.applying(decisions).outcomes
        XCTAssertEqual(outcomes.map(\.applied), Array(repeating: true, count: decisions.count), "\(outcomes)")
    }

    // MARK: - Decisions that cannot apply

    func testDecisionsThatCannotApplyChangeNothingAndSayWhy() throws {
        let unrelated = ThemeReference(key: "emerging-1", terms: ["kunst", "museum"])
        let cases: [(ThemeDecision, String)] = [
            (.rename(theme: ThemeReference(key: "kultur"), label: "Kultur"), "\"kultur\""),
            (.rename(theme: unrelated, label: "Kunst"), "kunst, museum"),
            (.rename(theme: ThemeReference(key: "aeldre"), label: "   "), "empty"),
            (.merge(themes: [ThemeReference(key: "aeldre")], label: nil), "two themes"),
            (.merge(themes: [ThemeReference(key: "kultur"), ThemeReference(key: "aeldre")], label: nil), "\"kultur\""),
            (.merge(themes: [ThemeReference(key: "aeldre"), ThemeReference(key: "kultur")], label: nil), "\"kultur\""),
            (.merge(themes: [ThemeReference(key: "aeldre"), ThemeReference(key: "transport")], label: ""), "empty"),
            (.split(theme: ThemeReference(key: "transport"), answerIDs: ["a99"], label: "Ny"), "none of the answers"),
            (.split(theme: ThemeReference(key: "transport"), answerIDs: [], label: "Ny"), "no answers"),
            (.split(theme: ThemeReference(key: "kultur"), answerIDs: ["a3"], label: "Ny"), "\"kultur\""),
            (.split(theme: ThemeReference(key: "transport"), answerIDs: ["a3"], label: ""), "empty"),
            (.move(answerID: "a99", to: ThemeReference(key: "aeldre")), "\"a99\""),
            (.move(answerID: "a1", to: ThemeReference(key: "kultur")), "\"kultur\""),
            (.offTopic(answerID: "a99"), "\"a99\""),
        ]
        for (decision, expected) in cases {
            let (result, outcomes) = Self.firstRun.applying([decision])
            XCTAssertEqual(result, Self.firstRun, "\(decision)")
            XCTAssertEqual(outcomes.count, 1)
            XCTAssertEqual(outcomes.first?.applied, false, "\(decision)")
            let reason = outcomes.first?.reason ?? ""
            XCTAssertTrue(reason.contains(expected), "\(decision): \(reason)")
        }
    }

    func testRefusedDecisionsAreReportedInPlaceAndTheRestStillApply() throws {
        let (result, outcomes) = Self.firstRun.applying([
            .merge(themes: [ThemeReference(key: "aeldre"), ThemeReference(key: "transport")], label: "Hverdagsliv"),
            .rename(theme: ThemeReference(key: "transport"), label: "Trafik"),
            .offTopic(answerID: "a9"),
            .move(answerID: "a42", to: ThemeReference(key: "aeldre")),
        ])
        XCTAssertEqual(outcomes.map(\.index), [0, 1, 2, 3])
        XCTAssertEqual(outcomes.map(\.applied), [true, false, true, false])
        XCTAssertNil(outcomes[0].reason)
        XCTAssertNotNil(outcomes[1].reason)
        XCTAssertEqual(try theme("aeldre", in: result).label, "Hverdagsliv")
        XCTAssertEqual(try theme("aeldre", in: result).size, 4)
        XCTAssertEqual(themes(of: "a9", in: result), ["off-topic"])
    }

    func testSplitWithSomeAnswersMissingSplitsTheRest() throws {
        let (result, outcomes) = Self.firstRun.applying([
            .split(theme: ThemeReference(key: "transport"), answerIDs: ["a3", "a77"], label: "Busser"),
        ])
        XCTAssertEqual(outcomes.first?.applied, true)
        XCTAssertEqual(outcomes.first?.reason, "1 of the 2 answers are not in this run")
        XCTAssertEqual(result.themes.first { $0.kind == .analyst }?.size, 1)
    }

    // MARK: - Determinism and storage

    func testSameInputsGiveEqualOutputs() throws {
        let decisions: [ThemeDecision] = [
            .merge(themes: [try reference("emerging-1"), try reference("emerging-2")], label: nil),
            .split(theme: ThemeReference(key: "transport"), answerIDs: ["a4", "a3"], label: "Cykler"),
            .offTopic(answerID: "a9"),
            .move(answerID: "a1", to: ThemeReference(key: "transport")),
            .rename(theme: ThemeReference(key: "aeldre"), label: "Ældre"),
        ]
        for run in [Self.firstRun, Self.secondRun] {
            let first = run.applying(decisions)
            let second = run.applying(decisions)
            XCTAssertEqual(first.result, second.result)
            XCTAssertEqual(first.outcomes, second.outcomes)
            XCTAssertEqual(try sortedJSON(first.result), try sortedJSON(second.result))
        }
        // The analyst key depends on the label only, so it is the same in every process.
        let key = Self.firstRun.applying(decisions).result.themes.first { $0.kind == .analyst }?.key
        XCTAssertEqual(key, "analyst-" + StableHash.hex(of: "Cykler"))
        XCTAssertEqual(StableHash.hex(of: "Cykler"), StableHash.hex(of: "Cykler"))
        XCTAssertNotEqual(StableHash.hex(of: "Cykler"), StableHash.hex(of: "Cykel"))
        // Decomposed and precomposed spellings of a Danish label give the same key.
        XCTAssertEqual(StableHash.hex(of: "Ældre"), StableHash.hex(of: "A\u{0308}ldre".replacingOccurrences(of: "A\u{0308}", with: "Æ")))
        XCTAssertEqual(StableHash.hex(of: "Å"), StableHash.hex(of: "A\u{030A}"))
    }

    func testDecisionsEncodeWithStableFieldNamesAndRoundTrip() throws {
        let cases: [(ThemeDecision, String)] = [
            (.rename(theme: ThemeReference(key: "emerging-1", terms: ["hal", "trænere"]), label: "Idræt"),
             #"{"kind":"rename","label":"Idræt","theme":{"key":"emerging-1","terms":["hal","trænere"]}}"#),
            (.merge(themes: [ThemeReference(key: "aeldre"), ThemeReference(key: "emerging-2", terms: ["hund"])], label: "Fritid"),
             #"{"kind":"merge","label":"Fritid","themes":[{"key":"aeldre","terms":[]},{"key":"emerging-2","terms":["hund"]}]}"#),
            (.merge(themes: [ThemeReference(key: "aeldre"), ThemeReference(key: "transport")], label: nil),
             #"{"kind":"merge","themes":[{"key":"aeldre","terms":[]},{"key":"transport","terms":[]}]}"#),
            (.split(theme: ThemeReference(key: "transport", terms: ["bus"]), answerIDs: ["s1/q1", "s2/q1"], label: "Busser"),
             #"{"answers":["s1/q1","s2/q1"],"kind":"split","label":"Busser","theme":{"key":"transport","terms":["bus"]}}"#),
            (.move(answerID: "s1/q1", to: ThemeReference(key: "aeldre")),
             #"{"answer":"s1/q1","kind":"move","to":{"key":"aeldre","terms":[]}}"#),
            (.offTopic(answerID: "s3/q1"), #"{"answer":"s3/q1","kind":"offTopic"}"#),
            (.moveAnswers(answerIDs: ["s1/q1", "s4/q1"], to: ThemeReference(key: "aeldre")),
             #"{"answers":["s1/q1","s4/q1"],"kind":"moveAnswers","to":{"key":"aeldre","terms":[]}}"#),
        ]
        for (decision, json) in cases {
            XCTAssertEqual(try sortedJSON(decision), json)
            XCTAssertEqual(try JSONDecoder().decode(ThemeDecision.self, from: Data(json.utf8)), decision)
        }
        let stored = try JSONEncoder().encode(cases.map(\.0))
        XCTAssertEqual(try JSONDecoder().decode([ThemeDecision].self, from: stored), cases.map(\.0))
        XCTAssertEqual(cases.map(\.0.kind.rawValue), ["rename", "merge", "merge", "split", "move", "offTopic", "moveAnswers"])
        XCTAssertEqual(cases.map(\.0.answerIDs), [[], [], [], ["s1/q1", "s2/q1"], ["s1/q1"], ["s3/q1"], ["s1/q1", "s4/q1"]])
    }

    func testDecodingRejectsUnknownKindsAndMissingFields() {
        for json in [#"{"kind":"delete","answer":"a1"}"#, #"{"kind":"move","answer":"a1"}"#, #"{"answer":"a1"}"#] {
            XCTAssertThrowsError(try JSONDecoder().decode(ThemeDecision.self, from: Data(json.utf8)), json)
        }
    }

    func testOutcomesAndNewKindsEncode() throws {
        XCTAssertEqual(try sortedJSON(DecisionOutcome(index: 2, applied: false, reason: "gone")), #"{"applied":false,"index":2,"reason":"gone"}"#)
        XCTAssertEqual(try sortedJSON([ThemeKind.analyst, .offTopic]), #"["analyst","offTopic"]"#)
    }
}
