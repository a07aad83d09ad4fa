import Foundation
import XCTest
import QRCode

final class QRCodeTests: XCTestCase {
    private let tabletURL = "https://borgerdialog.example.dk/t/4821"

    func testShortURLGivesASmallVersion() throws {
        let code = try QRCode(text: tabletURL)
        XCTAssertEqual(tabletURL.utf8.count, 38)
        // 38 bytes: more than version 2 holds at level M (26 bytes), within version 3 (42 bytes).
        XCTAssertEqual(code.size, 29)
        XCTAssertEqual(code.version, 3)
        XCTAssertEqual(try QRCode(text: "https://x.dk").size, 21, "12 bytes fit version 1")
    }

    func testHigherErrorCorrectionNeedsALargerCode() throws {
        let low = try QRCode(text: tabletURL, errorCorrection: .low)
        let high = try QRCode(text: tabletURL, errorCorrection: .high)
        XCTAssertGreaterThan(high.size, low.size)
    }

    func testFinderPatternsSitInThreeCorners() throws {
        let code = try QRCode(text: tabletURL)
        let last = code.size - 7
        for (top, left) in [(0, 0), (0, last), (last, 0)] {
            XCTAssertTrue(hasFinderPattern(code, top: top, left: left), "finder at \(top),\(left)")
        }
        XCTAssertFalse(hasFinderPattern(code, top: last, left: last), "the bottom right corner has none")
        for index in 0...7 {
            XCTAssertFalse(code.isDark(row: 7, column: index), "separator below the top left finder")
            XCTAssertFalse(code.isDark(row: index, column: 7), "separator right of the top left finder")
        }
    }

    func testTimingPatternAlternates() throws {
        let code = try QRCode(text: tabletURL)
        for index in 8..<(code.size - 8) {
            XCTAssertEqual(code.isDark(row: 6, column: index), index % 2 == 0, "row 6, column \(index)")
            XCTAssertEqual(code.isDark(row: index, column: 6), index % 2 == 0, "column 6, row \(index)")
        }
    }

    func testOutsideTheMatrixIsLight() throws {
        let code = try QRCode(text: tabletURL)
        XCTAssertTrue(code.isDark(row: 0, column: 0))
        XCTAssertFalse(code.isDark(row: -1, column: 0))
        XCTAssertFalse(code.isDark(row: 0, column: code.size))
        XCTAssertFalse(code.isDark(row: code.size, column: code.size))
    }

    func testEncodingIsDeterministicAndCaseSensitive() throws {
        XCTAssertEqual(try QRCode(text: tabletURL), try QRCode(text: tabletURL))
        XCTAssertNotEqual(try QRCode(text: "https://example.dk/ABC"), try QRCode(text: "https://example.dk/abc"))
    }

    func testUnencodableTextsThrowWithAReason() {
        XCTAssertThrowsError(try QRCode(text: "")) { error in
            XCTAssertTrue(String(describing: error).contains("empty"), "\(error)")
        }
        XCTAssertThrowsError(try QRCode(text: "før\0efter")) { error in
            XCTAssertTrue(String(describing: error).contains("NUL"), "\(error)")
        }
        XCTAssertThrowsError(try QRCode(text: String(repeating: "ø", count: 2_000))) { error in
            XCTAssertTrue(String(describing: error).contains("too long"), "\(error)")
        }
        XCTAssertNoThrow(try QRCode(text: String(repeating: "a", count: 2_000), errorCorrection: .low))
    }

    func testDecodingTheMatrixGivesTheTextBack() throws {
        let texts = [tabletURL, "HTTPS://EXAMPLE.DK/Kode?id=AbC", "Fællesskab er kernen i det gode liv – Frederikshavn"]
        let directory = try ExternalDecoder.temporaryDirectory(for: self)
        for (index, text) in texts.enumerated() {
            let code = try QRCode(text: text)
            let image = directory.appendingPathComponent("code\(index).pbm")
            try portableBitmap(of: code, moduleSize: 4, quietZone: 4).write(to: image)
            XCTAssertEqual(try ExternalDecoder.decodeQRCodes(inImageAt: image), [text])
        }
    }

    private func hasFinderPattern(_ code: QRCode, top: Int, left: Int) -> Bool {
        (0..<7).allSatisfy { row in
            (0..<7).allSatisfy { column in
                let ring = max(abs(row - 3), abs(column - 3))
                return code.isDark(row: top + row, column: left + column) == (ring != 2)
            }
        }
    }

    /// The code as a binary PBM image (P4), one of the formats zbarimg reads.
    private func portableBitmap(of code: QRCode, moduleSize: Int, quietZone: Int) -> Data {
        let side = (code.size + 2 * quietZone) * moduleSize
        var bytes = Array("P4\n\(side) \(side)\n".utf8)
        let bytesPerRow = (side + 7) / 8
        for y in 0..<side {
            var row = [UInt8](repeating: 0, count: bytesPerRow)
            for x in 0..<side where code.isDark(row: y / moduleSize - quietZone, column: x / moduleSize - quietZone) {
                row[x / 8] |= 0x80 >> UInt8(x % 8)
            }
            bytes += row
        }
        return Data(bytes)
    }
}
