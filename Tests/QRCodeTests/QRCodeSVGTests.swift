import Foundation
import XCTest
@testable import QRCode
#if canImport(FoundationXML)
import FoundationXML
#endif

final class QRCodeSVGTests: XCTestCase {
    private let tabletURL = "https://borgerdialog.example.dk/t/4821"

    func testSVGIsWellFormedWithOnePathAndAnAccessibleTitle() throws {
        let code = try QRCode(text: tabletURL)
        let title = "Scan for at åbne dialogen"
        let document = try SVGDocument(parsing: code.svg(title: title))
        let side = code.size + 8
        XCTAssertEqual(document.elements.first?.name, "svg")
        XCTAssertEqual(document.attribute("viewBox", of: "svg"), "0 0 \(side) \(side)")
        XCTAssertEqual(document.attribute("width", of: "svg"), "\(side * 8)")
        XCTAssertEqual(document.attribute("height", of: "svg"), "\(side * 8)")
        XCTAssertEqual(document.attribute("shape-rendering", of: "svg"), "crispEdges")
        XCTAssertEqual(document.attribute("role", of: "svg"), "img")
        XCTAssertEqual(document.elements.filter { $0.name == "path" }.count, 1)
        XCTAssertEqual(document.titleText, title)
        XCTAssertTrue(document.elements.allSatisfy { $0.attributes["style"] == nil }, "no inline styles")
        XCTAssertFalse(code.svg().contains("<style"))
    }

    func testPathDrawsExactlyTheDarkModulesMergedPerRow() throws {
        let code = try QRCode(text: tabletURL)
        let quietZone = 3
        let path = try XCTUnwrap(SVGDocument(parsing: code.svg(moduleSize: 5, quietZone: quietZone)).attribute("d", of: "path"))
        var drawn = Set<[Int]>()
        var runCount = 0
        let pattern = try NSRegularExpression(pattern: #"M(\d+) (\d+)h(\d+)v1h-(\d+)z"#)
        let matches = pattern.matches(in: path, range: NSRange(path.startIndex..., in: path))
        XCTAssertEqual(matches.map { $0.range.length }.reduce(0, +), path.utf16.count, "the path is made of runs only")
        for match in matches {
            let numbers = (1...4).map { Int((path as NSString).substring(with: match.range(at: $0)))! }
            XCTAssertEqual(numbers[2], numbers[3])
            for column in numbers[0]..<(numbers[0] + numbers[2]) {
                drawn.insert([numbers[1] - quietZone, column - quietZone])
            }
            runCount += 1
        }
        var expected = Set<[Int]>()
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) {
                expected.insert([row, column])
            }
        }
        XCTAssertEqual(drawn.count, expected.count)
        XCTAssertEqual(drawn.symmetricDifference(expected).count, 0, "modules drawn differ from the matrix")
        XCTAssertLessThan(runCount, expected.count, "adjacent dark modules share one rectangle")
    }

    func testTitleIsEscapedAndStaysWellFormed() throws {
        let code = try QRCode(text: tabletURL)
        let hostile = #"</title><script>alert("x")</script> & 'æ'"#
        let svg = code.svg(title: hostile)
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertEqual(try SVGDocument(parsing: svg).titleText, hostile)
        let withControls = "Tablet\u{0}\u{7}\u{1B} 1\u{FFFE}"
        XCTAssertEqual(try SVGDocument(parsing: code.svg(title: withControls)).titleText, "Tablet 1")
        XCTAssertEqual(QRCode.escapedForXML("a\tb\nc"), "a\tb\nc")
    }

    func testWithoutTitleThereIsNoTitleElement() throws {
        let document = try SVGDocument(parsing: try QRCode(text: tabletURL).svg())
        XCTAssertFalse(document.elements.contains { $0.name == "title" })
    }

    func testOddSizesAreClampedToDrawableOnes() throws {
        let code = try QRCode(text: tabletURL)
        let document = try SVGDocument(parsing: code.svg(moduleSize: 0, quietZone: -3))
        XCTAssertEqual(document.attribute("viewBox", of: "svg"), "0 0 \(code.size) \(code.size)")
        XCTAssertEqual(document.attribute("width", of: "svg"), "\(code.size)")
    }

    func testRenderedSVGDecodesToTheText() throws {
        let rsvgConvert = try ExternalDecoder.require("rsvg-convert", package: "librsvg2-bin")
        _ = try ExternalDecoder.require("zbarimg", package: "zbar-tools")
        let directory = try ExternalDecoder.temporaryDirectory(for: self)
        for (index, text) in [tabletURL, "https://borgerdialog.example.dk/t/ÆØÅ-æøå"].enumerated() {
            let svgFile = directory.appendingPathComponent("code\(index).svg")
            let pngFile = directory.appendingPathComponent("code\(index).png")
            try Data(QRCode(text: text).svg(moduleSize: 6, title: "QR").utf8).write(to: svgFile)
            try ExternalDecoder.run(rsvgConvert, ["--background-color=white", "-o", pngFile.path, svgFile.path])
            XCTAssertEqual(try ExternalDecoder.decodeQRCodes(inImageAt: pngFile), [text])
        }
    }
}

/// The elements of an SVG document as XMLParser reads them; parsing fails on malformed XML.
private final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var titleText: String?
    private var insideTitle = false

    init(parsing text: String) throws {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? NSError(domain: "SVGDocument", code: 1)
        }
    }

    func attribute(_ name: String, of element: String) -> String? {
        elements.first { $0.name == element }?.attributes[name]
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String]
    ) {
        elements.append(Element(name: elementName, attributes: attributes))
        if elementName == "title" {
            insideTitle = true
            titleText = ""
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "title" { insideTitle = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if insideTitle { titleText? += string }
    }
}
