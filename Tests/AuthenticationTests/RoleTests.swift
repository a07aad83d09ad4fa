import XCTest
import Authentication

final class RoleTests: XCTestCase {
    func testRolesAreOrderedByPrivilege() {
        XCTAssertLessThan(Role.analyst, Role.facilitator)
        XCTAssertLessThan(Role.facilitator, Role.admin)
        XCTAssertEqual(Role.allCases.sorted(), [.analyst, .facilitator, .admin])
        XCTAssertEqual([Role.admin, .analyst, .facilitator].max(), .admin)
    }

    func testIncludesMeansAtLeast() {
        XCTAssertTrue(Role.admin.includes(.facilitator))
        XCTAssertTrue(Role.facilitator.includes(.facilitator))
        XCTAssertFalse(Role.analyst.includes(.facilitator))
        XCTAssertFalse(Role.facilitator.includes(.admin))
    }

    func testRolesRoundTripThroughTheirStoredNames() throws {
        XCTAssertEqual(Role.allCases.map(\.rawValue), ["analyst", "facilitator", "admin"])
        let data = try JSONEncoder().encode([Role.facilitator])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["facilitator"]"#)
        XCTAssertEqual(try JSONDecoder().decode([Role].self, from: data), [.facilitator])
        XCTAssertNil(Role(rawValue: "Admin"))
    }
}
