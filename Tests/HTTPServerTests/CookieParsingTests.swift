import HTTPServer
import XCTest

/// The `Cookie` header parser, with the inputs fuzzing found (Fuzz/Corpus/cookies).
final class CookieParsingTests: XCTestCase {
    private func cookies(_ values: String...) -> [String: String] {
        Request(headers: HTTPHeaders(values.map { ("Cookie", $0) })).cookies
    }

    func testPairsAreTrimmedUnquotedAndTheFirstValueWins() {
        XCTAssertEqual(cookies(" theme = dark ;borgerdialog_session=\"token\"; theme=light", "lang=da; nameless; =x"), [
            "theme": "dark", "borgerdialog_session": "token", "lang": "da",
        ])
    }

    /// A combining mark after "; " used to merge with the space into one grapheme, so the space
    /// stayed in the name and the cookie could not be found under its own name.
    func testACombiningMarkAfterASpaceDoesNotKeepTheSpace() {
        XCTAssertEqual(cookies("a=1; \u{301}eme=dark"), ["a": "1", "\u{301}eme": "dark"])
    }

    /// A combining mark after "=" used to hide the "=", and the whole pair was skipped.
    func testACombiningMarkAfterTheEqualsSignKeepsThePair() {
        XCTAssertEqual(cookies("a=\u{301}x; b=2"), ["a": "\u{301}x", "b": "2"])
    }

    /// A prepended mark (U+0600) before ";" used to swallow the separator and the next cookie.
    func testAPrependedMarkBeforeASemicolonDoesNotSwallowTheNextCookie() {
        XCTAssertEqual(cookies("a=1\u{600};b=2"), ["a": "1\u{600}", "b": "2"])
    }

    func testQuotesFollowedByACombiningMarkAreNotStrippedHalfway() {
        XCTAssertEqual(cookies("a=\"x\"\u{301}"), ["a": "\"x\"\u{301}"])
        XCTAssertEqual(cookies("a=\"\u{301}x\""), ["a": "\u{301}x"])
    }
}
