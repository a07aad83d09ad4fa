@testable import HTTPServer
import XCTest

final class StaticFilesUnicodeTests: XCTestCase {
    func testMarksThatJoinASeparatorDoNotHideIt() {
        XCTAssertNil(StaticFiles.safeSegments(of: "\u{600}/../x"))
        XCTAssertNil(StaticFiles.safeSegments(of: "+M\\\u{200D}3on"))
        XCTAssertEqual(StaticFiles.safeSegments(of: "css/\u{600}x/tablet.css"), ["css", "\u{600}x", "tablet.css"])
    }
}
