import Foundation
import XCTest
@testable import ThemeAnalysis

/// Searching a run's answers, and the decisions that gather answers by a search.
final class AnswerSearchTests: XCTestCase {
    static let answers: [AnswerText] = [
        "Bussen kører for sjældent om aftenen.",
        "Skolebussen er altid forsinket.",
        "Flextrafik kommer for sent.",
        "Vi mangler frivillige kræfter i klubben.",
        "Frivillige er guld værd, men kræfterne slipper op.",
        "Plejehjemmet mangler personale.",
        "Flere busser til landsbyerne.",
    ].enumerated().map { AnswerText(id: "s\($0.offset + 1)", text: $0.element) }

    func testStemsCompoundPartsAndAlternatives() throws {
        let search = AnswerSearch(answers: Self.answers, lexicon: try LabelTests.danishLexicon())
        XCTAssertEqual(search.matches("bus"), ["s1", "s2", "s7"], "stems and compound parts (skolebussen) match")
        XCTAssertEqual(search.matches("busser"), ["s1", "s2", "s7"])
        XCTAssertEqual(search.matches("trafik"), ["s3"], "a name is split for searching: Flextrafik")
        XCTAssertEqual(search.matches("bus, flextrafik"), ["s1", "s2", "s3", "s7"], "commas separate alternatives")
        XCTAssertEqual(search.matches("frivillige kræfter"), ["s4", "s5"], "every word of an alternative must match")
        XCTAssertEqual(search.matches("frivillige personale"), [])
        XCTAssertEqual(search.matches("og, i"), [], "stop words alone find nothing")
        XCTAssertFalse(AnswerSearch.hasWords(" , og "))
        XCTAssertTrue(AnswerSearch.hasWords("bus"))
    }

    func testAShortWordFindsTheCompoundsItBeginsButNotOtherWords() throws {
        let answers = [
            "Bedre busforbindelser til byen.", "Busstoppestedet mangler et læskur.", "Buskene ved stien skal klippes.",
            "Vores business kører godt.", "Busserne er fulde.",
        ].enumerated().map { AnswerText(id: "b\($0.offset + 1)", text: $0.element) }
        let search = AnswerSearch(answers: answers, lexicon: try LabelTests.danishLexicon())
        XCTAssertEqual(search.matches("bus"), ["b1", "b2", "b5"], "bus+forbindelser, bus+stoppestedet; not buskene or business")
        XCTAssertEqual(AnswerSearch(answers: answers, lexicon: .empty).matches("bus"), ["b5"],
                       "without a word list only the answers' own words tell a compound's rest")
    }

    // MARK: - Search decisions

    static let themes = [
        GuidedTheme(key: "aeldre", name: "Det gode ældreliv", keywords: ["plejehjem"]),
        GuidedTheme(key: "forening", name: "Foreningsliv", keywords: ["frivillige", "klubben"]),
    ]

    /// Gathering the bus answers is one decision; on a re-run with more answers it gathers the new
    /// bus answers too, and answers already placed stay placed.
    func testThemeFromSearchSurvivesARerun() throws {
        let decision = ThemeDecision.themeFromSearch(query: "bus, flextrafik", label: "Transport")
        let first = ThemeAnalyzer().assign(Self.answers, to: Self.themes)
        let applied = first.applying([decision], answers: AnswerSearch(answers: Self.answers, lexicon: try LabelTests.danishLexicon()))
        XCTAssertEqual(applied.outcomes.first?.applied, true)
        XCTAssertEqual(applied.outcomes.first?.answerIDs, ["s1", "s2", "s3", "s7"])
        let key = try XCTUnwrap(applied.result.themes.first { $0.label == "Transport" }?.key)
        XCTAssertEqual(applied.result.themes.first { $0.key == key }?.kind, .analyst)
        XCTAssertEqual(applied.result.assignments.filter { $0.themes.first == key }.map(\.id), ["s1", "s2", "s3", "s7"])

        let more = Self.answers + [
            AnswerText(id: "s8", text: "Aftenbussen til Sæby er for dårlig."),
            AnswerText(id: "s9", text: "Klubben har brug for flere trænere."),
        ]
        let second = ThemeAnalyzer().assign(more, to: Self.themes)
        let rerun = second.applying([decision], answers: AnswerSearch(answers: more, lexicon: try LabelTests.danishLexicon())).result
        XCTAssertEqual(rerun.assignments.filter { $0.themes.first == key }.map(\.id), ["s1", "s2", "s3", "s7", "s8"])
        XCTAssertEqual(rerun.themes.first { $0.key == key }?.size, 5)
        // Their earlier guided or emerging theme stays beside the new one (never `other`).
        for assignment in rerun.assignments where assignment.themes.first == key {
            XCTAssertFalse(assignment.themes.dropFirst().contains(ThemeAnalysisResult.otherKey))
        }
    }

    func testMoveMatchingAndSplitMatching() throws {
        let result = ThemeAnalyzer().assign(Self.answers, to: Self.themes)
        let search = AnswerSearch(answers: Self.answers, lexicon: try LabelTests.danishLexicon())
        let moved = result.applying([.moveMatching(query: "bus", to: ThemeReference(key: "aeldre"))], answers: search).result
        for id in ["s1", "s2", "s7"] { XCTAssertEqual(moved.assignments.first { $0.id == id }?.themes, ["aeldre"], id) }

        let split = moved.applying([.splitMatching(theme: ThemeReference(key: "aeldre"), query: "skolebussen, landsbyerne", label: "Busser")],
                                   answers: search)
        XCTAssertEqual(split.outcomes.first?.answerIDs, ["s2", "s7"], "only answers of that theme that match")
        let key = try XCTUnwrap(split.result.themes.first { $0.label == "Busser" }?.key)
        XCTAssertEqual(split.result.assignments.filter { $0.themes == [key] }.map(\.id), ["s2", "s7"])
        XCTAssertEqual(split.result.assignments.first { $0.id == "s1" }?.themes, ["aeldre"])
    }

    func testSearchDecisionsThatCannotApplyChangeNothingAndSayWhy() throws {
        let result = ThemeAnalyzer().assign(Self.answers, to: Self.themes)
        let search = AnswerSearch(answers: Self.answers, lexicon: try LabelTests.danishLexicon())
        let cases: [(ThemeDecision, AnswerSearch?, String)] = [
            (.themeFromSearch(query: "bus", label: "Transport"), nil, "a search decision needs the run's answers"),
            (.themeFromSearch(query: "cykelsti", label: "Cykler"), search, "no answer matches \"cykelsti\" in this run"),
            (.themeFromSearch(query: " og ", label: "Tomt"), search, "the search \" og \" has no words to look for"),
            (.moveMatching(query: "bus", to: ThemeReference(key: "nowhere")), search, "theme \"nowhere\" is not in this run"),
            (.themeFromSearch(query: "bus", label: "  "), search, "the new theme's label is empty"),
        ]
        for (decision, index, reason) in cases {
            let applied = result.applying([decision], answers: index)
            XCTAssertEqual(applied.result, result)
            XCTAssertEqual(applied.outcomes, [DecisionOutcome(index: 0, applied: false, reason: reason)])
        }
    }

    func testSearchDecisionsEncodeWithStableFieldNames() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let cases: [(ThemeDecision, String)] = [
            (.moveMatching(query: "bus, flextrafik", to: ThemeReference(key: "aeldre")),
             #"{"kind":"moveMatching","query":"bus, flextrafik","to":{"key":"aeldre","terms":[]}}"#),
            (.splitMatching(theme: ThemeReference(key: "emerging-1", terms: ["bus"]), query: "aftenbus", label: "Aftenbusser"),
             #"{"kind":"splitMatching","label":"Aftenbusser","query":"aftenbus","theme":{"key":"emerging-1","terms":["bus"]}}"#),
            (.themeFromSearch(query: "mitid, e-boks", label: "Digital hjælp"),
             #"{"kind":"themeFromSearch","label":"Digital hjælp","query":"mitid, e-boks"}"#),
        ]
        for (decision, json) in cases {
            XCTAssertEqual(String(decoding: try encoder.encode(decision), as: UTF8.self), json)
            XCTAssertEqual(try JSONDecoder().decode(ThemeDecision.self, from: Data(json.utf8)), decision)
            XCTAssertEqual(decision.answerIDs, [])
            XCTAssertNotNil(decision.query)
        }
        XCTAssertEqual(String(decoding: try encoder.encode(DecisionOutcome(index: 0, applied: true, answerIDs: ["a"])), as: UTF8.self),
                       #"{"answerIDs":["a"],"applied":true,"index":0}"#)
    }
}
