import XCTest
@testable import Forms

final class FormFileWriterTests: XCTestCase {
    private func shippedForms() -> [Form] {
        FormCatalog.load(directory: FixtureFiles.formsDirectory.path).forms
    }

    func testWritingAShippedFormKeepsItsContentHash() throws {
        let forms = try shippedForms() + [FixtureFiles.allTypesForm()]
        XCTAssertEqual(forms.count, 7)
        for form in forms {
            let text = FormFileWriter.text(of: form.document)
            let written = try FormDecoder.decode(jsonText: text, file: form.id + ".json")
            XCTAssertEqual(written.contentHash, form.contentHash, form.id)
            XCTAssertEqual(FormFileWriter.text(of: written.document), text, "\(form.id): writing again changes nothing")
        }
    }

    func testAWrittenFileReadsLikeTheShippedOnes() throws {
        let form = try XCTUnwrap(shippedForms().first { $0.id == "quick-poll" })
        let text = FormFileWriter.text(of: form.document)
        XCTAssertTrue(text.hasPrefix("{\n  \"$schema\": \"./form.schema.json\",\n  \"formatVersion\": 1,\n  \"id\": \"quick-poll\",\n"))
        XCTAssertTrue(text.hasSuffix("\n}\n"))
        XCTAssertTrue(text.contains("\n  \"title\": { \"da\": \"Hurtig afstemning\", \"en\": \"Quick poll\" },\n"), text)
        XCTAssertTrue(text.contains("\n      \"showIf\": { \"question\": \"felt-heard\", \"equals\": false },\n"), text)
        XCTAssertTrue(text.contains(
            "\n        { \"value\": \"citizen\", \"label\": { \"da\": \"Som borger\", \"en\": \"As a citizen\" } },\n"), text)
        XCTAssertTrue(text.contains("\n    {\n      \"id\": \"felt-heard\",\n      \"type\": \"yes_no\",\n      \"label\": { "),
                      "a question is spread over lines, a label that fits is not: \(text)")
        XCTAssertTrue(text.contains("\n      \"label\": {\n        \"da\": \"Hvad er det vigtigste, du tager med fra i dag?\",\n"),
                      "a label too long for one line is spread: \(text)")
        XCTAssertTrue(text.contains("Hvad synes du om dagens møde?"), "letters are written as they are")
        for line in text.split(separator: "\n") where !line.contains("\"da\": \"") && !line.contains("\"en\": \"") {
            XCTAssertLessThanOrEqual(line.count, FormFileWriter.lineWidth, String(line))
        }
    }

    func testKeysFollowTheReadmeOrderAndUnknownKeysComeLastSorted() throws {
        let document = try JSONValue(jsonText: """
            {"questions": [{"label": {"en": "Why?", "da": "Hvorfor?"}, "zeta": 1, "type": "text", "alpha": 2, "id": "q",
                            "purpose": "idea", "themes": ["t"]}],
             "themes": [], "title": {"en": "T", "da": "T"}, "id": "x", "formatVersion": 1, "extra": true}
            """)
        let text = FormFileWriter.text(of: document)
        let keys = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
        XCTAssertEqual(keys, ["formatVersion", "id", "title", "themes", "questions", "id", "type", "label", "themes",
                              "purpose", "alpha", "zeta", "extra"])
        XCTAssertTrue(text.contains("\"label\": { \"da\": \"Hvorfor?\", \"en\": \"Why?\" }"), text)
        XCTAssertEqual(try JSONValue(jsonText: text), document)
    }

    func testLongListsOfPlainValuesAreWrappedSeveralToALine() throws {
        let words = (1...40).map { JSONValue.string("keyword-\($0)") }
        let document = JSONValue.object(["themes": .array([.object([
            "key": "k", "name": ["da": "N", "en": "N"], "description": ["da": "D", "en": "D"],
            "keywords": .object(["da": .array(words)]),
        ])])])
        let text = FormFileWriter.text(of: document)
        let keywordLines = text.split(separator: "\n").filter { $0.contains("\"keyword-") }
        XCTAssertGreaterThan(keywordLines.count, 2)
        XCTAssertLessThan(keywordLines.count, 40)
        XCTAssertTrue(keywordLines.allSatisfy { $0.count <= FormFileWriter.lineWidth && $0.hasPrefix("          \"") })
        XCTAssertEqual(try JSONValue(jsonText: text), document)
    }

    func testEveryKeyTheReadersAllowHasAPlaceInTheOrder() throws {
        // Decoding a question that uses every allowed key of its type would be the behavioural
        // check; here the lists are compared so a new field cannot be forgotten in the writer.
        let allowed = Set(QuestionType.allCases.flatMap { QuestionListReader.allowedKeys(for: $0) })
        XCTAssertEqual(allowed.subtracting(FormFileKeys.question), [])
        XCTAssertEqual(Set(FormFileKeys.question).count, FormFileKeys.question.count, "no key twice")
    }
}
