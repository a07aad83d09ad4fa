import XCTest
@testable import Forms

final class FormDifferenceTests: XCTestCase {
    private var original: Form!

    override func setUpWithError() throws {
        original = try FixtureFiles.allTypesForm()
    }

    /// The fixture with its document changed by `edit`, decoded again.
    private func edited(_ edit: (inout [String: JSONValue]) -> Void) throws -> Form {
        var members = try XCTUnwrap(original.document.objectValue)
        edit(&members)
        return try FormDecoder.decode(document: .object(members), file: "all-types.json")
    }

    /// Changes the question with an id inside the document.
    private func editQuestion(_ id: String, in members: inout [String: JSONValue], _ edit: (inout [String: JSONValue]) -> Void) {
        var questions = members["questions"]?.arrayValue ?? []
        guard let index = questions.firstIndex(where: { $0.objectValue?["id"] == .string(id) }),
              var question = questions[index].objectValue else { return XCTFail("no question \(id)") }
        edit(&question)
        questions[index] = .object(question)
        members["questions"] = .array(questions)
    }

    func testAFormComparedWithItselfHasNoChanges() throws {
        XCTAssertTrue(FormDifference(from: original, to: original).isEmpty)
        let rewritten = try FormDecoder.decode(jsonText: FormFileWriter.text(of: original.document), file: "all-types.json")
        XCTAssertEqual(FormDifference(from: original, to: rewritten).changes, [], "layout is no change")
    }

    func testQuestionChangesAreNamedOneByOne() throws {
        let changed = try edited { members in
            editQuestion("role", in: &members) { question in
                question["label"] = ["da": "Hvem er I?", "en": "Who are you all?"]
                question["required"] = false
                question["options"] = [
                    ["value": "citizen", "label": ["da": "Borger", "en": "Resident"]],
                    ["value": "business", "label": ["da": "Virksomhed", "en": "Business"]],
                    ["value": "volunteers", "label": ["da": "Frivillig", "en": "Volunteer"]],
                    ["value": "student", "label": ["da": "Studerende", "en": "Student"]],
                ]
            }
            editQuestion("sport-detail", in: &members) { question in
                question["maxLength"] = 40
                question["purpose"] = "idea"
                question["themes"] = ["sundhed"]
                question["help"] = ["da": "Fx fodbold", "en": "E.g. football"]
                question["showIf"] = ["question": "activities", "in": ["sport", "social"]]
            }
            editQuestion("volunteer-hours", in: &members) { question in
                question["type"] = "scale"
                question["min"] = 0
                question["max"] = 10
                question["integer"] = nil
                question["unit"] = nil
                question["showIf"] = ["question": "role", "equals": "volunteers"]
            }
        }
        let difference = FormDifference(from: original, to: changed)
        XCTAssertEqual(difference.changes(toQuestion: "role"), [
            .label(from: LocalizedText(da: "Hvem er du?", en: "Who are you?"), to: LocalizedText(da: "Hvem er I?", en: "Who are you all?")),
            .required(false),
            .optionRenamed(from: "volunteer", to: "volunteers", label: LocalizedText(da: "Frivillig", en: "Volunteer")),
            .optionRelabelled(value: "citizen", from: LocalizedText(da: "Borger", en: "Citizen"), to: LocalizedText(da: "Borger", en: "Resident")),
            .optionAdded(ChoiceOption(value: "student", label: LocalizedText(da: "Studerende", en: "Student"))),
        ])
        XCTAssertEqual(difference.changes(toQuestion: "sport-detail"), [
            .help(from: nil, to: LocalizedText(da: "Fx fodbold", en: "E.g. football")),
            .themes(added: ["sundhed"], removed: []),
            .purpose(from: nil, to: .idea),
            .condition(from: DisplayCondition(question: "activities", match: .oneOf(["sport"])),
                       to: DisplayCondition(question: "activities", match: .oneOf(["sport", "social"]))),
            .setting(name: "maxLength", from: 20, to: 40),
        ])
        let typeChanges = difference.changes(toQuestion: "volunteer-hours")
        XCTAssertEqual(typeChanges.first, .type(from: .number, to: .scale))
        XCTAssertTrue(typeChanges.contains(.setting(name: "unit", from: ["da": "timer", "en": "hours"], to: nil)))
        XCTAssertTrue(typeChanges.contains(.setting(name: "max", from: 100, to: 10)))
    }

    func testAddedRemovedAndMovedQuestions() throws {
        let changed = try edited { members in
            var questions = members["questions"]?.arrayValue ?? []
            questions.removeAll { $0.objectValue?["id"] == "comment" }
            let welcome = questions.remove(at: 1)
            questions.append(welcome)
            questions.insert(["id": "new-idea", "type": "text", "purpose": "idea", "label": ["da": "Idé?", "en": "Idea?"]], at: 0)
            members["questions"] = .array(questions)
        }
        let difference = FormDifference(from: original, to: changed)
        XCTAssertEqual(difference.changes.count, 3, difference.descriptions(in: .en).joined(separator: "\n"))
        guard case .questionAdded(let added, let position) = difference.changes[0] else { return XCTFail("\(difference.changes)") }
        XCTAssertEqual(added.id, "new-idea")
        XCTAssertEqual(position, 0)
        XCTAssertEqual(difference.changes(toQuestion: "welcome"), [.moved(from: 1, to: 13)])
        XCTAssertEqual(difference.descriptions(in: .da), [
            "Nyt text-spørgsmål »Idé?« (new-idea) som nr. 1.",
            "Spørgsmålet »Velkommen.« (welcome): er flyttet fra nr. 2 til nr. 14.",
            "Spørgsmålet »Kommentar« (comment) er fjernet.",
        ])
        XCTAssertEqual(difference.descriptions(in: .en), [
            "New text question “Idea?” (new-idea) at position 1.",
            "The question “Welcome.” (welcome): moved from position 2 to 14.",
            "The question “Comment” (comment) was removed.",
        ])
    }

    func testFormTextsThemesAndContact() throws {
        let changed = try edited { members in
            members["title"] = ["da": "Alle typer 2", "en": "All types 2"]
            members["intro"] = nil
            var themes = members["themes"]?.arrayValue ?? []
            var health = themes[0].objectValue ?? [:]
            health["name"] = ["da": "Sundhed og trivsel", "en": "Health and well-being"]
            health["keywords"] = ["da": ["motion", "kost"], "en": ["exercise"]]
            themes[0] = .object(health)
            themes.append(["key": "natur", "name": ["da": "Natur", "en": "Nature"], "description": ["da": "Ud.", "en": "Out."]])
            members["themes"] = .array(themes)
            members["contact"] = nil
        }
        let difference = FormDifference(from: original, to: changed)
        XCTAssertEqual(difference.descriptions(in: .da), [
            "Titlen er ændret fra »Alle typer« til »Alle typer 2«.",
            "Velkomstteksten er fjernet.",
            "Temaet sundhed hedder nu »Sundhed og trivsel« (før »Sundhed«).",
            "Nøgleord på dansk for temaet sundhed: tilføjet kost; fjernet trivsel.",
            "Nyt tema »Natur« (natur).",
            "Kontaktblokken er fjernet.",
        ], "the new theme is a new item of the ranking and points questions, reported once as a theme")
        XCTAssertEqual(difference.descriptions(in: .en)[3], "Danish keywords of the theme sundhed: added kost; removed trivsel.")
    }

    func testEveryChangeReadsDifferentlyInDanishAndEnglish() throws {
        let changed = try edited { members in
            editQuestion("satisfaction", in: &members) { question in
                question["allowDontKnow"] = false
                question["background"] = nil
                question["required"] = true
            }
            editQuestion("activities", in: &members) { question in
                question["options"] = [
                    ["value": "social", "label": ["da": "Socialt arbejde", "en": "Social work"]],
                    ["value": "sport", "label": ["da": "Sport", "en": "Sports"]],
                ]
            }
            members["contact"] = nil
        }
        let difference = FormDifference(from: original, to: changed)
        XCTAssertGreaterThanOrEqual(difference.changes.count, 5)
        for change in difference.changes {
            XCTAssertNotEqual(change.text.da, change.text.en, "\(change)")
            XCTAssertFalse(change.text.da.isEmpty)
        }
        XCTAssertTrue(difference.changes(toQuestion: "activities").contains(.optionsReordered(from: ["sport", "social"], to: ["social", "sport"])))
    }

    func testMovedQuestionsAreTheFewestThatExplainTheNewOrder() {
        XCTAssertEqual(FormDifference.movedIDs(oldOrder: ["a", "b", "c", "d"], newOrder: ["b", "c", "d", "a"]), ["a"])
        XCTAssertEqual(FormDifference.movedIDs(oldOrder: ["a", "b", "c"], newOrder: ["a", "b", "c"]), [])
        XCTAssertEqual(FormDifference.movedIDs(oldOrder: ["a", "b", "c", "d"], newOrder: ["a", "d", "b", "c"]), ["d"])
    }
}
