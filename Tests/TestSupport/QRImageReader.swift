import Foundation

/// Reads a drawn QR code back the way a phone camera would, with Debian's `rsvg-convert`
/// (librsvg2-bin) and `zbarimg` (zbar-tools), which the test dependencies install.
public enum QRImageReader {
    /// The full path of an executable on PATH, or nil.
    public static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The path of a tool, or a ``TestFailure`` naming the Debian package that brings it.
    public static func require(_ name: String, package: String) throws -> String {
        guard let path = executable(named: name) else { throw TestFailure("\(name) is not installed (apt-get install \(package))") }
        return path
    }

    /// Runs a tool and returns its standard output; throws when it exits with another status.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String]) throws -> String {
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
            throw TestFailure("\(([executable] + arguments).joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The texts `zbarimg` finds in an image, one per symbol.
    public static func decodeQRCodes(inImageAt url: URL) throws -> [String] {
        let zbarimg = try require("zbarimg", package: "zbar-tools")
        let output = try run(zbarimg, ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", url.path])
        var texts = output.components(separatedBy: "\n")
        if texts.last == "" { texts.removeLast() }
        return texts
    }

    /// The texts of the QR codes an SVG draws: rendered to PNG on white, then decoded.
    public static func decodeQRCodes(inSVG svg: String) throws -> [String] {
        let rsvgConvert = try require("rsvg-convert", package: "librsvg2-bin")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svgFile = directory.appendingPathComponent("code.svg")
        let pngFile = directory.appendingPathComponent("code.png")
        try Data(svg.utf8).write(to: svgFile)
        try run(rsvgConvert, ["--background-color=white", "-o", pngFile.path, svgFile.path])
        return try decodeQRCodes(inImageAt: pngFile)
    }
}
