import XCTest
import Hashing
@testable import Authentication

final class SecretTokenTests: XCTestCase {
    private let base64URLAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    func testTokenLengthFollowsTheByteCount() {
        XCTAssertEqual(SecretToken.generate().count, 43, "32 bytes are 43 base64 characters without padding")
        XCTAssertEqual(SecretToken.generate(byteCount: 16).count, 22)
        XCTAssertEqual(SecretToken.generate(byteCount: 3).count, 4)
        XCTAssertEqual(SecretToken.generate(byteCount: 1).count, 2)
    }

    func testTokensUseOnlyTheBase64URLAlphabetWithoutPadding() {
        for _ in 0..<200 {
            let token = SecretToken.generate()
            XCTAssertTrue(token.allSatisfy(base64URLAlphabet.contains), token)
        }
    }

    func testTokensSpreadOverTheWholeAlphabet() {
        let seen = Set((0..<200).flatMap { _ in SecretToken.generate() })
        XCTAssertEqual(seen, base64URLAlphabet, "200 tokens of 43 characters should show every character")
    }

    func testThousandTokensAreUnique() {
        let tokens = (0..<1000).map { _ in SecretToken.generate() }
        XCTAssertEqual(Set(tokens).count, 1000)
    }

    func testDigestIsTheSHA256HexOfTheToken() {
        let token = SecretToken.generate()
        let digest = SecretToken.digest(token)
        XCTAssertEqual(digest.count, 64)
        XCTAssertTrue(digest.allSatisfy { "0123456789abcdef".contains($0) })
        XCTAssertEqual(digest, SHA256.hexDigest(of: Array(token.utf8)))
        XCTAssertEqual(SecretToken.digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertNotEqual(SecretToken.digest(token), SecretToken.digest(SecretToken.generate()))
    }

    func testNumericPINHasTheDigitsAskedFor() {
        for digits in [1, 4, 6, 12] {
            let pin = SecretToken.numericPIN(digits: digits)
            XCTAssertEqual(pin.count, digits)
            XCTAssertTrue(pin.allSatisfy { $0.isASCII && $0.isNumber }, pin)
        }
    }

    func testNumericPINUsesEveryDigitInEveryPosition() {
        let pins = (0..<500).map { _ in Array(SecretToken.numericPIN(digits: 4)) }
        for position in 0..<4 {
            XCTAssertEqual(Set(pins.map { $0[position] }).count, 10, "position \(position)")
        }
    }

    func testConstantTimeEqualsComparesBytes() {
        let token = SecretToken.generate()
        XCTAssertTrue(constantTimeEquals(token, token))
        XCTAssertTrue(constantTimeEquals("", ""))
        XCTAssertTrue(constantTimeEquals("blåbær", "blåbær"))
        XCTAssertFalse(constantTimeEquals(token, SecretToken.generate()))
        XCTAssertFalse(constantTimeEquals("abc", "abd"))
        XCTAssertFalse(constantTimeEquals("abc", "abc\0"), "a longer string padded with NUL is not equal")
        XCTAssertFalse(constantTimeEquals("abc", "ab"))
        XCTAssertFalse(constantTimeEquals("", "a"))
        XCTAssertFalse(constantTimeEquals("Abc", "abc"))
    }

    func testUnpaddedBase64RoundTrips() throws {
        for length in 0..<40 {
            let bytes = SecureRandom.bytes(count: length)
            let text = UnpaddedBase64.encode(bytes, urlSafe: false)
            XCTAssertFalse(text.contains("="))
            XCTAssertEqual(UnpaddedBase64.decode(Substring(text)), bytes)
        }
        XCTAssertNil(UnpaddedBase64.decode("abcde"), "a single leftover character is never produced")
        XCTAssertNil(UnpaddedBase64.decode("ab-_"), "the URL alphabet is not the PHC alphabet")
        XCTAssertNil(UnpaddedBase64.decode("ab=="))
    }
}
