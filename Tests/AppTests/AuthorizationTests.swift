import App
import Foundation
import XCTest

/// Walks every registered route with no cookie, with each role and with a forged CSRF token.
final class AuthorizationTests: XCTestCase {
    func testEveryRouteAnswersEachCallerAsItsRuleSays() async throws {
        let running = try RunningApplication()
        defer { running.shutDown() }
        let code = try running.openSession()
        let logins = [
            "analyst": try await running.logIn(role: "analyst"),
            "facilitator": try await running.logIn(role: "facilitator"),
            "admin": try await running.logIn(role: "admin"),
        ]
        let rules = running.application.routeRules
        XCTAssertGreaterThan(rules.count, 20)

        // Logging out ends the login used, so it is walked last.
        for rule in rules.sorted(by: { ($0.pattern == "/api/logout" ? 1 : 0) < ($1.pattern == "/api/logout" ? 1 : 0) }) {
            let path = rule.pattern.replacingOccurrences(of: "{code}", with: code)
                .replacingOccurrences(of: "{path...}", with: "css/borgerdialog.css")
            let body = rule.method == "GET" ? nil : Data("{}".utf8)
            let isPage = rule.method == "GET" && !path.hasPrefix("/api/")
            let anonymous = try await running.request(rule.method, path, body: body)

            switch rule.access {
            case .citizen:
                if rule.pattern == "/api/me" || rule.pattern == "/api/login" {
                    // Open to all, and they answer 401 to whoever has no (valid) login.
                    XCTAssertEqual(anonymous.status, 401, "\(rule.method) \(path) without login")
                } else {
                    XCTAssertFalse([401, 403].contains(anonymous.status), "\(rule.method) \(path) is open to citizens, gave \(anonymous.status)")
                }
            case .staff(let roles):
                if isPage {
                    XCTAssertEqual(anonymous.status, 303, "\(path) sends the anonymous to log in")
                    XCTAssertTrue(anonymous.headers["location"]?.hasPrefix("/login") ?? false)
                } else {
                    XCTAssertEqual(anonymous.status, 401, "\(rule.method) \(path) without login")
                }
                for (role, login) in logins {
                    var headers = ["Cookie": login.cookie]
                    if rule.method != "GET" { headers["X-CSRF-Token"] = login.csrfToken }
                    let answer = try await running.request(rule.method, path, body: body, headers: headers)
                    let allowed = roles.contains { $0.rawValue == role }
                    if allowed {
                        XCTAssertFalse([401, 403].contains(answer.status), "\(role) may \(rule.method) \(path), gave \(answer.status)")
                    } else {
                        XCTAssertEqual(answer.status, 403, "\(role) may not \(rule.method) \(path)")
                    }
                    if allowed && rule.method != "GET" && rule.pattern != "/api/logout" {
                        let forged = try await running.request(
                            rule.method, path, body: body, headers: ["Cookie": login.cookie, "X-CSRF-Token": "forged-\(login.csrfToken)"])
                        XCTAssertEqual(forged.status, 403, "\(role) \(rule.method) \(path) with a forged CSRF token")
                        let missing = try await running.request(rule.method, path, body: body, headers: ["Cookie": login.cookie])
                        XCTAssertEqual(missing.status, 403, "\(role) \(rule.method) \(path) without a CSRF token")
                    }
                }
            }
        }
    }
}
