import XCTest
@testable import Forms

final class JSONValueTests: XCTestCase {
    func testParsesEveryKindOfValue() throws {
        let value = try JSONValue(jsonText: #"{"a": [1, -2.5, 3e2, true, false, null], "b": "æ\"\\\n\u00e6\ud83d\ude00", "c": {}}"#)
        XCTAssertEqual(value, [
            "a": [1, -2.5, 300, true, false, nil],
            "b": "æ\"\\\næ😀",
            "c": .object([:]),
        ])
    }

    func testJSONTextIsCompactWithSortedKeysAndWholeNumbers() throws {
        let value: JSONValue = ["zeta": 1, "alpha": [2.5, 3], "Øre": "x", "b": ["nested": true, "a": nil]]
        XCTAssertEqual(value.jsonText, #"{"alpha":[2.5,3],"b":{"a":null,"nested":true},"zeta":1,"Øre":"x"}"#)
    }

    func testJSONTextEscapesControlCharactersAndRoundTrips() throws {
        let value: JSONValue = ["text": "line\nnext\t\"quoted\" \\ \u{1} æøå"]
        XCTAssertEqual(value.jsonText, #"{"text":"line\nnext\t\"quoted\" \\ \u0001 æøå"}"#)
        XCTAssertEqual(try JSONValue(jsonText: value.jsonText), value)
    }

    func testCodableEncodesWholeNumbersAsIntegers() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let value: JSONValue = ["n": 5.0, "f": 0.5]
        let data = try encoder.encode(value)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"f":0.5,"n":5}"#)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: data), ["n": 5, "f": 0.5])
    }

    func testMalformedTextGivesLineAndColumn() {
        let cases: [(String, JSONParseError)] = [
            ("{\n  \"a\": 1\n  \"b\": 2\n}", JSONParseError(line: 3, column: 3, reason: "expected ',' or '}' in an object")),
            ("[1, 2,]", JSONParseError(line: 1, column: 7, reason: "unexpected character ']', expected a value")),
            ("{\"æøå\": tru}", JSONParseError(line: 1, column: 9, reason: "unknown word, expected true")),
            ("\"open", JSONParseError(line: 1, column: 6, reason: "unexpected end of file inside a string")),
            ("01", JSONParseError(line: 1, column: 2, reason: "unexpected text after the end of the JSON value")),
            ("", JSONParseError(line: 1, column: 1, reason: "unexpected end of file, expected a value")),
            ("\"\\ud800\"", JSONParseError(line: 1, column: 8, reason: "a high surrogate \\u escape must be followed by a low one")),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try JSONValue(jsonText: text), text) { error in
                XCTAssertEqual(error as? JSONParseError, expected, text)
            }
        }
    }

    func testAByteOrderMarkIsIgnored() throws {
        XCTAssertEqual(try JSONValue(jsonData: Data([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))), [1])
    }

    func testAccessorsReturnOnlyTheirKind() {
        XCTAssertEqual(JSONValue.number(3).integerValue, 3)
        XCTAssertNil(JSONValue.number(3.5).integerValue)
        XCTAssertNil(JSONValue.string("3").numberValue)
        XCTAssertEqual(JSONValue.string("a").stringValue, "a")
        XCTAssertNil(JSONValue.bool(true).stringValue)
    }
}
