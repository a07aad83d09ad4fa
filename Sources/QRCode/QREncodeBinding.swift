import CQREncode
import Foundation

/// The one place that calls libqrencode; the rest of the module sees a Swift module matrix.
enum QREncodeBinding {
    /// Encodes `text` as 8-bit bytes (UTF-8, case kept) in the smallest version that fits,
    /// returning the symbol's width and its modules row by row (true = dark).
    static func encode(
        _ text: String,
        errorCorrection: QRErrorCorrection
    ) throws(QRCodeError) -> (size: Int, modules: [Bool]) {
        guard !text.isEmpty else { throw QRCodeError(reason: "the text is empty") }
        guard !text.utf8.contains(0) else { throw QRCodeError(reason: "the text contains a NUL character") }
        let symbol = text.withCString { string in
            QRcode_encodeString(string, 0, level(for: errorCorrection), QR_MODE_8, 1)
        }
        guard let symbol else {
            let code = errno
            let reason = code == ERANGE
                ? "the text (\(text.utf8.count) bytes) is too long for a QR code"
                : "libqrencode failed: \(String(cString: strerror(code)))"
            throw QRCodeError(reason: reason)
        }
        return EncodedSymbol(owning: symbol).modules()
    }

    private static func level(for errorCorrection: QRErrorCorrection) -> QRecLevel {
        switch errorCorrection {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
    }
}

/// Owns one `QRcode` from libqrencode and frees it when released.
private final class EncodedSymbol {
    private let symbol: UnsafeMutablePointer<QRcode>

    init(owning symbol: UnsafeMutablePointer<QRcode>) {
        self.symbol = symbol
    }

    deinit {
        QRcode_free(symbol)
    }

    /// The width and a copy of the modules; libqrencode keeps "dark" in bit 0 of each byte
    /// (the other bits describe the module's role in the symbol).
    func modules() -> (size: Int, modules: [Bool]) {
        let width = Int(symbol.pointee.width)
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        return (width, data.map { $0 & 1 == 1 })
    }
}
