import Forms
import XCTest
@testable import XLSForm

final class RelevantExpressionTests: XCTestCase {
    private let targets: [String: ConditionTarget] = [
        "role": .choice(multiple: false), "activities": .choice(multiple: true), "wants-more": .yesNo,
        "score": .scale(minimum: 1, maximum: 5), "hours": .number, "town": .text,
    ]

    private func condition(_ expression: String) throws -> JSONValue {
        .object(try RelevantExpression.condition(expression) { self.targets[$0] })
    }

    func testTheExpressionsAConditionCanSay() throws {
        let cases: [(String, JSONValue)] = [
            ("${role} = 'volunteer'", ["question": "role", "equals": "volunteer"]),
            ("${role}='volunteer'", ["question": "role", "equals": "volunteer"]),
            ("'volunteer' = ${role}", ["question": "role", "equals": "volunteer"]),
            (#"${role} = "Volunteer""#, ["question": "role", "equals": "volunteer"]),
            ("${role} = 'association' or ${role} = 'network'", ["question": "role", "in": ["association", "network"]]),
            ("(${role} = 'association')", ["question": "role", "in": ["association"]]),
            ("selected(${activities}, 'sport')", ["question": "activities", "equals": "sport"]),
            ("selected( ${activities} , 'sport' ) or selected(${activities}, 'culture')", ["question": "activities", "in": ["sport", "culture"]]),
            ("${activities} = 'sport'", ["question": "activities", "equals": "sport"]),
            ("${wants-more} = 'yes'", ["question": "wants-more", "equals": true]),
            ("${wants-more} = false()", ["question": "wants-more", "equals": false]),
            ("${score} = 3", ["question": "score", "equals": 3]),
            ("${score} = '3'", ["question": "score", "equals": 3]),
            ("${score} >= 4", ["question": "score", "in": [4, 5]]),
            ("${score} < 2 or ${score} > 4", ["question": "score", "in": [1, 5]]),
            ("2 > ${score}", ["question": "score", "in": [1]]),
            ("${score} = 'dont_know'", ["question": "score", "equals": "dont_know"]),
            ("${hours} = 2.5", ["question": "hours", "equals": 2.5]),
            ("${town} = 'Ålbæk'", ["question": "town", "equals": "Ålbæk"]),
            ("${Respondent_Role} = 'Yes'", ["question": "respondent-role", "equals": "Yes"]),
        ]
        for (expression, expected) in cases {
            XCTAssertEqual(try condition(expression), expected, expression)
        }
    }

    func testWhatAConditionCannotSay() {
        let cases: [(String, String)] = [
            ("${role} = 'a' and ${role} = 'b'", "and cannot be used"),
            ("not(selected(${activities}, 'sport'))", "not cannot be used"),
            ("${role} != 'a'", "!= cannot be used"),
            ("${hours} > 10", "the comparison > can only be used on a scale"),
            ("${role} = 'a' or ${town} = 'b'", "a condition can look at only one earlier answer"),
            ("regex(${town}, '^A')", "regex cannot be used"),
            ("${role} = ", "the expression cannot be read as a condition"),
            ("${role} = 'open", "a text in the expression lacks its closing quote"),
            ("${leader} = ‘other’", "the character ‘ cannot be used in a condition"),
        ]
        for (expression, start) in cases {
            XCTAssertThrowsError(try condition(expression), expression) { error in
                let reason = (error as? RelevantExpression.Unsupported)?.reason
                XCTAssertTrue(reason?.en.hasPrefix(start) ?? false, "\(expression): \(reason?.en ?? "")")
                XCTAssertNotEqual(reason?.da, reason?.en)
            }
        }
    }

    func testWrittenExpressionsReadBackAsTheSameCondition() throws {
        let conditions: [(JSONValue, ConditionTarget, String)] = [
            (["question": "role", "equals": "volunteer"], .choice(multiple: false), "${role} = 'volunteer'"),
            (["question": "role", "in": ["a", "b"]], .choice(multiple: false), "${role} = 'a' or ${role} = 'b'"),
            (["question": "role", "in": ["a"]], .choice(multiple: false), "(${role} = 'a')"),
            (["question": "activities", "equals": "sport"], .choice(multiple: true), "selected(${activities}, 'sport')"),
            (["question": "activities", "in": ["sport"]], .choice(multiple: true), "(selected(${activities}, 'sport'))"),
            (["question": "wants-more", "equals": false], .yesNo, "${wants-more} = 'no'"),
            (["question": "score", "in": [4, 5]], .scale(minimum: 1, maximum: 5), "${score} = 4 or ${score} = 5"),
            (["question": "town", "equals": "Karen's"], .text, #"${town} = "Karen's""#),
        ]
        for (value, target, text) in conditions {
            let written = try RelevantExpression.text(of: value.objectValue ?? [:], target: target)
            XCTAssertEqual(written, text)
            let question = value.objectValue?["question"]?.stringValue ?? ""
            XCTAssertEqual(.object(try RelevantExpression.condition(written) { $0 == question ? target : nil }), value, text)
        }
        XCTAssertThrowsError(try RelevantExpression.text(of: ["question": "town", "equals": #"a'b"c"#], target: .text))
    }
}
