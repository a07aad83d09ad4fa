import XCTest
@testable import Forms

/// Each broken fixture gives exactly the expected problems: file, JSON path and reason.
final class BrokenFormTests: XCTestCase {
    private static let knownTypes = "text, single_choice, multiple_choice, scale, yes_no, number, ranking, points, info, section"

    /// File name → the expected (path, reason) pairs, in order.
    private static let expectations: [String: [(String, String)]] = [
        "unknown-type.json": [
            ("$.questions[1].type", "unknown question type 'slider' (known types: \(knownTypes))"),
        ],
        "duplicate-question-id.json": [
            ("$.questions[1].id", "duplicate question id 'age' (first used at $.questions[0])"),
        ],
        "duplicate-option-value.json": [
            ("$.questions[0].options[2].value", "duplicate option value 'under-30' (first used at $.questions[0].options[0])"),
        ],
        "duplicate-theme-key.json": [
            ("$.themes[1].key", "duplicate theme key 'sundhed' (first used at $.themes[0])"),
        ],
        "condition-unknown-question.json": [
            ("$.questions[1].showIf.question", "condition refers to unknown question 'ghost'"),
        ],
        "condition-later-question.json": [
            ("$.questions[0].showIf.question",
             "condition refers to question 'idea', which comes later in the form (a condition can only use earlier answers)"),
        ],
        "condition-wrong-value.json": [
            ("$.questions[1].showIf.in[1]", "\"over-90\" is not an option value of 'age' (its values: under-30, 30-plus)"),
        ],
        "scale-min-above-max.json": [("$.questions[1].min", "min (5) is above max (1)")],
        "number-min-above-max.json": [("$.questions[1].min", "min (10) is above max (2.5)")],
        "selected-min-above-max.json": [("$.questions[0].minSelected", "minSelected (2) is above maxSelected (1)")],
        "missing-english.json": [("$.questions[1].label.en", "missing English translation")],
        "missing-danish-title.json": [("$.title.da", "missing Danish translation")],
        "plain-string-label.json": [
            ("$.questions[1].label", "expected a translation object {\"da\": \"...\", \"en\": \"...\"}, found a plain string"),
        ],
        "unknown-theme-key.json": [("$.questions[1].themes[0]", "unknown theme key 'health'")],
        "malformed-json.json": [("$", "malformed JSON at line 5, column 3: expected ',' or '}' in an object")],
        "wrong-format-version.json": [
            ("$.formatVersion", "unsupported formatVersion 2 (this version of Borgerdialog reads formatVersion 1)"),
        ],
        "id-mismatch.json": [("$.id", "form id 'some-other-id' does not match the file name 'id-mismatch.json'")],
        "misspelt-field.json": [
            ("$.questions[1].requried", "unknown field 'requried' in a question of type text (did you mean 'required'?)"),
        ],
        "ranking-without-themes.json": [
            ("$.questions[1].items", "the items are the form's themes, but the form declares fewer than two"),
        ],
        "info-required.json": [("$.questions[0].required", "'required' does not apply to info, which takes no answer")],
        "section-condition.json": [
            ("$.questions[1].showIf", "a section cannot be conditional; put the condition on the questions after it"),
        ],
        "background-text.json": [
            ("$.questions[1].background", "only single_choice and multiple_choice questions can be background questions"),
        ],
        "several-problems.json": [
            ("$.title.en", "empty English translation"),
            ("$.themes[0].key", "'Sundhed' is not a lowercase slug (use a-z, 0-9 and single hyphens, e.g. 'age-group')"),
            ("$.questions[0].options[1].value", "duplicate option value 'under-30' (first used at $.questions[0].options[0])"),
            ("$.questions[1].themes[0]", "unknown theme key 'sundhed'"),
            ("$.questions[1].themes[1]", "unknown theme key 'miljoe'"),
            ("$.questions[2].showIf.question", "condition refers to unknown question 'nowhere'"),
            ("$.questions[3].label.en", "missing English translation"),
            ("$.questions[3].min", "min (3) equals max (3); a scale needs at least two points"),
            ("$.questions[4].type", "unknown question type 'dial' (known types: \(knownTypes))"),
            ("$.contact.emailLabel", "required field 'emailLabel' is missing"),
        ],
    ]

    func testEachBrokenFixtureReportsItsExpectedProblems() throws {
        for (name, expected) in Self.expectations.sorted(by: { $0.key < $1.key }) {
            let file = "Forms/" + name
            let data = try FixtureFiles.data("broken/" + name)
            do {
                _ = try FormDecoder.decode(data, file: file)
                XCTFail("\(name) decoded, but should fail")
            } catch {
                XCTAssertEqual(error.problems.map(\.file), Array(repeating: file, count: error.problems.count), name)
                XCTAssertEqual(error.problems.map(\.path), expected.map(\.0), name)
                XCTAssertEqual(error.problems.map(\.reason.en), expected.map(\.1), name)
                for problem in error.problems {
                    XCTAssertFalse(problem.reason(in: .da).isEmpty, "\(name): \(problem)")
                    XCTAssertNotEqual(problem.reason(in: .da), problem.reason(in: .en), "\(name): \(problem) in Danish")
                }
            }
        }
    }

    func testProblemsAreWordedInDanish() throws {
        let expected: [String: [(String, String)]] = [
            "misspelt-field.json": [
                ("$.questions[1].requried", "ukendt felt 'requried' i et spørgsmål af typen text (mente du 'required'?)"),
            ],
            "missing-danish-title.json": [("$.title.da", "teksten på dansk mangler")],
            "condition-wrong-value.json": [
                ("$.questions[1].showIf.in[1]", "\"over-90\" er ikke en svarværdi i 'age' (dens værdier: under-30, 30-plus)"),
            ],
            "malformed-json.json": [("$", "ugyldig JSON i linje 5, kolonne 3: her skulle stå ',' eller '}' i et objekt")],
        ]
        for (name, pairs) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertThrowsError(try FormDecoder.decode(FixtureFiles.data("broken/" + name), file: name)) { error in
                let problems = (error as? FormDecodingError)?.problems ?? []
                XCTAssertEqual(problems.map(\.path), pairs.map(\.0), name)
                XCTAssertEqual(problems.map { $0.reason(in: .da) }, pairs.map(\.1), name)
            }
        }
    }

    func testADraftDocumentGetsItsProblemsWithoutAFileNameRule() throws {
        let draft = """
            {"formatVersion": 1, "id": "not-the-file-name", "title": {"da": "Udkast"}, "themes": [],
             "questions": [{"id": "q", "type": "slider", "label": {"da": "Hvad?", "en": "What?"}},
                           {"id": "r", "type": "text", "purpose": "chnage", "label": {"da": "Hvad?", "en": "What?"}}]}
            """
        let problems = FormDecoder.problems(inDraft: draft)
        XCTAssertEqual(problems.map(\.file), ["", "", ""])
        XCTAssertEqual(problems.map(\.path), ["$.title.en", "$.questions[0].type", "$.questions[1].purpose"])
        XCTAssertEqual(problems.map { $0.reason(in: .en) }, [
            "missing English translation",
            "unknown question type 'slider' (known types: \(Self.knownTypes))",
            "unknown purpose 'chnage' (did you mean 'change'?)",
        ])
        XCTAssertEqual(problems.map { $0.reason(in: .da) }, [
            "teksten på engelsk mangler",
            "ukendt spørgsmålstype 'slider' (kendte typer: \(Self.knownTypes))",
            "ukendt formål 'chnage' (mente du 'change'?)",
        ])
        XCTAssertEqual(problems[0].description(in: .da), "$.title.en: teksten på engelsk mangler")

        XCTAssertEqual(FormDecoder.problems(inDraft: "[1, 2]").map(\.path), ["$"])
        XCTAssertEqual(FormDecoder.problems(inDraft: "{").map { $0.reason(in: .en) },
                       ["malformed JSON at line 1, column 2: expected a key in double quotes"])
        let valid = String(decoding: try FixtureFiles.data("valid/all-types.json"), as: UTF8.self)
        XCTAssertEqual(FormDecoder.problems(inDraft: valid), [])
        XCTAssertEqual(FormDecoder.problems(inDraft: valid.replacingOccurrences(of: "\"all-types\"", with: "\"other-name\"")), [],
                       "a draft has no file name to match")
    }

    func testEveryBrokenFixtureHasAnExpectation() throws {
        let directory = FixtureFiles.fixturesDirectory.appendingPathComponent("broken")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(Set(names), Set(Self.expectations.keys))
    }

    func testProblemDescriptionNamesFilePathAndReason() {
        let problem = FormProblem(file: "Forms/x.json", path: "$.questions[0].id",
                                  reason: LocalizedText(da: "dobbelt id 'a'", en: "duplicate question id 'a'"))
        XCTAssertEqual(problem.description, "Forms/x.json: $.questions[0].id: duplicate question id 'a'")
        XCTAssertEqual(problem.description(in: .da), "Forms/x.json: $.questions[0].id: dobbelt id 'a'")
        let error = FormDecodingError(problems: [problem, problem])
        XCTAssertEqual(error.description.split(separator: "\n").count, 2)
    }

    func testTheFileNameRuleIsSkippedForNamesThatAreNotJSONFiles() throws {
        let data = try FixtureFiles.data("broken/id-mismatch.json")
        XCTAssertEqual(try FormDecoder.decode(data, file: "<stdin>").id, "some-other-id")
    }

    func testBrokenFormsInlineReportTheirProblems() {
        let cases: [(String, String, String)] = [
            (#"[1, 2]"#, "$", "expected an object, found an array"),
            (#"{"formatVersion": 1, "id": "x", "id": "y"}"#, "$", "malformed JSON at line 1, column 33: the key \"id\" appears twice in the same object"),
            ("{\"a\": \"\u{1}\"}", "$", "malformed JSON at line 1, column 8: control character 0x1 inside a string (write it as an escape)"),
        ]
        for (text, path, reason) in cases {
            XCTAssertThrowsError(try FormDecoder.decode(jsonText: text, file: "x.json")) { error in
                let problems = (error as? FormDecodingError)?.problems ?? []
                XCTAssertEqual(problems.first?.path, path, text)
                XCTAssertEqual(problems.first?.reason.en, reason, text)
            }
        }
    }
}
