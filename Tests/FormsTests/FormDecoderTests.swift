import XCTest
@testable import Forms

final class FormDecoderTests: XCTestCase {
    /// The forms that ship in `Forms/`: one per policy in policies.md, plus the quick poll.
    private static let shippedFormIDs = [
        "frederikshavn-sammen-om", "haderslev-medborgerskab", "helsingoer-frivillighed",
        "hjoerring-forebyggelse", "hjoerring-frivillighed-socialt", "quick-poll",
    ]

    func testEveryShippedFormLoadsWithoutProblems() {
        let catalog = FormCatalog.load(directory: FixtureFiles.formsDirectory.path)
        XCTAssertEqual(catalog.problems, [], catalog.problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(catalog.forms.map(\.id), Self.shippedFormIDs)
    }

    func testShippedPolicyFormsUseTheirThemesAndOfferTheUsualParts() throws {
        let catalog = FormCatalog.load(directory: FixtureFiles.formsDirectory.path)
        for form in catalog.forms where form.id != "quick-poll" {
            XCTAssertGreaterThanOrEqual(form.themes.count, 2, form.id)
            XCTAssertNotNil(form.contact, form.id)
            XCTAssertTrue(form.questions.contains { $0.type == .ranking || $0.type == .points }, form.id)
            XCTAssertTrue(form.questions.contains { $0.type == .text && !$0.themes.isEmpty }, form.id)
            XCTAssertFalse(form.backgroundQuestions.isEmpty, form.id)
            let tagged = Set(form.questions.flatMap(\.themes))
            XCTAssertEqual(tagged, Set(form.themes.map(\.key)), "\(form.id): every theme is asked about")
        }
    }

    func testAllTypesFixtureDecodesIntoTheModel() throws {
        let form = try FixtureFiles.allTypesForm()
        XCTAssertEqual(form.id, "all-types")
        XCTAssertEqual(form.title, LocalizedText(da: "Alle typer", en: "All types"))
        XCTAssertEqual(form.themes.map(\.key), ["sundhed", "faellesskab", "laering"])
        XCTAssertEqual(form.themes[0].keywords, [.da: ["motion", "trivsel"], .en: ["exercise"]])
        XCTAssertEqual(form.questions.map(\.type), [
            .section, .info, .singleChoice, .number, .multipleChoice, .text, .scale, .yesNo, .text,
            .ranking, .ranking, .points, .points, .text,
        ])
        XCTAssertEqual(form.backgroundQuestions.map(\.id), ["role"])
        XCTAssertEqual(form.answerableQuestions.count, 12)
        XCTAssertEqual(form.question(id: "volunteer-hours")?.condition,
                       DisplayCondition(question: "role", match: .equals("volunteer")))
        XCTAssertEqual(form.question(id: "comment")?.themes, ["faellesskab", "laering"])
        XCTAssertEqual(form.theme(key: "laering")?.name.en, "Learning")
        guard case .text(let settings)? = form.question(id: "why-not")?.kind else { return XCTFail("why-not is text") }
        XCTAssertEqual(settings.maxLength, 2000, "multiline default")
        guard case .points(let points)? = form.question(id: "budget")?.kind else { return XCTFail("budget is points") }
        XCTAssertEqual(points.itemSource, .themes)
        XCTAssertEqual(points.items.map(\.value), ["sundhed", "faellesskab", "laering"])
        guard case .points(let spare)? = form.question(id: "spare")?.kind else { return XCTFail("spare is points") }
        XCTAssertEqual(spare.itemSource, .options)
        XCTAssertEqual(form.contact?.emailLabel, LocalizedText(da: "E-mail", en: "E-mail"))
    }

    func testEveryFormExampleInTheReadmeDecodes() throws {
        let readme = try String(contentsOf: FixtureFiles.formsDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```json\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
        XCTAssertGreaterThan(blocks.count, 10)
        let firstForm = try FormDecoder.decode(jsonText: try XCTUnwrap(blocks.first), file: "my-first-form.json")
        XCTAssertEqual(firstForm.questions.first?.options.map(\.value), ["aabningstider", "arrangementer"])
        // The other examples are single questions, themes or blocks: decode each inside a form.
        let themes = #"[{"key": "aeldreliv", "name": {"da": "Æ", "en": "A"}, "description": {"da": "Æ", "en": "A"}},"#
            + #" {"key": "sundhed", "name": {"da": "S", "en": "H"}, "description": {"da": "S", "en": "H"}},"#
            + #" {"key": "arrangementer", "name": {"da": "A", "en": "E"}, "description": {"da": "A", "en": "E"}}]"#
        for block in blocks.dropFirst() {
            let trimmed = block.trimmingCharacters(in: .whitespacesAndNewlines)
            let form: String
            if trimmed.hasPrefix("\"showIf\"") {
                continue  // fragments; the conditions they show are tested in AnswerValidationTests
            } else if trimmed.hasPrefix("\"contact\"") {
                form = #"{"formatVersion": 1, "id": "x", "title": {"da": "T", "en": "T"}, "themes": [], "#
                    + #""questions": [{"id": "q", "type": "yes_no", "label": {"da": "J", "en": "Y"}}], "# + trimmed + "}"
            } else if trimmed.contains("\"key\"") && !trimmed.contains("\"type\"") {
                form = #"{"formatVersion": 1, "id": "x", "title": {"da": "T", "en": "T"}, "themes": ["# + trimmed
                    + #"], "questions": [{"id": "q", "type": "yes_no", "label": {"da": "J", "en": "Y"}}]}"#
            } else if trimmed.hasPrefix("\"label\"") {
                continue  // the translation example is a fragment too
            } else {
                form = #"{"formatVersion": 1, "id": "x", "title": {"da": "T", "en": "T"}, "themes": "# + themes
                    + #", "questions": [{"id": "volunteer-status", "type": "single_choice", "label": {"da": "S", "en": "S"}, "#
                    + #""options": [{"value": "association", "label": {"da": "F", "en": "A"}}, {"value": "network", "label": {"da": "N", "en": "N"}}]}, "#
                    + trimmed + "]}"
            }
            XCTAssertNoThrow(try FormDecoder.decode(jsonText: form, file: "x.json"), trimmed)
        }
    }

    func testSchemaReferenceIsAllowed() throws {
        let form = try FormDecoder.decode(jsonText: """
            {"$schema": "./form.schema.json", "formatVersion": 1, "id": "with-schema", "title": {"da": "T", "en": "T"},
             "themes": [], "questions": [{"id": "q", "type": "yes_no", "label": {"da": "Ja?", "en": "Yes?"}}]}
            """, file: "with-schema.json")
        XCTAssertEqual(form.id, "with-schema")
    }
}
