import Foundation
import TestSupport
import XCTest

/// The QR tests' use of ``QRImageReader`` (TestSupport): a missing tool skips the test here.
enum ExternalDecoder {
    /// The path of a required tool, or an XCTSkip naming the Debian package to install.
    static func require(_ name: String, package: String) throws -> String {
        guard let path = QRImageReader.executable(named: name) else {
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
        try QRImageReader.run(executable, arguments)
    }

    /// The texts `zbarimg` finds in an image (skipped when zbarimg is missing).
    static func decodeQRCodes(inImageAt url: URL) throws -> [String] {
        _ = try require("zbarimg", package: "zbar-tools")
        return try QRImageReader.decodeQRCodes(inImageAt: url)
    }
}
