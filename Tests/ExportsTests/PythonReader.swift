import Foundation
import XCTest

/// Runs one of the reader scripts under `Readers/` with python3 and decodes the JSON it prints.
enum PythonReader {
    static let readersDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Readers")

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The script's JSON output; fails with its stderr when it exits non-zero.
    static func run(_ script: String, arguments: [String]) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", readersDirectory.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the script.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(script) exited \(process.terminationStatus): \(String(decoding: errorData, as: UTF8.self))")
        }
        return try JSONSerialization.jsonObject(with: outputData)
    }
}
