import App
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// `--public-url` is the base of every tablet link, QR code and one-time link; without it the
/// pages are told when the address they would print is one no tablet can reach.
final class PublicAddressTests: XCTestCase {
    func testAPublicURLIsNormalisedAndAnythingButABaseAddressRefused() throws {
        XCTAssertEqual(try PublicAddress.normalized("https://Borgerdialog.Kommune.dk/"), "https://borgerdialog.kommune.dk")
        XCTAssertEqual(try PublicAddress.normalized(" http://10.0.0.5:8080 "), "http://10.0.0.5:8080")
        XCTAssertEqual(try PublicAddress.normalized("http://[fd00::5]:8080"), "http://[fd00::5]:8080")
        for bad in ["borgerdialog.kommune.dk", "ftp://kommune.dk", "https://kommune.dk/borgerdialog", "https://kommune.dk?x=1",
                    "https://kommune.dk#s", "https://user@kommune.dk", "https://", "https://kom mune.dk", "https://kommune.dk:99999"] {
            XCTAssertThrowsError(try PublicAddress.normalized(bad), bad) { error in
                XCTAssertTrue(String(describing: error).contains("https://borgerdialog.kommune.dk"), "the reason shows an example")
            }
        }
        XCTAssertThrowsError(try RunningApplication { $0.publicURL = "kommune.dk" }, "the application refuses it at start too")
    }

    func testLoopbackAndLinkLocalAddressesAreNamed() {
        for loopback in ["http://127.0.0.1:8080", "http://localhost", "http://app.localhost:80", "http://[::1]:8080", "http://0.0.0.0:8080", "http://127.8.9.1"] {
            XCTAssertEqual(PublicAddress.problem(of: loopback), .loopback, loopback)
        }
        for linkLocal in ["http://169.254.10.20:8080", "http://[fe80::1]:8080", "http://[FEB0::1]"] {
            XCTAssertEqual(PublicAddress.problem(of: linkLocal), .linkLocal, linkLocal)
        }
        for reachable in ["http://10.0.0.5:8080", "https://borgerdialog.kommune.dk", "http://192.168.1.20", "http://[fd00::5]:8080", "http://169.25.0.1"] {
            XCTAssertNil(PublicAddress.problem(of: reachable), reachable)
        }
    }

    func testEveryTabletLinkAndQRCodeUsesThePublicURLWhateverHostTheBrowserUsed() async throws {
        let running = try RunningApplication { $0.publicURL = "https://borgerdialog.kommune.dk" }
        defer { running.shutDown() }
        let admin = try await running.logIn(.admin)
        let code = try running.openSession()
        let session = try await running.get("/api/staff/sessions/\(code)", headers: ["Host": "127.0.0.1:8080"], as: admin)
            .decode(API.SessionDocument.self).session
        XCTAssertEqual(session.tabletURL, "https://borgerdialog.kommune.dk/s/\(code)")
        XCTAssertNil(session.tabletURLProblem)
        let listed = try await running.get("/api/staff/sessions", headers: ["Host": "127.0.0.1:8080"], as: admin).decode(API.SessionList.self)
        XCTAssertEqual(listed.sessions.first?.tabletURL, "https://borgerdialog.kommune.dk/s/\(code)")
        let qr = await running.get("/api/sessions/\(code)/qr.svg", headers: ["Host": "127.0.0.1:8080"])
        XCTAssertTrue(qr.text.contains("QR-kode til https://borgerdialog.kommune.dk/s/\(code)"), "the QR code says what it encodes")
        let link = try await running.post("/api/staff/users", json: ["email": "mette@kommune.dk", "role": "facilitator"],
                                           headers: ["Host": "127.0.0.1:8080"], as: admin).decode(API.UserLink.self)
        XCTAssertTrue(link.setPasswordURL.hasPrefix("https://borgerdialog.kommune.dk/password#"), link.setPasswordURL)
        let setup = try XCTUnwrap(try RunningApplication { $0.publicURL = "https://borgerdialog.kommune.dk" }.application.issueSetupLinkIfNeeded())
        XCTAssertTrue(setup.hasPrefix("https://borgerdialog.kommune.dk/setup#"), setup)
    }

    func testWithoutAPublicURLTheStaffPagesAreToldWhenTabletsCannotReachTheAddress() async throws {
        let running = try RunningApplication()
        defer { running.shutDown() }
        let admin = try await running.logIn(.admin)
        let code = try running.openSession()
        let cases: [(host: String, problem: String?)] = [("127.0.0.1:8080", "loopback"), ("localhost:8080", "loopback"),
                                                         ("169.254.3.4:8080", "linkLocal"), ("10.20.30.40:8080", nil)]
        for (host, problem) in cases {
            let session = try await running.get("/api/staff/sessions/\(code)", headers: ["Host": host], as: admin)
                .decode(API.SessionDocument.self).session
            XCTAssertEqual(session.tabletURL, "http://\(host)/s/\(code)")
            XCTAssertEqual(session.tabletURLProblem, problem, host)
        }
    }
}
