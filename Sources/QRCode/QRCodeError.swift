/// Why a text could not be encoded as a QR code.
public struct QRCodeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, in words.
    public var reason: String

    /// Creates an error with a reason.
    public init(reason: String) {
        self.reason = reason
    }

    /// A readable description, for logs.
    public var description: String { "QR code encoding failed: \(reason)" }
}
