import Foundation
import TestSupport
import XCTest

/// Runs the built `borgerdialog` binary as a subprocess, for tests of command-line behaviour.
///
/// The binary is looked up next to the test bundle (on Linux the `.xctest` is an executable in
/// `.build/debug/`, beside `borgerdialog`).
struct CommandRunner {
    /// What a finished run produced.
    struct Output {
        /// The process's exit status.
        let status: Int32
        /// Everything written to standard output, as UTF-8.
        let standardOutput: String
        /// Everything written to standard error, as UTF-8.
        let standardError: String
    }

    /// The binary's location.
    let executable: URL

    /// Finds the binary beside the test bundle; fails the test clearly if it is missing.
    init(file: StaticString = #filePath, line: UInt = #line) throws {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On macOS the runner is inside Xcode; the bundle path is the first argument ending .xctest.
        if let bundle = CommandLine.arguments.first(where: { $0.hasSuffix(".xctest") }) {
            directory = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        }
        let candidate = directory.appendingPathComponent("borgerdialog")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            XCTFail("borgerdialog binary not found at \(candidate.path); build it first (swift build)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        executable = candidate
    }

    /// Runs the binary with `arguments` (and `input` on standard input, else none) and waits for it to finish.
    func run(_ arguments: [String], input: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let standardInput = Pipe()
        process.standardInput = standardInput
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        // Read both pipes before waiting, so a chatty process cannot block on a full pipe.
        let outputData = standardOutput.fileHandleForReading.readDataToEndOfFile()
        let errorData = standardError.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}

extension CommandRunner.Output {
    /// Standard output decoded as JSON into `type`; the failure shows the output and standard error.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDocument.decode(type, from: Array(standardOutput.utf8), source: "standard output (stderr: \(standardError.prefix(500)))")
    }
}
