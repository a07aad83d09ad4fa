/// Why an export file could not be written, with the file it concerns.
public struct ExportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file being written.
    public var path: String
    /// What went wrong, in words (for XLSX, libxlsxwriter's own message is included).
    public var reason: String

    /// An error about a file.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`, for logs and the command line.
    public var description: String { "\(path): \(reason)" }
}
