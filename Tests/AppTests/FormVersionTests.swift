import App
import Foundation
import Logging
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A session keeps the exact form it was opened with, whatever happens to the file afterwards.
final class FormVersionTests: XCTestCase {
    func testASessionKeepsItsFormVersionAfterTheFileChanges() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-versions-\(UUID().uuidString)")
        let forms = folder.appendingPathComponent("Forms")
        try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = URL(fileURLWithPath: RunningApplication.formsDirectory).appendingPathComponent("test-dialogue.json")
        let file = forms.appendingPathComponent("test-dialogue.json")
        try FileManager.default.copyItem(at: original, to: file)

        var configuration = AppConfiguration()
        configuration.dataDirectory = folder.appendingPathComponent("data").path
        configuration.formsDirectory = forms.path
        let oldCode = try Administration.createSession(configuration: configuration, formID: "test-dialogue", title: "Før")

        // The facilitator renames the question and drops the scale.
        var definition = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var questions = try XCTUnwrap(definition["questions"] as? [[String: Any]])
        questions.removeAll { $0["id"] as? String == "rating" }
        questions[0]["label"] = ["da": "Ny formulering", "en": "New wording"]
        definition["questions"] = questions
        try JSONSerialization.data(withJSONObject: definition).write(to: file)
        let newCode = try Administration.createSession(configuration: configuration, formID: "test-dialogue", title: "Efter")

        configuration.port = 0
        configuration.createsDemoSession = false
        let application = try Application(configuration: configuration, logger: Logger(label: "test"))
        try application.start()
        defer { application.stop() }

        let old = try await formQuestions(application, code: oldCode.code)
        XCTAssertEqual(old.map { $0["id"] as? String }, ["idea", "age", "rating", "why-young"])
        XCTAssertEqual(old[0]["label"] as? String, "Hvad er din idé?")
        let new = try await formQuestions(application, code: newCode.code)
        XCTAssertEqual(new.map { $0["id"] as? String }, ["idea", "age", "why-young"])
        XCTAssertEqual(new[0]["label"] as? String, "Ny formulering")
        XCTAssertNotEqual(oldCode.formVersion.contentHash, newCode.formVersion.contentHash)

        // The old session still takes an answer to the question the new file dropped.
        var request = URLRequest(url: URL(string: "\(application.baseURL)/api/sessions/\(oldCode.code)/responses")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = RunningApplication.submission(answers: ["idea": "Bænke", "rating": 3])
        let (_, response) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 201)
    }

    private func formQuestions(_ application: Application, code: String) async throws -> [[String: Any]] {
        let url = URL(string: "\(application.baseURL)/api/sessions/\(code)/form")!
        let (data, _) = try await URLSession.shared.data(from: url)
        let form = try XCTUnwrap(try RunningApplication.object(data)["form"] as? [String: Any])
        return try XCTUnwrap(form["questions"] as? [[String: Any]])
    }
}
