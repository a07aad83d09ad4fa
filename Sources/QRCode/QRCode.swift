/// A QR code as a square matrix of modules, ready to draw; made by libqrencode, held in Swift.
public struct QRCode: Sendable, Hashable {
    /// Modules per side (21 for version 1, +4 per version).
    public let size: Int
    /// The modules row by row, `size * size` of them; true is dark.
    private let modules: [Bool]

    /// Encodes `text` (as UTF-8 bytes, case-sensitive) in the smallest QR version that holds it.
    public init(text: String, errorCorrection: QRErrorCorrection = .medium) throws(QRCodeError) {
        let encoded = try QREncodeBinding.encode(text, errorCorrection: errorCorrection)
        self.size = encoded.size
        self.modules = encoded.modules
    }

    /// The QR version (1–40), which follows from the size.
    public var version: Int { (size - 17) / 4 }

    /// Whether the module at `row`, `column` (from the top left, 0-based) is dark; false outside.
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row * size + column]
    }
}
