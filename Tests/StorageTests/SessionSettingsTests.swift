import XCTest
@testable import Storage

/// The kiosk rules' one home.
final class SessionSettingsTests: XCTestCase {
    func testAKioskPinIsFourToEightASCIIDigits() {
        for pin in ["1234", "0000", "12345678", "0042"] {
            XCTAssertTrue(SessionSettings.isValidKioskPin(pin), pin)
        }
        // Arabic-Indic and full-width digits are numbers to Swift, but not keys on every tablet.
        for pin in ["", "123", "123456789", "12a4", "12 34", "١٢٣٤", "１２３４", "½½½½", "-123"] {
            XCTAssertFalse(SessionSettings.isValidKioskPin(pin), pin)
        }
    }

    func testTheIdleTimeoutRangeIsHalfAMinuteToAQuarterOfAnHour() {
        XCTAssertEqual(SessionSettings.idleTimeoutRange, 30...900)
        XCTAssertFalse(SessionSettings.isValidIdleTimeout(29))
        XCTAssertTrue(SessionSettings.isValidIdleTimeout(30))
        XCTAssertTrue(SessionSettings.isValidIdleTimeout(900))
        XCTAssertFalse(SessionSettings.isValidIdleTimeout(901))
        XCTAssertTrue(SessionSettings.isValidIdleTimeout(SessionSettings.defaultIdleTimeoutSeconds))
    }

    func testProblemsComeInParameterOrderWithReasonsInBothLanguages() {
        XCTAssertEqual(SessionSettings.problems(idleTimeoutSeconds: 90, kioskPin: nil), [], "no PIN is allowed")
        XCTAssertEqual(SessionSettings.problems(idleTimeoutSeconds: 90, kioskPin: "1234"), [])
        let problems = SessionSettings.problems(idleTimeoutSeconds: 5, kioskPin: "12")
        XCTAssertEqual(problems, [.idleTimeoutOutOfRange(seconds: 5), .invalidKioskPin])
        XCTAssertEqual(problems.map(\.setting), ["idleTimeoutSeconds", "kioskPin"])
        XCTAssertTrue(problems[0].danishReason.contains("30 og 900 sekunder"), problems[0].danishReason)
        XCTAssertTrue(problems[0].englishReason.contains("30 and 900 seconds"), problems[0].englishReason)
        XCTAssertTrue(problems[1].danishReason.contains("4–8 cifre"), problems[1].danishReason)
    }

    func testANewSessionTakesItsDefaultsFromTheSettings() throws {
        let store = try makeStore()
        let form = try store.saveFormVersion(formID: "f", contentHash: "h", definition: "{}")

        let session = try store.createSession(NewSession(code: "STD", title: "t", formVersionID: form.id))

        XCTAssertEqual(NewSession(code: "x", title: "t", formVersionID: 1).idleTimeoutSeconds, SessionSettings.defaultIdleTimeoutSeconds)
        XCTAssertEqual(session.idleTimeoutSeconds, 90)
        XCTAssertNil(session.kioskPinHash)
    }
}
