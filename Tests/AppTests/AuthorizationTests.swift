import App
import Authentication
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// Walks every registered route through the router with no cookie, with each role and with a
/// forged or missing CSRF token.
final class AuthorizationTests: XCTestCase {
    func testEveryRouteAnswersEachCallerAsItsRuleSays() async throws {
        let running = try RunningApplication()
        defer { running.shutDown() }
        let code = try running.openSession()
        var logins: [Role: StaffLogin] = [:]
        for role in Role.allCases {
            logins[role] = try await running.logIn(role)
        }
        // The account routes act on an account of their own: disabling a logged-in walker would end its login.
        let target = try Administration.addUser(
            configuration: running.application.configuration, email: "walk-target@kommune.dk", role: .analyst,
            password: RunningApplication.password(for: .analyst)).account
        let rules = running.application.routeRules
        XCTAssertGreaterThan(rules.count, 20)
        var staffRulesWalked = 0

        // Logging out ends the login used, so it is walked last.
        for rule in rules.sorted(by: { ($0.pattern == "/api/logout" ? 1 : 0) < ($1.pattern == "/api/logout" ? 1 : 0) }) {
            let method = HTTPMethod(rawValue: rule.method)
            let path = rule.pattern.replacingOccurrences(of: "/api/staff/users/{id}", with: "/api/staff/users/\(target.id)")
                .replacingOccurrences(of: "{code}", with: code)
                .replacingOccurrences(of: "{path...}", with: "css/borgerdialog.css")
                .replacingOccurrences(of: "{formId}", with: "test-dialogue").replacingOccurrences(of: "{id}", with: "1")
            let body: [UInt8]? = method == .get ? nil : Array("{}".utf8)
            let isPage = method == .get && !path.hasPrefix("/api/")
            let what = "\(rule.method) \(path)"
            let anonymous = await running.handle(method, path, body: body)

            switch rule.access {
            case .citizen:
                if rule.pattern == "/api/me" || rule.pattern == "/api/login" {
                    // Open to all, and they answer 401 to whoever has no (valid) login.
                    XCTAssertEqual(anonymous.status, .unauthorized, "\(what) without login")
                } else {
                    XCTAssertFalse([401, 403].contains(anonymous.statusCode), "\(what) is open to citizens, gave \(anonymous.status)")
                }
            case .staff(let roles):
                staffRulesWalked += 1
                if isPage {
                    XCTAssertEqual(anonymous.status, .seeOther, "\(path) sends the anonymous to log in")
                    XCTAssertEqual(anonymous.headers["Location"]?.hasPrefix("/login?next="), true, path)
                } else {
                    XCTAssertEqual(anonymous.status, .unauthorized, "\(what) without login")
                }
                for (role, login) in logins.sorted(by: { $0.key < $1.key }) {
                    let answer = await running.handle(method, path, body: body, as: login)
                    if roles.contains(role) {
                        XCTAssertFalse([401, 403].contains(answer.statusCode), "\(role) may \(what), gave \(answer.status)")
                    } else {
                        XCTAssertEqual(answer.status, .forbidden, "\(role) may not \(what)")
                    }
                    if roles.contains(role), method != .get, rule.pattern != "/api/logout" {
                        let forged = await running.handle(
                            method, path, body: body, headers: ["Cookie": login.cookie, "X-CSRF-Token": "forged-\(login.csrfToken)"])
                        XCTAssertEqual(forged.status, .forbidden, "\(role) \(what) with a forged CSRF token")
                        let missing = await running.handle(method, path, body: body, headers: ["Cookie": login.cookie])
                        XCTAssertEqual(missing.status, .forbidden, "\(role) \(what) without a CSRF token")
                    }
                }
            }
        }
        XCTAssertGreaterThan(staffRulesWalked, 15, "the staff routes were walked")
    }
}
