import XCTest
@testable import Authentication

final class ClientAddressKeyTests: XCTestCase {
    func testIPv4AddressesCountAsWritten() {
        XCTAssertEqual(ClientAddressKey.key(for: "192.0.2.10"), "192.0.2.10")
        XCTAssertEqual(ClientAddressKey.key(for: " 192.0.2.10 "), "192.0.2.10")
    }

    func testIPv6AddressesCountPerSlash64() {
        XCTAssertEqual(ClientAddressKey.key(for: "2001:db8:1:2::1"), "2001:db8:1:2::/64")
        XCTAssertEqual(ClientAddressKey.key(for: "2001:DB8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64")
        XCTAssertEqual(ClientAddressKey.key(for: "[2001:db8::1]"), "2001:db8:0:0::/64")
        XCTAssertEqual(ClientAddressKey.key(for: "fe80::1%eth0"), "fe80:0:0:0::/64")
        XCTAssertEqual(ClientAddressKey.key(for: "::1"), "0:0:0:0::/64")
    }

    func testIPv4MappedAddressesCountAsTheirIPv4Address() {
        XCTAssertEqual(ClientAddressKey.key(for: "::ffff:192.0.2.10"), "192.0.2.10")
        XCTAssertEqual(ClientAddressKey.key(for: "::ffff:c000:20a"), "192.0.2.10")
    }

    func testMalformedAddressesCountAsWritten() {
        for text in ["2001:::1", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "::ffff:300.1.1.1", "g::1", "unknown"] {
            XCTAssertNil(text == "unknown" ? nil : ClientAddressKey.ipv6Groups(text), text)
            XCTAssertEqual(ClientAddressKey.key(for: text), text)
        }
    }

    func testFullAndCompressedFormsParseToTheSameGroups() {
        XCTAssertEqual(ClientAddressKey.ipv6Groups("2001:db8:0:0:0:0:0:1"), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(ClientAddressKey.ipv6Groups("2001:db8::1"), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(ClientAddressKey.ipv6Groups("::"), [0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(ClientAddressKey.ipv6Groups("1::"), [1, 0, 0, 0, 0, 0, 0, 0])
    }
}
