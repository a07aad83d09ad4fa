import App
import Authentication
import Forms
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// Staff accounts run by admins in the browser: add with a one-time link, set the password with
/// it once, change role, disable, reset, delete one without history; the last admin stays.
final class UsersAPITests: XCTestCase {
    var running: RunningApplication!
    /// The time one-time links are made and checked by; tests move it instead of sleeping.
    let now = SharedValue(Date(timeIntervalSince1970: 1_796_000_000))

    override func setUpWithError() throws {
        let now = now
        running = try RunningApplication { $0.clock = { now.value } }
    }

    override func tearDown() {
        running.shutDown()
    }

    private let goodPassword = "Mødelederens lange sætning"

    func testAnAdminAddsAFacilitatorWhoSetsTheirPasswordWithTheLinkOnce() async throws {
        let admin = try await running.logIn(.admin)
        let added = await running.post(
            "/api/staff/users", json: ["email": " mette@kommune.dk ", "role": "facilitator"], headers: ["Host": "dialog.kommune.dk"], as: admin)
        XCTAssertEqual(added.status, .created, added.text)
        let link = try added.decode(API.UserLink.self)
        XCTAssertEqual(link.user.email, "mette@kommune.dk", "trimmed")
        XCTAssertEqual(link.user.status, "invited")
        XCTAssertTrue(link.user.canDelete)
        XCTAssertTrue(link.setPasswordURL.hasPrefix("http://dialog.kommune.dk/password#"), link.setPasswordURL)
        XCTAssertGreaterThanOrEqual(link.token.count, 43, "a 32-byte token")
        XCTAssertEqual(link.linkExpiresAt, Timestamp.format(now.value.addingTimeInterval(OneTimeLinks.passwordLifetime)))

        let beforeSetting = await running.post("/api/login", json: ["email": "mette@kommune.dk", "password": .string(goodPassword)])
        XCTAssertEqual(beforeSetting.status, .unauthorized, "an invited account has no password yet")

        let check = await running.post("/api/password/check", json: ["token": .string(link.token)])
        XCTAssertEqual(check.status, .ok, check.text)
        let checked = try check.decode(API.LinkCheck.self)
        XCTAssertEqual(checked.email, "mette@kommune.dk")
        XCTAssertTrue(checked.firstPassword)
        XCTAssertTrue(checked.passwordRules.first?.da.hasPrefix("Mindst \(PasswordPolicy.minimumLength) tegn") == true,
                      "the policy's own limit, in Danish: \(checked.passwordRules)")

        let weak = await running.post("/api/password", json: ["token": .string(link.token), "password": "kort"])
        XCTAssertEqual(weak.status, .unprocessableContent)
        let weakReasons = try weak.decode(ErrorBody.self).errors?.map(\.reason) ?? []
        XCTAssertTrue(weakReasons.contains("Adgangskoden skal være mindst 10 tegn lang."), "\(weakReasons)")
        let named = await running.post("/api/password", json: ["token": .string(link.token), "password": "mette-har-en-kode"])
        XCTAssertEqual(try named.decode(ErrorBody.self).errors?.map(\.reason), ["Adgangskoden må ikke indeholde dit e-mail-navn."])

        let set = await running.post("/api/password", json: ["token": .string(link.token), "password": .string(goodPassword)])
        XCTAssertEqual(set.status, .ok, set.text)
        XCTAssertEqual(try set.decode(API.Login.self).user.role, "facilitator")
        let cookie = try XCTUnwrap(set.headers["Set-Cookie"]?.split(separator: ";").first.map(String.init))
        let me = await running.get("/api/me", headers: ["Cookie": cookie])
        XCTAssertEqual(try me.decode(API.Login.self).user.email, "mette@kommune.dk", "setting the password logs in")

        let again = await running.post("/api/password", json: ["token": .string(link.token), "password": "en anden lang adgangskode"])
        XCTAssertEqual(again.statusCode, 410, "a link works once")
        XCTAssertEqual(again.errorReason, "Linket virker ikke: det er allerede brugt, eller det er udløbet. Bed en administrator om et nyt link.")

        _ = try await running.logIn(email: "mette@kommune.dk", password: goodPassword, role: .facilitator)
        let list = try await running.get("/api/staff/users", as: admin).decode(API.UserList.self)
        let mette = try XCTUnwrap(list.users.first { $0.email == "mette@kommune.dk" })
        XCTAssertEqual(mette.status, "active")
        XCTAssertNotNil(mette.lastLoginAt)
        XCTAssertFalse(mette.canDelete, "logged in: history")
        XCTAssertEqual(list.users.first { $0.isYou }?.email, admin.email)

        let delete = await running.handle(.delete, "/api/staff/users/\(mette.id)", as: admin)
        XCTAssertEqual(delete.status, .conflict)
        XCTAssertTrue(delete.errorReason?.contains("Deaktivér den i stedet") == true, delete.text)

        let actions = try running.application.store.auditEvents(limit: 20).map { "\($0.action) \($0.actor) \($0.target ?? "")" }
        XCTAssertTrue(actions.contains("user.add \(admin.email) mette@kommune.dk"), "\(actions)")
        XCTAssertTrue(actions.contains("password.set mette@kommune.dk mette@kommune.dk"), "\(actions)")
    }

    func testAnExpiredLinkIsRefusedAndANewOneCanBeMade() async throws {
        let admin = try await running.logIn(.admin)
        let link = try await running.post("/api/staff/users", json: ["email": "ole@kommune.dk", "role": "analyst"], as: admin)
            .decode(API.UserLink.self)
        now.update { $0 = $0.addingTimeInterval(OneTimeLinks.passwordLifetime) }
        let expired = await running.post("/api/password/check", json: ["token": .string(link.token)])
        XCTAssertEqual(expired.statusCode, 410)
        let listed = try await running.get("/api/staff/users", as: admin).decode(API.UserList.self).users.first { $0.email == "ole@kommune.dk" }
        XCTAssertEqual(listed?.status, "invited")
        XCTAssertNil(listed?.linkExpiresAt, "no working link: the page offers a new one")

        let fresh = await running.handle(.post, "/api/staff/users/\(link.user.id)/reset", body: Array("{}".utf8), as: admin)
        XCTAssertEqual(fresh.status, .ok, fresh.text)
        let token = try fresh.decode(API.UserLink.self).token
        let answer1 = await running.post("/api/password/check", json: ["token": .string(token)])
        XCTAssertEqual(answer1.status, .ok)
    }

    func testTheLastAdminIsKeptWithTheReasonInTheRequestsLanguage() async throws {
        let admin = try await running.logIn(.admin)
        let userList = try await running.get("/api/staff/users", as: admin).decode(API.UserList.self)
        let myID = try XCTUnwrap(userList.users.first { $0.isYou }?.id)

        let demote = await running.post("/api/staff/users/\(myID)/role", json: ["role": "analyst"], as: admin)
        XCTAssertEqual(demote.status, .conflict)
        XCTAssertEqual(demote.errorReason, "\(admin.email) er den sidste aktive administrator. Giv en anden konto rollen administrator først.")
        let english = await running.post("/api/staff/users/\(myID)/role?lang=en", json: ["role": "analyst"], as: admin)
        XCTAssertEqual(english.errorReason, "\(admin.email) is the last enabled administrator. Give another account the administrator role first.")
        let accepted = await running.post("/api/staff/users/\(myID)/disable", json: [:], headers: ["Accept-Language": "en-GB,en;q=0.9"], as: admin)
        XCTAssertEqual(accepted.status, .conflict)
        XCTAssertTrue(accepted.errorReason?.hasSuffix("Give another account the administrator role first.") == true, accepted.text)
        let answer2 = await running.get("/api/me", as: admin)
        XCTAssertEqual(answer2.status, .ok, "still logged in, still admin")

        // With another admin, the first may step down; the change counts on the very next request.
        _ = try await running.logIn(.admin)
        let stepDown = await running.post("/api/staff/users/\(myID)/role", json: ["role": "facilitator"], as: admin)
        XCTAssertEqual(stepDown.status, .ok, stepDown.text)
        XCTAssertEqual(try stepDown.decode(API.UserDocument.self).user.role, "facilitator")
        let answer3 = await running.get("/api/staff/users", as: admin)
        XCTAssertEqual(answer3.status, .forbidden)
        let unknownRole = await running.post("/api/staff/users/\(myID)/role", json: ["role": "mayor"], as: admin)
        XCTAssertEqual(unknownRole.status, .forbidden, "no longer an admin")
    }

    func testAResetEndsTheOldPasswordAndLoginsAtOnceAndADisableEndsTheLinks() async throws {
        let admin = try await running.logIn(.admin)
        let facilitator = try await running.logIn(.facilitator)
        let userList = try await running.get("/api/staff/users", as: admin).decode(API.UserList.self)
        let id = try XCTUnwrap(userList.users
            .first { $0.email == facilitator.email }?.id)

        let reset = await running.post("/api/staff/users/\(id)/reset", json: [:], as: admin)
        XCTAssertEqual(reset.status, .ok, reset.text)
        let link = try reset.decode(API.UserLink.self)
        XCTAssertEqual(link.user.status, "invited")
        let answer4 = await running.get("/api/staff/sessions", as: facilitator)
        XCTAssertEqual(answer4.status, .unauthorized, "logged out at once")
        let oldPassword = await running.post("/api/login", json: ["email": .string(facilitator.email), "password": .string(facilitator.password)])
        XCTAssertEqual(oldPassword.status, .unauthorized, "the old password stopped working")
        let check = try await running.post("/api/password/check", json: ["token": .string(link.token)]).decode(API.LinkCheck.self)
        XCTAssertFalse(check.firstPassword, "a reset, not a welcome: the account has logged in before")

        let disabled = await running.post("/api/staff/users/\(id)/disable", json: [:], as: admin)
        XCTAssertEqual(try disabled.decode(API.UserDocument.self).user.status, "disabled")
        let answer5 = await running.post("/api/password/check", json: ["token": .string(link.token)])
        XCTAssertEqual(answer5.statusCode, 410,
                       "a disabled account's link stops working")
        let resetDisabled = await running.post("/api/staff/users/\(id)/reset", json: [:], as: admin)
        XCTAssertEqual(resetDisabled.status, .conflict)
        XCTAssertEqual(resetDisabled.errorReason, "\(facilitator.email) er deaktiveret. Aktivér kontoen først.")
        let enabled = await running.post("/api/staff/users/\(id)/enable", json: [:], as: admin)
        XCTAssertEqual(try enabled.decode(API.UserDocument.self).user.status, "invited", "enabled, still without a password")

        let actions = try running.application.store.auditEvents(limit: 10).map(\.action).filter { $0.hasPrefix("user.") }
        XCTAssertEqual(Array(actions.prefix(3)), ["user.enable", "user.disable", "user.reset"])
    }

    func testAddingNamesEachBadFieldAndAnUnusedAccountCanBeDeleted() async throws {
        let admin = try await running.logIn(.admin)
        let bad = await running.post("/api/staff/users", json: ["email": "ikke-en-adresse", "role": "borgmester"], as: admin)
        XCTAssertEqual(bad.status, .unprocessableContent)
        let problems = try bad.decode(ErrorBody.self).errors ?? []
        XCTAssertEqual(problems.map(\.field), ["email", "role"])
        XCTAssertEqual(problems.first?.reason, "Skriv en e-mailadresse som navn@kommune.dk.")

        let added = try await running.post("/api/staff/users", json: ["email": "Ny@Kommune.dk", "role": "analyst"], as: admin)
            .decode(API.UserLink.self)
        let twice = await running.post("/api/staff/users", json: ["email": "ny@kommune.dk", "role": "admin"], as: admin)
        XCTAssertEqual(twice.status, .unprocessableContent)
        XCTAssertEqual(try twice.decode(ErrorBody.self).errors?.first?.reason, "Der findes allerede en konto med e-mailen ny@kommune.dk.")

        let deleted = await running.handle(.delete, "/api/staff/users/\(added.user.id)", as: admin)
        XCTAssertEqual(deleted.status, .ok, deleted.text)
        let answer6 = await running.post("/api/password/check", json: ["token": .string(added.token)])
        XCTAssertEqual(answer6.statusCode, 410, "its link went with it")
        let users = try await running.get("/api/staff/users", as: admin).decode(API.UserList.self).users.map(\.email)
        XCTAssertEqual(users, [admin.email])
        let missing = await running.post("/api/staff/users/\(added.user.id)/disable", json: [:], as: admin)
        XCTAssertEqual(missing.status, .notFound)
        let answer7 = await running.post("/api/staff/users/x/disable", json: [:], as: admin)
        XCTAssertEqual(answer7.status, .notFound)
    }
}
