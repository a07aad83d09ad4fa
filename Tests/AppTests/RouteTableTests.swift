import App
import HTTPServer
import TestSupport
import XCTest

/// The route table and the access rules describe the same routes, and answering on the server's
/// thread stays a deliberate choice.
final class RouteTableTests: XCTestCase {
    var running: RunningApplication!

    override func setUpWithError() throws {
        running = try RunningApplication()
    }

    override func tearDown() {
        running.shutDown()
    }

    func testEveryRouteHasOneAccessRuleAndEveryRuleOneRoute() {
        let routes = running.application.router.routes.map { "\($0.method.rawValue) \($0.pattern)" }
        let rules = running.application.routeRules.map { "\($0.method) \($0.pattern)" }
        XCTAssertGreaterThan(routes.count, 20)
        XCTAssertEqual(Self.repeats(in: routes), [], "a route registered twice")
        XCTAssertEqual(Self.repeats(in: rules), [], "a route with two access rules")
        XCTAssertEqual(Set(routes).subtracting(rules).sorted(), [], "routes without an access rule")
        XCTAssertEqual(Set(rules).subtracting(routes).sorted(), [], "access rules without a route")
    }

    func testOnlyTheseRoutesAnswerOnTheServersThread() {
        // Adding one here is a conscious act: it must answer from a cache or a constant, never wait.
        let expected = [
            "GET /healthz",
            "GET /api/sessions/{code}/form",
            "GET /",
            "GET /s/{code}",
            "GET /static/{path...}",
            "GET /sw.js",
            "GET /login",
            "GET /setup",
            "GET /password",
        ]
        XCTAssertEqual(running.application.router.serverThreadRoutes.map(\.description), expected)
    }

    private static func repeats(in names: [String]) -> [String] {
        Dictionary(grouping: names) { $0 }.filter { $0.value.count > 1 }.keys.sorted()
    }
}
