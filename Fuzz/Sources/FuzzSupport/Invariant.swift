import Foundation

/// Property checks inside fuzz targets: a broken one aborts, so libFuzzer keeps the input as a crash.
public enum Invariant {
    /// Aborts with `message` (and where) when `holds` is false.
    public static func check(
        _ holds: @autoclosure () -> Bool,
        _ message: @autoclosure () -> String,
        file: StaticString = #fileID,
        line: UInt = #line
    ) {
        guard !holds() else { return }
        // Unbuffered, so the message is out before the abort.
        FileHandle.standardError.write(Data("INVARIANT BROKEN at \(file):\(line): \(message())\n".utf8))
        abort()
    }
}
