import HTTPServer
import XCTest

/// A combining mark after `/` must not hide the separator from the router.
final class RoutePatternUnicodeTests: XCTestCase {
    func testAParameterNeverHoldsASlashHiddenByACombiningMark() async {
        var routes = RouteTable()
        routes.addOnServerThread(.get, "/api/sessions/{code}/form") { request in .text(request.pathParameters["code"] ?? "") }
        let router = Router(routes, logger: testLogger)
        let hidden = await router.handle(Request(method: .get, path: "/api/sessions/AB/\u{301}x/form"))
        XCTAssertEqual(hidden.status.code, 404)
        let plain = await router.handle(Request(method: .get, path: "/api/sessions/KØGE\u{301}/form"))
        XCTAssertEqual(plain.bodyText, "KØGE\u{301}")
    }
}
