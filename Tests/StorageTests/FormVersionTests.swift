import XCTest
@testable import Storage

final class FormVersionTests: XCTestCase {
    func testSavingTheSameFormAndHashTwiceReturnsTheSameVersion() throws {
        let store = try makeStore()

        let first = try store.saveFormVersion(formID: "frivillighed", contentHash: "aaa", definition: #"{"v":1}"#)
        let again = try store.saveFormVersion(formID: "frivillighed", contentHash: "aaa", definition: #"{"v":1}"#)

        XCTAssertEqual(again, first)
        XCTAssertEqual(first.formID, "frivillighed")
        XCTAssertEqual(first.contentHash, "aaa")
        XCTAssertEqual(first.definition, #"{"v":1}"#)
        XCTAssertEqual(try store.formVersion(id: first.id), first)
    }

    func testAChangedDefinitionGivesANewVersionAndKeepsTheOld() throws {
        let store = try makeStore()
        let old = try store.saveFormVersion(formID: "frivillighed", contentHash: "aaa", definition: #"{"v":1}"#)

        let new = try store.saveFormVersion(formID: "frivillighed", contentHash: "bbb", definition: #"{"v":2}"#)

        XCTAssertNotEqual(new.id, old.id)
        XCTAssertEqual(new.definition, #"{"v":2}"#)
        XCTAssertEqual(try store.formVersion(id: old.id), old)
        XCTAssertEqual(try store.formVersion(id: new.id), new)
    }

    func testTheSameHashUnderAnotherFormIsAnotherVersion() throws {
        let store = try makeStore()
        let first = try store.saveFormVersion(formID: "a", contentHash: "same", definition: "{}")
        let second = try store.saveFormVersion(formID: "b", contentHash: "same", definition: "{}")

        XCTAssertNotEqual(first.id, second.id)
    }

    func testAnUnknownIDFindsNothing() throws {
        let store = try makeStore()

        XCTAssertNil(try store.formVersion(id: 4242))
    }
}
