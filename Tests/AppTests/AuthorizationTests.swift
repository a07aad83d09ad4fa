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

    func testADisabledAccountsCookieIsRefusedAtOnce() async throws {
        let running = try RunningApplication()
        defer { running.shutDown() }
        let admin = try await running.logIn(.admin)
        let facilitator = try await running.logIn(.facilitator)
        let code = try running.openSession()
        let answer1 = await running.get("/api/staff/sessions/\(code)/live", as: facilitator)
        XCTAssertEqual(answer1.status, .ok)
        let userList = try await running.get("/api/staff/users", as: admin).decode(API.UserList.self)
        let id = try XCTUnwrap(userList.users
            .first { $0.email == facilitator.email }?.id)

        let answer2 = await running.post("/api/staff/users/\(id)/disable", json: [:], as: admin)
        XCTAssertEqual(answer2.status, .ok)
        let answer3 = await running.get("/api/staff/sessions/\(code)/live", as: facilitator)
        XCTAssertEqual(answer3.status, .unauthorized, "the next request")
        let answer4 = await running.handle(.post, "/api/staff/sessions/\(code)/close", body: Array("{}".utf8), as: facilitator)
        XCTAssertEqual(answer4.status,
                       .unauthorized)
        let answer5 = await running.get("/staff", as: facilitator)
        XCTAssertEqual(answer5.status, .seeOther, "pages send it to log in")
        let login = await running.post("/api/login", json: ["email": .string(facilitator.email), "password": .string(facilitator.password)])
        XCTAssertEqual(login.status, .unauthorized, "and it cannot log in again")

        let answer6 = await running.post("/api/staff/users/\(id)/enable", json: [:], as: admin)
        XCTAssertEqual(answer6.status, .ok)
        let answer7 = await running.get("/api/me", as: facilitator)
        XCTAssertEqual(answer7.status, .unauthorized, "enabling does not revive the ended login")
        _ = try await running.logIn(email: facilitator.email, password: facilitator.password, role: .facilitator)
    }
}
