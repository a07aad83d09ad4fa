@testable import Exports
import XCTest

final class XLSXSheetNamesTests: XCTestCase {
    func testNamesAreShortValidAndUnique() {
        var names = XLSXSheetNames(reserved: ["Svar", "Temaer", "Kodebog"])
        XCTAssertEqual(names.claim("idea"), "idea")
        XCTAssertEqual(names.claim("svar"), "svar (2)")
        XCTAssertEqual(names.claim("a/b:c*d?e[f]g\\h"), "abcdefgh")
        let long = String(repeating: "langt-id-", count: 6)
        let first = names.claim(long)
        let second = names.claim(long)
        XCTAssertEqual(first.count, 31)
        XCTAssertEqual(second.count, 31)
        XCTAssertNotEqual(first.lowercased(), second.lowercased())
        XCTAssertTrue(second.hasSuffix(" (2)"))
        XCTAssertEqual(names.claim("'citat'"), "citat")
        XCTAssertEqual(names.claim("???"), "Spørgsmål")
    }
}
