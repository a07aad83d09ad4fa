import XCTest
@testable import Forms

final class ClientViewTests: XCTestCase {
    /// The client view as a JSON object, to look at keys as the tablet sees them.
    private func clientJSON(_ language: Language) throws -> [String: JSONValue] {
        let form = try FixtureFiles.allTypesForm()
        return try XCTUnwrap(JSONValue(jsonText: form.clientView(language: language).jsonText).objectValue)
    }

    private func question(_ id: String, in view: [String: JSONValue]) throws -> [String: JSONValue] {
        let questions = try XCTUnwrap(view["questions"]?.arrayValue)
        return try XCTUnwrap(questions.first { $0.objectValue?["id"] == .string(id) }?.objectValue)
    }

    func testTextsAreResolvedInTheRequestedLanguage() throws {
        let danish = try clientJSON(.da)
        let english = try clientJSON(.en)
        XCTAssertEqual(danish["title"], "Alle typer")
        XCTAssertEqual(english["title"], "All types")
        XCTAssertEqual(danish["language"], "da")
        XCTAssertEqual(english["languages"], ["da", "en"])
        XCTAssertEqual(try question("role", in: danish)["label"], "Hvem er du?")
        XCTAssertEqual(try question("role", in: english)["options"]?.arrayValue?.first, ["value": "citizen", "label": "Citizen"])
        XCTAssertEqual(danish["ui"]?.objectValue?["submit"], "Send svar")
        XCTAssertEqual(english["ui"]?.objectValue?["submit"], "Send answers")
        XCTAssertEqual(danish["ui"]?.objectValue?["switchTo"], "English")
        XCTAssertEqual(english["themes"]?.arrayValue?.first, ["key": "sundhed", "name": "Health", "description": "A healthy life."])
    }

    func testVersionIsTheContentHash() throws {
        let form = try FixtureFiles.allTypesForm()
        XCTAssertEqual(form.clientView(language: .da).version, form.contentHash)
    }

    func testAbsentOptionalKeysAreOmitted() throws {
        let view = try clientJSON(.da)
        let yesNo = try question("wants-more", in: view)
        XCTAssertEqual(Set(yesNo.keys), ["id", "type", "required", "label", "background", "themes"])
        let text = try question("comment", in: view)
        XCTAssertEqual(Set(text.keys), ["id", "type", "required", "label", "help", "background", "themes", "multiline", "maxLength"])
        XCTAssertNil(view["contact"]?.objectValue?["help"])
        XCTAssertFalse(form(view).jsonText.contains("null"))
    }

    func testTypeSettingsAndConditionsAreShown() throws {
        let view = try clientJSON(.en)
        XCTAssertEqual(try question("volunteer-hours", in: view)["showIf"], ["question": "role", "equals": "volunteer"])
        XCTAssertEqual(try question("sport-detail", in: view)["showIf"], ["question": "activities", "in": ["sport"]])
        let scale = try question("satisfaction", in: view)
        XCTAssertEqual(scale["min"], 1)
        XCTAssertEqual(scale["maxLabel"], "Very satisfied")
        XCTAssertEqual(scale["allowDontKnow"], true)
        let points = try question("budget", in: view)
        XCTAssertEqual(points["total"], 10)
        XCTAssertEqual(points["requireAll"], true)
        XCTAssertEqual(points["options"]?.arrayValue?.map { $0.objectValue?["value"] }, ["sundhed", "faellesskab", "laering"])
        XCTAssertEqual(try question("activities", in: view)["maxSelected"], 2)
    }

    func testEncodingIsDeterministic() throws {
        let form = try FixtureFiles.allTypesForm()
        XCTAssertEqual(form.clientView(language: .da).jsonText, form.clientView(language: .da).jsonText)
        XCTAssertTrue(form.clientView(language: .da).jsonText.hasPrefix(#"{"contact":{"consentText":"Jeg giver samtykke.""#))
    }

    func testEveryInterfaceTextExistsInEveryLanguage() {
        for (key, text) in ClientInterfaceText.entries {
            for language in Language.allCases {
                XCTAssertFalse(text.text(in: language).isEmpty, "\(key) in \(language)")
            }
        }
        XCTAssertEqual(Set(ClientInterfaceText.texts(in: .en).keys), Set(ClientInterfaceText.entries.keys))
    }

    func testLanguageCodesAreRead() {
        XCTAssertEqual(Language(code: "en-GB"), .en)
        XCTAssertEqual(Language(code: "DA"), .da)
        XCTAssertNil(Language(code: "de"))
    }

    private func form(_ view: [String: JSONValue]) -> JSONValue { .object(view) }
}
