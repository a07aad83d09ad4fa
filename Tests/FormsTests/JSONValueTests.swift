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
        let cases: [(String, line: Int, column: Int, String)] = [
            ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' in an object"),
            ("[1, 2,]", 1, 7, "unexpected character ']', expected a value"),
            ("{\"æøå\": tru}", 1, 9, "unknown word, expected true"),
            ("\"open", 1, 6, "unexpected end of file inside a string"),
            ("01", 1, 2, "unexpected text after the end of the JSON value"),
            ("", 1, 1, "unexpected end of file, expected a value"),
            ("\"\\ud800\"", 1, 8, "a high surrogate \\u escape must be followed by a low one"),
        ]
        for (text, line, column, reason) in cases {
            XCTAssertThrowsError(try JSONValue(jsonText: text), text) { error in
                let parseError = error as? JSONParseError
                XCTAssertEqual(parseError?.line, line, text)
                XCTAssertEqual(parseError?.column, column, text)
                XCTAssertEqual(parseError?.reason.en, reason, text)
                XCTAssertNotEqual(parseError?.reason.da, parseError?.reason.en, text)
            }
        }
    }

    func testParseErrorsAreWordedInDanishToo() {
        XCTAssertThrowsError(try JSONValue(jsonText: "{\n  \"a\": 1\n  \"b\": 2\n}")) { error in
            XCTAssertEqual((error as? JSONParseError)?.description(in: .da),
                           "linje 3, kolonne 3: her skulle stå ',' eller '}' i et objekt")
            XCTAssertEqual((error as? JSONParseError)?.description, "line 3, column 3: expected ',' or '}' in an object")
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
