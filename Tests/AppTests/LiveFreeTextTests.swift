import App
import Forms
import Foundation
import HTTPServer
import TestSupport
import XCTest

/// The live view shows the newest free-text answers as they arrive, masked as in exports, with the
/// question's label in the facilitator's language; fixed answers never appear there.
final class LiveFreeTextTests: XCTestCase {
    var running: RunningApplication!

    override func setUpWithError() throws {
        running = try RunningApplication()
    }

    override func tearDown() {
        running.shutDown()
    }

    func testTheNewestFreeTextAnswersAreMaskedAndLabelledInTheAskedLanguage() async throws {
        let login = try await running.logIn(.facilitator)
        let code = try running.openSession()
        let empty = try await running.get("/api/staff/sessions/\(code)/live", as: login).decode(API.Live.self)
        XCTAssertEqual(empty.freeText.count, 0)

        for number in 1...4 {
            let answers: [String: JSONValue] = [
                "idea": .string("Bænke nr. \(number), ring 22 34 56 78"), "age": "under-30", "rating": 4,
                "why-young": .string("Skriv til anna\(number)@example.dk"),
            ]
            let stored = await running.submit(RunningApplication.submission(answers: answers, extra: ["table": "Bord 2"]), to: code)
            XCTAssertEqual(stored.statusCode, 201, stored.text)
        }
        let answer = await running.get("/api/staff/sessions/\(code)/live", as: login)
        XCTAssertFalse(answer.text.contains("22 34 56 78") || answer.text.contains("@example.dk"), "nothing unmasked leaves")
        let live = try answer.decode(API.Live.self)
        XCTAssertEqual(live.freeText.count, 6, "the newest few, not all eight")
        XCTAssertEqual(live.freeText.prefix(2).map(\.text), ["Bænke nr. 4, ring [telefon]", "Skriv til [e-mail]"])
        XCTAssertEqual(live.freeText.prefix(2).map(\.question), ["Hvad er din idé?", "Hvorfor?"])
        XCTAssertEqual(live.freeText.map(\.text)[4], "Bænke nr. 2, ring [telefon]")
        XCTAssertTrue(live.freeText.allSatisfy { $0.table == "Bord 2" && !$0.receivedAt.isEmpty })

        let english = try await running.get("/api/staff/sessions/\(code)/live?lang=en", as: login).decode(API.Live.self)
        XCTAssertEqual(english.freeText.prefix(2).map(\.question), ["What is your idea?", "Why?"])
    }
}
