import Forms
import Foundation
import TestSupport
import XCTest

/// The real binary: a first start prints the setup link that makes the first admin in a browser,
/// `--public-url` is what QR codes encode, and `users list|disable|enable|role|reset-password`
/// keep the same rules as the accounts page.
final class AdministrationCommandTests: XCTestCase {
    var dataDirectory: URL!

    override func setUp() {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-admin-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    func testAFirstStartPrintsASetupLinkThatMakesTheFirstAdminOnce() throws {
        let runner = try CommandRunner()
        let printed = Pipe()
        let collected = SharedValue("")
        printed.fileHandleForReading.readabilityHandler = { handle in
            let chunk = String(decoding: handle.availableData, as: UTF8.self)
            collected.update { $0 += chunk }
        }
        let server = try ServeProcess(runner: runner, dataPath: dataDirectory.path, standardOutput: printed)
        defer { server.terminate() }
        XCTAssertTrue(Poll.blockingUntil { collected.value.contains("/setup#") }, "the setup link is printed: \(collected.value)")
        printed.fileHandleForReading.readabilityHandler = nil
        let text = collected.value
        XCTAssertTrue(text.contains("Ingen administrator endnu"), "Danish first: \(text)")
        let url = try XCTUnwrap(text.split(whereSeparator: \.isWhitespace).first { $0.contains("/setup#") }.map(String.init))
        XCTAssertTrue(url.hasPrefix("http://127.0.0.1:\(server.port)/setup#"), url)
        let token = String(url.split(separator: "#").last ?? "")

        let body: JSONValue = ["token": .string(token), "email": "it@kommune.dk", "password": "Rådhuset har grønne tage"]
        let created = try RawHTTPConnection(port: server.port).exchange(
            method: "POST", target: "/api/setup", headers: ["Content-Type: application/json"], body: body.bytes)
        XCTAssertEqual(created.status, 201, created.text)
        let again = try RawHTTPConnection(port: server.port).exchange(
            method: "POST", target: "/api/setup", headers: ["Content-Type: application/json"], body: body.bytes)
        XCTAssertEqual(again.status, 409, "the first admin exists: the link is spent")

        let list = try runner.run(["users", "list", "--data", dataDirectory.path])
        XCTAssertEqual(list.status, 0, list.standardError)
        XCTAssertTrue(list.standardOutput.contains("it@kommune.dk"), list.standardOutput)
        XCTAssertTrue(list.standardOutput.contains("admin"), list.standardOutput)
    }

    func testTheQRCodeOfAServerWithAPublicURLDecodesToThatAddress() throws {
        let runner = try CommandRunner()
        let code = try runner.run(["sessions", "create", "--data", dataDirectory.path, "--forms", ServeProcess.formsPath,
                                   "--form", "quick-poll", "--title", "Borgermøde"])
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServeProcess(
            runner: runner, dataPath: dataDirectory.path, arguments: ["--public-url", "https://borgerdialog.kommune.dk/"])
        defer { server.terminate() }
        // Asked for on the server itself, as a facilitator printing from it would.
        let svg = try RawHTTPConnection(port: server.port).exchange(target: "/api/sessions/\(code)/qr.svg")
        XCTAssertEqual(svg.status, 200)
        XCTAssertEqual(try QRImageReader.decodeQRCodes(inSVG: svg.text), ["https://borgerdialog.kommune.dk/s/\(code)"])

        let refused = try runner.run(["serve", "--data", dataDirectory.path, "--public-url", "borgerdialog.kommune.dk"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.standardError.contains("https://borgerdialog.kommune.dk"), refused.standardError)
    }

    func testUsersCommandsListDisableChangeRoleAndResetAndKeepTheLastAdmin() throws {
        let runner = try CommandRunner()
        let data = dataDirectory.path
        XCTAssertEqual(try runner.run(["users", "add", "--data", data, "--role", "admin", "--email", "it@kommune.dk"]).status, 0)
        let mette = try runner.run(["users", "add", "--data", data, "--role", "facilitator", "--email", "mette@kommune.dk"],
                                   input: "en-lang-sikker-frase-til-dialogen\n")
        XCTAssertEqual(mette.status, 0, mette.standardError)

        let list = try runner.run(["users", "list", "--data", data])
        let lines = list.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first?.split(separator: " ", omittingEmptySubsequences: true).first, "EMAIL")
        let metteLine = try XCTUnwrap(lines.first { $0.hasPrefix("mette@kommune.dk") })
        XCTAssertEqual(metteLine.split(separator: " ", omittingEmptySubsequences: true).map(String.init).prefix(3),
                       ["mette@kommune.dk", "facilitator", "active"])
        XCTAssertTrue(metteLine.hasSuffix("never"), metteLine)

        let lastAdmin = try runner.run(["users", "disable", "--data", data, "--email", "it@kommune.dk"])
        XCTAssertNotEqual(lastAdmin.status, 0)
        XCTAssertTrue(lastAdmin.standardError.contains("last enabled administrator"), lastAdmin.standardError)
        let demote = try runner.run(["users", "role", "--data", data, "--email", "it@kommune.dk", "--role", "analyst"])
        XCTAssertNotEqual(demote.status, 0)

        XCTAssertEqual(try runner.run(["users", "role", "--data", data, "--email", "mette@kommune.dk", "--role", "admin"]).status, 0)
        let disable = try runner.run(["users", "disable", "--data", data, "--email", "IT@kommune.dk"])
        XCTAssertEqual(disable.status, 0, disable.standardError)
        XCTAssertTrue(try runner.run(["users", "list", "--data", data]).standardOutput.contains("disabled"))
        XCTAssertEqual(try runner.run(["users", "enable", "--data", data, "--email", "it@kommune.dk"]).status, 0)

        let reset = try runner.run(["users", "reset-password", "--data", data, "--email", "mette@kommune.dk"])
        XCTAssertEqual(reset.status, 0, reset.standardError)
        XCTAssertTrue(reset.standardOutput.contains("Password (shown only now): "), reset.standardOutput)
        let weak = try runner.run(["users", "reset-password", "--data", data, "--email", "mette@kommune.dk"], input: "kort\n")
        XCTAssertNotEqual(weak.status, 0)
        let unknown = try runner.run(["users", "disable", "--data", data, "--email", "nobody@kommune.dk"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.standardError.contains("nobody@kommune.dk"), unknown.standardError)

        let final = try runner.run(["users", "list", "--data", data]).standardOutput.split(separator: "\n")
        let roles = final.dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).prefix(3).joined(separator: " ") }
        XCTAssertEqual(roles, ["it@kommune.dk admin active", "mette@kommune.dk admin active"])
    }
}
