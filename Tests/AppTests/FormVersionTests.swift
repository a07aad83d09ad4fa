import App
import Forms
import Foundation
import Storage
import TestSupport
import XCTest

/// A session keeps the exact form it was opened with, whatever happens to the file afterwards.
final class FormVersionTests: XCTestCase {
    func testASessionKeepsItsFormVersionAfterTheFileChanges() async throws {
        let forms = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-versions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: forms) }
        let file = forms.appendingPathComponent("test-dialogue.json")
        try FileManager.default.copyItem(atPath: RunningApplication.formsDirectory + "/test-dialogue.json", toPath: file.path)

        // Both sessions are made from the command line before the service starts, as a facilitator would.
        var oldSession: Session?
        var newSession: Session?
        let running = try RunningApplication { configuration in
            configuration.formsDirectory = forms.path
            oldSession = try Administration.createSession(configuration: configuration, formID: "test-dialogue", title: "Før")
            // The facilitator renames the first question and drops the scale.
            guard case .object(var definition) = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: file)),
                  case .array(var questions) = definition["questions"], case .object(var first) = questions.first
            else { throw TestFailure("the fixture form is not an object with questions") }
            first["label"] = ["da": "Ny formulering", "en": "New wording"]
            questions[0] = .object(first)
            questions.removeAll { $0["id"] == "rating" }
            definition["questions"] = .array(questions)
            try Data(JSONValue.object(definition).bytes).write(to: file)
            newSession = try Administration.createSession(configuration: configuration, formID: "test-dialogue", title: "Efter")
        }
        defer { running.shutDown() }
        let old = try XCTUnwrap(oldSession), new = try XCTUnwrap(newSession)
        XCTAssertNotEqual(old.formVersion.contentHash, new.formVersion.contentHash)

        let oldForm = try await running.get("/api/sessions/\(old.code)/form").decode(API.TabletForm.self).form
        XCTAssertEqual(oldForm.questions.map(\.id), ["idea", "age", "rating", "why-young"])
        XCTAssertEqual(oldForm.questions[0].label, "Hvad er din idé?")
        XCTAssertEqual(oldForm.version, old.formVersion.contentHash)
        let newForm = try await running.get("/api/sessions/\(new.code)/form").decode(API.TabletForm.self).form
        XCTAssertEqual(newForm.questions.map(\.id), ["idea", "age", "why-young"])
        XCTAssertEqual(newForm.questions[0].label, "Ny formulering")
        XCTAssertEqual(newForm.version, new.formVersion.contentHash)

        // The old session still takes an answer to the question the new file dropped; the new one does not.
        let toOld = await running.submit(RunningApplication.submission(answers: ["idea": "Bænke", "rating": 3]), to: old.code)
        XCTAssertEqual(toOld.status, .created, toOld.text)
        let toNew = await running.submit(RunningApplication.submission(answers: ["idea": "Bænke", "rating": 3]), to: new.code)
        XCTAssertEqual(toNew.status, .unprocessableContent)
        XCTAssertEqual(try toNew.decode(ErrorBody.self).errors?.compactMap(\.question), ["rating"])
    }
}
