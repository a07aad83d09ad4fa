import Foundation
import XCTest

/// Runs Debian's `zbarimg` (zbar-tools) and `rsvg-convert` (librsvg2-bin) so tests can read a
/// drawn QR code back the way a phone camera would; tests skip when the tools are missing.
enum ExternalDecoder {
    /// The full path of an executable on PATH, or nil.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The path of a required tool, or an XCTSkip naming the Debian package to install.
    static func require(_ name: String, package: String) throws -> String {
        guard let path = executable(named: name) else {
            throw XCTSkip("\(name) is not installed (apt-get install \(package))")
        }
        return path
    }

    /// A fresh temporary directory, removed by the test's teardown block.
    static func temporaryDirectory(for testCase: XCTestCase) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qrcode-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    /// Runs a tool and returns its standard output; throws when it exits with another status.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The texts `zbarimg` finds in an image, one per symbol.
    static func decodeQRCodes(inImageAt url: URL) throws -> [String] {
        let zbarimg = try require("zbarimg", package: "zbar-tools")
        let output = try run(zbarimg, ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", url.path])
        var texts = output.components(separatedBy: "\n")
        if texts.last == "" { texts.removeLast() }
        return texts
    }

    /// A tool that exited with a failure status.
    struct ToolFailure: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        var description: String { "\(command) exited with status \(status)" }
    }
}
