import XCTest
@testable import Forms
import Hashing

final class ContentHashTests: XCTestCase {
    func testHashIsTheSameOnEveryDecode() throws {
        let data = try FixtureFiles.data("valid/all-types.json")
        let first = try FormDecoder.decode(data, file: "all-types.json")
        let second = try FormDecoder.decode(data, file: "all-types.json")
        XCTAssertEqual(first.contentHash, second.contentHash)
        XCTAssertEqual(first.contentHash.count, 64)
        XCTAssertEqual(first.definitionText, String(decoding: data, as: UTF8.self))
    }

    func testHashIgnoresLayoutAndKeyOrder() throws {
        let data = try FixtureFiles.data("valid/all-types.json")
        let original = try FormDecoder.decode(data, file: "all-types.json")
        let document = try JSONValue(jsonData: data)
        let compact = try FormDecoder.decode(jsonText: document.jsonText, file: "all-types.json")
        XCTAssertEqual(compact.contentHash, original.contentHash)
        XCTAssertNotEqual(compact.definitionText, original.definitionText)
    }

    func testHashChangesWhenTheDefinitionChanges() throws {
        let text = String(decoding: try FixtureFiles.data("valid/all-types.json"), as: UTF8.self)
        let original = try FormDecoder.decode(jsonText: text, file: "all-types.json")
        let edited = try FormDecoder.decode(
            jsonText: text.replacingOccurrences(of: "Hvor tilfreds er du?", with: "Hvor tilfreds er du i dag?"),
            file: "all-types.json"
        )
        XCTAssertNotEqual(edited.contentHash, original.contentHash)
    }

    func testHashIsPinnedForAFixedDefinition() throws {
        // A changed value here means every stored form version would get a new hash: do not change
        // the canonical form lightly.
        let form = try FormDecoder.decode(jsonText: """
            {"formatVersion": 1, "id": "pinned", "title": {"da": "Titel", "en": "Title"}, "themes": [],
             "questions": [{"id": "q", "type": "yes_no", "label": {"da": "Ja?", "en": "Yes?"}}]}
            """, file: "pinned.json")
        let canonical = #"{"formatVersion":1,"id":"pinned","questions":[{"id":"q","label":{"da":"Ja?","en":"Yes?"},"type":"yes_no"}],"themes":[],"title":{"da":"Titel","en":"Title"}}"#
        XCTAssertEqual(form.contentHash, SHA256.hexDigest(of: Array(canonical.utf8)))
    }
}
