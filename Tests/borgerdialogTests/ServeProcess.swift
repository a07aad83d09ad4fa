import Forms
import Foundation
import TestSupport

/// `borgerdialog serve` as a real process on a free loopback port, over the repository's forms and pages.
final class ServeProcess {
    /// The repository's `Forms/` folder.
    static let formsPath = RunningApplication.repositoryDirectory.appendingPathComponent("Forms").path

    let process = Process()
    /// The port it listens on.
    let port: Int

    /// Starts serving `dataPath` (with `arguments` added) and waits until `/healthz` answers 200;
    /// what it prints goes to `standardOutput` when given.
    init(runner: CommandRunner, dataPath: String, arguments: [String] = [], standardOutput: Pipe? = nil) throws {
        port = try FreePort.find()
        process.executableURL = runner.executable
        process.arguments = ["serve", "--port", String(port), "--data", dataPath, "--forms", Self.formsPath,
                             "--static", RunningApplication.staticDirectory, "--no-demo"] + arguments
        process.standardOutput = standardOutput ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = port
        let process = process
        let answered = Poll.blockingUntil(every: .milliseconds(50)) {
            !process.isRunning || (try? RawHTTPConnection(port: port).exchange(target: "/healthz").status) == 200
        }
        guard answered, process.isRunning else {
            process.terminate()
            throw TestFailure("serve did not come up on port \(port) (running: \(process.isRunning))")
        }
    }

    /// Posts one submission as a tablet would and returns the answer.
    func submit(code: String, _ submission: JSONValue) throws -> RawHTTPResponse {
        try RawHTTPConnection(port: port).exchange(
            method: "POST", target: "/api/sessions/\(code)/responses", headers: ["Content-Type: application/json"], body: submission.bytes)
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
