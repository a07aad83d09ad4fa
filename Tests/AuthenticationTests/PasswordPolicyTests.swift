import XCTest
import Authentication

final class PasswordPolicyTests: XCTestCase {
    func testAGoodPasswordHasNoProblems() {
        XCTAssertEqual(PasswordPolicy.problems(in: "Grønne fællesskaber i Hjørring"), [])
        XCTAssertEqual(PasswordPolicy.problems(in: "tRe-kaniner-9"), [])
    }

    func testShortPasswordsAreRefusedByCharactersNotBytes() {
        XCTAssertEqual(PasswordPolicy.minimumLength, 10)
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "kort-ord1"), [.tooShort(minimumLength: 10)])
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "kort-ord12"), [])
        // Nine characters that are 14 bytes in UTF-8 are still too short.
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "æøåæøå-x1"), [.tooShort(minimumLength: 10)])
        XCTAssertEqual(PasswordPolicy.problems(in: ""), ["must be at least 10 characters long"])
    }

    func testOverlongPasswordsAreRefusedByBytes() {
        XCTAssertEqual(PasswordPolicy.problemKinds(in: String(repeating: "ab1-", count: 256)), [])
        XCTAssertEqual(
            PasswordPolicy.problemKinds(in: String(repeating: "ab1-", count: 256) + "x"),
            [.tooLong(maximumBytes: 1024)]
        )
        XCTAssertEqual(
            PasswordPolicy.problemKinds(in: String(repeating: "æb1-", count: 205)),
            [.tooLong(maximumBytes: 1024)],
            "820 characters, 1025 bytes"
        )
    }

    func testControlCharactersAreRefused() {
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "linje et\nlinje to"), [.controlCharacters])
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "nul\0i midten ok"), [.controlCharacters])
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "mellemrum er fine"), [])
    }

    func testPredictableAndCommonPasswordsAreRefused() {
        XCTAssertTrue(PasswordPolicy.problemKinds(in: "aaaaaaaaaaaa").contains(.predictable))
        XCTAssertTrue(PasswordPolicy.problemKinds(in: "            ").contains(.predictable))
        XCTAssertTrue(PasswordPolicy.problemKinds(in: "1234567890").contains(.predictable))
        XCTAssertTrue(PasswordPolicy.problemKinds(in: "QWERTYUIOP").contains(.predictable))
        XCTAssertTrue(PasswordPolicy.problemKinds(in: "abcdefghijkl").contains(.predictable))
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "Password123"), [.tooCommon])
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "Adgangskode123"), [.tooCommon])
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "Sommer2025"), [.tooCommon])
    }

    func testPasswordContainingTheEmailNameIsRefused() {
        XCTAssertEqual(
            PasswordPolicy.problemKinds(in: "MetteHansen-2025!", accountName: "mettehansen@hjoerring.dk"),
            [.containsAccountName]
        )
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "MetteHansen-2025!", accountName: "jens@hjoerring.dk"), [])
        XCTAssertEqual(PasswordPolicy.problemKinds(in: "MetteHansen-2025!"), [])
    }

    func testEveryProblemHasDanishAndEnglishText() {
        let problems: [PasswordProblem] = [
            .tooShort(minimumLength: 10), .tooLong(maximumBytes: 1024), .controlCharacters,
            .predictable, .tooCommon, .containsAccountName,
        ]
        XCTAssertEqual(Set(problems.map(\.description)).count, problems.count)
        XCTAssertEqual(Set(problems.map(\.danishDescription)).count, problems.count)
        XCTAssertTrue(PasswordProblem.tooShort(minimumLength: 10).danishDescription.contains("10"))
    }
}
