import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `borgerdialog serve` as a real process on a free loopback port, over the repository's forms and pages.
final class ServeProcess {
    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// The repository's `Forms/` folder.
    static let formsPath = repository.appendingPathComponent("Forms").path

    let process = Process()
    /// e.g. `http://127.0.0.1:41234`.
    let baseURL: String

    /// Starts serving `dataPath` and waits until `/healthz` answers.
    init(runner: CommandRunner, dataPath: String) async throws {
        let port = try FreePort.find()
        baseURL = "http://127.0.0.1:\(port)"
        process.executableURL = runner.executable
        process.arguments = ["serve", "--port", String(port), "--data", dataPath, "--forms", Self.formsPath,
                             "--static", Self.repository.appendingPathComponent("Static").path, "--no-demo"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<300 {
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: "\(baseURL)/healthz")!),
               (response as? HTTPURLResponse)?.statusCode == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "serve did not come up on \(baseURL)"])
    }

    /// Posts one submission as a tablet would and returns the HTTP status.
    func submit(code: String, body: [String: Any]) async throws -> Int {
        var request = URLRequest(url: URL(string: "\(baseURL)/api/sessions/\(code)/responses")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// Sends SIGTERM and waits for the exit.
    func terminate() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
