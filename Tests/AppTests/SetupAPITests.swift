import App
import Authentication
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// The first administrator, made in the browser with the setup link a start without one prints:
/// it works once and for 24 hours, a new start replaces it, and wrong tokens are slowed down.
final class SetupAPITests: XCTestCase {
    var running: RunningApplication!
    let now = SharedValue(Date(timeIntervalSince1970: 1_796_000_000))

    override func setUpWithError() throws {
        let now = now
        running = try RunningApplication { $0.clock = { now.value } }
    }

    override func tearDown() {
        running.shutDown()
    }

    private func setupToken() throws -> String {
        let url = try XCTUnwrap(try running.application.issueSetupLinkIfNeeded(), "no admin yet, so a link")
        XCTAssertTrue(url.contains("/setup#"), url)
        return String(url.split(separator: "#").last ?? "")
    }

    func testTheFirstAdminIsCreatedWithTheLinkOnceAndIsLoggedIn() async throws {
        let token = try setupToken()
        let check = await running.post("/api/setup/check", json: ["token": .string(token)])
        XCTAssertEqual(check.status, .ok, check.text)
        XCTAssertEqual(try check.decode(API.LinkCheck.self).expiresAt, Timestamp.format(now.value.addingTimeInterval(24 * 3600)))

        let badEmail = await running.post("/api/setup", json: ["token": .string(token), "email": "it", "password": "en lang og god adgangskode"])
        XCTAssertEqual(try badEmail.decode(ErrorBody.self).errors?.map(\.field), ["email"])
        let weak = await running.post("/api/setup", json: ["token": .string(token), "email": "it@kommune.dk", "password": "1234567890"])
        XCTAssertEqual(try weak.decode(ErrorBody.self).errors?.map(\.reason),
                       ["Adgangskoden må ikke være ét tegn gentaget eller en simpel række."])
        let missing = await running.post("/api/setup", json: ["token": .string(token), "email": "it@kommune.dk"])
        XCTAssertEqual(missing.status, .badRequest)
        XCTAssertEqual(try missing.decode(ErrorBody.self).errors?.first?.field, "password")

        let created = await running.post("/api/setup", json: ["token": .string(token), "email": "it@kommune.dk", "password": "Rådhuset har grønne tage"])
        XCTAssertEqual(created.status, .created, created.text)
        let cookie = try XCTUnwrap(created.headers["Set-Cookie"]?.split(separator: ";").first.map(String.init))
        let csrf = try created.decode(API.Login.self).csrfToken
        let users = await running.get("/api/staff/users", headers: ["Cookie": cookie])
        XCTAssertEqual(try users.decode(API.UserList.self).users.map(\.role), ["admin"], "logged in as the new admin")
        let added = await running.post("/api/staff/users", json: ["email": "mette@kommune.dk", "role": "facilitator"],
                                       headers: ["Cookie": cookie, "X-CSRF-Token": csrf])
        XCTAssertEqual(added.status, .created, "and may work as one at once")

        let again = await running.post("/api/setup", json: ["token": .string(token), "email": "andre@kommune.dk", "password": "en anden lang adgangskode"])
        XCTAssertEqual(again.status, .conflict)
        XCTAssertEqual(again.errorReason, "Der er allerede en administrator, så opsætningslinket bruges ikke længere. Log ind i stedet.")
        let answer1 = await running.post("/api/setup/check", json: ["token": .string(token)])
        XCTAssertEqual(answer1.status, .conflict)
        XCTAssertNil(try running.application.issueSetupLinkIfNeeded(), "an admin exists: no more setup links")

        let actions = try running.application.store.auditEvents(limit: 10).map { "\($0.action) \($0.actor)" }
        XCTAssertTrue(actions.contains("setup.link system"), "\(actions)")
        XCTAssertTrue(actions.contains("setup.admin it@kommune.dk"), "\(actions)")
    }

    func testTheLinkExpiresAfter24HoursAndANewStartReplacesIt() async throws {
        let first = try setupToken()
        now.update { $0 = $0.addingTimeInterval(24 * 3600 - 1) }
        let answer2 = await running.post("/api/setup/check", json: ["token": .string(first)])
        XCTAssertEqual(answer2.status, .ok, "a second before expiry")
        now.update { $0 = $0.addingTimeInterval(1) }
        let expired = await running.post("/api/setup/check", json: ["token": .string(first)])
        XCTAssertEqual(expired.statusCode, 410)
        let expiredCreate = await running.post("/api/setup", json: ["token": .string(first), "email": "it@kommune.dk", "password": "Rådhuset har grønne tage"])
        XCTAssertEqual(expiredCreate.statusCode, 410, "no admin from an expired link")
        XCTAssertEqual(try running.application.store.accounts().count, 0)

        now.update { $0 = $0.addingTimeInterval(-3600) }
        let second = try setupToken()
        let answer3 = await running.post("/api/setup/check", json: ["token": .string(first)])
        XCTAssertEqual(answer3.statusCode, 410, "replaced by the new start's link")
        let answer4 = await running.post("/api/setup/check", json: ["token": .string(second)])
        XCTAssertEqual(answer4.status, .ok)
        let english = await running.post("/api/setup/check?lang=en", json: ["token": "not-a-token"])
        XCTAssertEqual(english.errorReason, "The link does not work: it has been used already, or it has expired. Ask an administrator for a new link.")
    }

    func testAnAddressThatKeepsTryingTokensIsLockedOut() async throws {
        let token = try setupToken()
        var statuses: [Int] = []
        for attempt in 0..<6 {
            statuses.append(await running.post("/api/setup/check", json: ["token": .string("guess-\(attempt)")]).statusCode)
        }
        XCTAssertEqual(statuses.prefix(5), [410, 410, 410, 410, 410])
        XCTAssertEqual(statuses.last, 429, "\(statuses)")
        let locked = await running.post("/api/setup/check", json: ["token": .string(token)])
        XCTAssertEqual(locked.status, .tooManyRequests, "even the right token waits out the lock")
        XCTAssertGreaterThan(try XCTUnwrap(try locked.decode(ErrorBody.self).retryAfterSeconds), 0)
    }
}
