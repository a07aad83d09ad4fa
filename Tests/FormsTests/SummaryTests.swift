import Foundation
import XCTest
@testable import Forms

/// Summaries of the closed questions, each type against numbers worked out by hand.
final class SummaryTests: XCTestCase {
    private static let formText = #"""
    {
      "formatVersion": 1,
      "id": "summary-test",
      "title": { "da": "Opsummering", "en": "Summary" },
      "themes": [
        { "key": "aeldre", "name": { "da": "Ældreliv", "en": "Old age" }, "description": { "da": "Ældre.", "en": "Older people." } },
        { "key": "sport", "name": { "da": "Idræt", "en": "Sport" }, "description": { "da": "Klubber.", "en": "Clubs." } },
        { "key": "trafik", "name": { "da": "Trafik", "en": "Traffic" }, "description": { "da": "Veje.", "en": "Roads." } }
      ],
      "questions": [
        { "id": "welcome", "type": "info", "label": { "da": "Velkommen", "en": "Welcome" } },
        { "id": "area", "type": "single_choice", "allowOther": true, "label": { "da": "Hvor bor du?", "en": "Where do you live?" },
          "options": [
            { "value": "saeby", "label": { "da": "Sæby", "en": "Sæby" } },
            { "value": "skagen", "label": { "da": "Skagen", "en": "Skagen" } },
            { "value": "hirtshals", "label": { "da": "Hirtshals", "en": "Hirtshals" } }
          ] },
        { "id": "help", "type": "multiple_choice", "allowOther": true, "label": { "da": "Hvad kan du?", "en": "What can you do?" },
          "options": [
            { "value": "club", "label": { "da": "Forening", "en": "Club" } },
            { "value": "neighbour", "label": { "da": "Nabo", "en": "Neighbour" } },
            { "value": "none", "label": { "da": "Intet", "en": "Nothing" } }
          ] },
        { "id": "heard", "type": "yes_no", "label": { "da": "Følte du dig hørt?", "en": "Did you feel heard?" } },
        { "id": "agree", "type": "scale", "min": 1, "max": 5, "allowDontKnow": true, "label": { "da": "Enig?", "en": "Agree?" } },
        { "id": "rating", "type": "scale", "min": 0, "max": 2, "label": { "da": "Karakter", "en": "Rating" } },
        { "id": "hours", "type": "number", "min": 0, "label": { "da": "Timer", "en": "Hours" } },
        { "id": "page-two", "type": "section", "label": { "da": "Side to", "en": "Page two" } },
        { "id": "rank", "type": "ranking", "minRanked": 1, "label": { "da": "Rækkefølge", "en": "Order" } },
        { "id": "points", "type": "points", "total": 10, "label": { "da": "Point", "en": "Points" } },
        { "id": "idea", "type": "text", "label": { "da": "Idé", "en": "Idea" } }
      ]
    }
    """#

    private static let answerSets: [[String: JSONValue]] = [
        ["area": "saeby", "help": ["club", "neighbour"], "heard": true, "agree": 4, "rating": 0, "hours": 10,
         "rank": ["aeldre", "sport", "trafik"], "points": ["aeldre": 6, "sport": 4], "idea": "Mere grønt"],
        ["area": "skagen", "help": ["selected": ["club"], "other": "Kor"], "heard": false, "agree": 5, "rating": 2, "hours": 2,
         "rank": ["sport", "trafik", "aeldre"], "points": ["trafik": 10], "idea": "   "],
        ["area": ["other": "Ålbæk"], "help": ["none"], "heard": true, "agree": "dont_know", "rating": 2, "hours": 3,
         "rank": ["sport"], "points": ["aeldre": 5, "trafik": 5]],
        ["area": "saeby", "heard": true, "agree": 2, "hours": 7.5, "idea": "Flere bænke"],
        // An option the form no longer has and empty answers are not counted.
        ["area": "gone", "help": [], "rank": [], "points": [:], "idea": nil],
    ]

    private var form: Form!

    override func setUpWithError() throws {
        form = try FormDecoder.decode(jsonText: Self.formText, file: "summary-test.json")
    }

    private func summary(_ id: String, language: Language = .da, of answerSets: [[String: JSONValue]] = answerSets,
                         file: StaticString = #filePath, line: UInt = #line) throws -> QuestionSummary {
        try XCTUnwrap(form.summaries(of: answerSets, language: language).first { $0.question == id }, file: file, line: line)
    }

    private func counts(_ summary: QuestionSummary) -> [String] {
        (summary.options ?? []).map { "\($0.value) \($0.count) \($0.share)" }
    }

    private func sortedJSON<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testQuestionsInFormOrderWithoutInfoAndSections() {
        let summaries = form.summaries(of: Self.answerSets)
        XCTAssertEqual(summaries.map(\.question), ["area", "help", "heard", "agree", "rating", "hours", "rank", "points", "idea"])
        XCTAssertEqual(summaries.map(\.type), [.singleChoice, .multipleChoice, .yesNo, .scale, .scale, .number, .ranking, .points, .text])
        XCTAssertEqual(summaries.first?.label, "Hvor bor du?")
    }

    func testSingleChoice() throws {
        let area = try summary("area")
        XCTAssertEqual(area.answered, 4)
        XCTAssertEqual(counts(area), ["saeby 2 0.5", "skagen 1 0.25", "hirtshals 0 0.0"])
        XCTAssertEqual(area.options?.map(\.label), ["Sæby", "Skagen", "Hirtshals"])
        XCTAssertEqual(area.other, 1)
        XCTAssertNil(area.mean)
        XCTAssertNil(area.items)
    }

    func testMultipleChoice() throws {
        let help = try summary("help")
        XCTAssertEqual(help.answered, 3)
        XCTAssertEqual(counts(help), ["club 2 0.6667", "neighbour 1 0.3333", "none 1 0.3333"])
        XCTAssertEqual(help.other, 1)
    }

    func testYesNo() throws {
        let heard = try summary("heard")
        XCTAssertEqual(heard.answered, 4)
        XCTAssertEqual(counts(heard), ["yes 3 0.75", "no 1 0.25"])
        XCTAssertEqual(heard.options?.map(\.label), ["Ja", "Nej"])
        XCTAssertNil(heard.other)
    }

    func testScaleWithDontKnow() throws {
        let agree = try summary("agree")
        XCTAssertEqual(agree.answered, 4)
        XCTAssertEqual(agree.dontKnow, 1)
        XCTAssertEqual(agree.distribution?.map { [$0.value, $0.count] }, [[1, 0], [2, 1], [3, 0], [4, 1], [5, 1]])
        // (4 + 5 + 2) / 3, "don't know" left out.
        XCTAssertEqual(agree.mean, 3.6667)
    }

    func testScaleWithoutDontKnow() throws {
        let rating = try summary("rating")
        XCTAssertEqual(rating.answered, 3)
        XCTAssertNil(rating.dontKnow)
        XCTAssertEqual(rating.distribution?.map { [$0.value, $0.count] }, [[0, 1], [1, 0], [2, 2]])
        XCTAssertEqual(rating.mean, 1.3333)
    }

    func testNumber() throws {
        let hours = try summary("hours")
        XCTAssertEqual(hours.answered, 4)
        XCTAssertEqual(hours.mean, 5.625)
        // Sorted 2, 3, 7.5, 10: the median is between 3 and 7.5.
        XCTAssertEqual(hours.median, 5.25)
        XCTAssertEqual(hours.minimum, 2)
        XCTAssertEqual(hours.maximum, 10)
        let odd = try summary("hours", of: [["hours": 4], ["hours": 1], ["hours": 9]])
        XCTAssertEqual(odd.median, 4)
        XCTAssertEqual(odd.mean, 4.6667)
    }

    func testRanking() throws {
        let rank = try summary("rank")
        XCTAssertEqual(rank.answered, 3)
        let items = try XCTUnwrap(rank.items)
        XCTAssertEqual(items.map(\.value), ["aeldre", "sport", "trafik"])
        XCTAssertEqual(items.map(\.label), ["Ældreliv", "Idræt", "Trafik"])
        // aeldre: 1st and 3rd; sport: 2nd, 1st and 1st; trafik: 3rd and 2nd.
        XCTAssertEqual(items.map(\.count), [2, 3, 2])
        XCTAssertEqual(items.map(\.meanRank), [2, 1.3333, 2.5])
        XCTAssertEqual(items.map(\.totalPoints), [nil, nil, nil])
    }

    func testPoints() throws {
        let points = try summary("points")
        XCTAssertEqual(points.answered, 3)
        let items = try XCTUnwrap(points.items)
        XCTAssertEqual(items.map(\.totalPoints), [11, 4, 15])
        // Means are per answer to the question: an item without points counts as 0.
        XCTAssertEqual(items.map(\.meanPoints), [3.6667, 1.3333, 5])
        XCTAssertEqual(items.map(\.count), [2, 1, 2])
        XCTAssertEqual(items.map(\.meanRank), [nil, nil, nil])
    }

    func testTextHasOnlyTheAnsweredCount() throws {
        let idea = try summary("idea")
        XCTAssertEqual(idea, QuestionSummary(question: "idea", label: "Idé", type: .text, answered: 2))
    }

    func testEnglishLabels() throws {
        XCTAssertEqual(try summary("heard", language: .en).options?.map(\.label), ["Yes", "No"])
        XCTAssertEqual(try summary("help", language: .en).options?.map(\.label), ["Club", "Neighbour", "Nothing"])
        XCTAssertEqual(try summary("rank", language: .en).items?.map(\.label), ["Old age", "Sport", "Traffic"])
        XCTAssertEqual(try summary("rank", language: .en).label, "Order")
    }

    func testNoAnswers() throws {
        let summaries = form.summaries(of: [])
        XCTAssertEqual(summaries.map(\.answered), Array(repeating: 0, count: 9))
        let area = try summary("area", of: [])
        XCTAssertEqual(counts(area), ["saeby 0 0.0", "skagen 0 0.0", "hirtshals 0 0.0"])
        let agree = try summary("agree", of: [])
        XCTAssertNil(agree.mean)
        XCTAssertEqual(agree.dontKnow, 0)
        let hours = try summary("hours", of: [])
        XCTAssertNil(hours.median)
        XCTAssertNil(hours.minimum)
        XCTAssertEqual(try summary("rank", of: []).items?.map(\.meanRank), [nil, nil, nil])
        XCTAssertEqual(try summary("points", of: []).items?.map(\.meanPoints), [nil, nil, nil])
    }

    func testEncodesTheSummariesShape() throws {
        XCTAssertEqual(try sortedJSON(try summary("area")), """
            {"answered":4,"label":"Hvor bor du?","options":[{"count":2,"label":"Sæby","share":0.5,"value":"saeby"},\
            {"count":1,"label":"Skagen","share":0.25,"value":"skagen"},{"count":0,"label":"Hirtshals","share":0,"value":"hirtshals"}],\
            "other":1,"question":"area","type":"single_choice"}
            """)
        XCTAssertEqual(try sortedJSON(try summary("rating")), """
            {"answered":3,"distribution":[{"count":1,"value":0},{"count":0,"value":1},{"count":2,"value":2}],\
            "label":"Karakter","mean":1.3333,"question":"rating","type":"scale"}
            """)
        XCTAssertEqual(try sortedJSON(try summary("hours")), """
            {"answered":4,"label":"Timer","max":10,"mean":5.625,"median":5.25,"min":2,"question":"hours","type":"number"}
            """)
        XCTAssertEqual(try sortedJSON(try summary("rank", of: [["rank": ["trafik"]]])), """
            {"answered":1,"items":[{"count":0,"label":"Ældreliv","value":"aeldre"},{"count":0,"label":"Idræt","value":"sport"},\
            {"count":1,"label":"Trafik","meanRank":1,"value":"trafik"}],"label":"Rækkefølge","question":"rank","type":"ranking"}
            """)
        XCTAssertEqual(try sortedJSON(try summary("idea")), #"{"answered":2,"label":"Idé","question":"idea","type":"text"}"#)
    }

    func testSameInputsGiveEqualOutputs() throws {
        XCTAssertEqual(try sortedJSON(form.summaries(of: Self.answerSets)), try sortedJSON(form.summaries(of: Self.answerSets)))
    }
}
