import Exports
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

final class SVGChartTests: XCTestCase {
    /// Collects elements, attributes and text of an SVG with Foundation's XML parser.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var attributeNames: Set<String> = []
        var texts: [String] = []
        private var current = ""

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(elementName)
            attributeNames.formUnion(attributes.keys)
            current = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            if !current.isEmpty { texts.append(current) }
            current = ""
        }
    }

    func parse(_ svg: String) throws -> Collector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError)) in \(svg)")
        return collector
    }

    func testBarChartIsWellFormedWithEscapedLabels() throws {
        let payloads = InjectionPayloads.all.filter { !$0.unicodeScalars.contains { $0.value == 0 } }
        let bars = payloads.enumerated().map { SVGChart.Bar(label: $1, value: Double($0 + 1)) }
        let svg = SVGChart.horizontalBars(title: "<script>alert('titel')</script>", bars: bars)
        let parsed = try parse(svg)
        XCTAssertEqual(parsed.elements.first, "svg")
        XCTAssertEqual(Set(parsed.elements), ["svg", "title", "text", "g", "rect"])
        XCTAssertTrue(parsed.attributeNames.allSatisfy { !$0.lowercased().hasPrefix("on") }, "\(parsed.attributeNames)")
        XCTAssertEqual(parsed.elements.filter { $0 == "rect" }.count, payloads.count)
        XCTAssertTrue(parsed.texts.contains("<script>alert('titel')</script>"))
        for payload in payloads {
            XCTAssertTrue(parsed.texts.contains { $0.hasPrefix(payload) || $0.hasPrefix(payload.prefix(30)) }, payload)
        }
    }

    func testBarLengthsFollowValues() throws {
        let svg = SVGChart.horizontalBars(title: "T", bars: [.init(label: "a", value: 10), .init(label: "b", value: 5),
                                                              .init(label: "c", value: 0)])
        XCTAssertTrue(svg.contains("width=\"350\""), svg)
        XCTAssertTrue(svg.contains("width=\"175\""), svg)
        XCTAssertTrue(svg.contains("width=\"0\""), svg)
    }

    func testStackedChartHasALegendAndIsWellFormed() throws {
        let svg = SVGChart.stackedBars(title: "Temaer pr. møde", series: ["Fællesskab", "<b>Grøn</b>"],
                                       bars: [.init(label: "Ærøskøbing", values: [2, 1]), .init(label: "Marstal", values: [0, 1])])
        let parsed = try parse(svg)
        XCTAssertTrue(parsed.texts.contains("<b>Grøn</b>"))
        XCTAssertTrue(parsed.texts.contains("Ærøskøbing"))
        XCTAssertEqual(parsed.elements.filter { $0 == "rect" }.count, 3 + 2)
        XCTAssertFalse(svg.contains("<b>"))
    }

    func testEmptyChartSaysSo() throws {
        let parsed = try parse(SVGChart.horizontalBars(title: "Tom", bars: []))
        XCTAssertTrue(parsed.texts.contains("Ingen data"))
    }

    func testThemeChartsFromABundle() throws {
        let bundle = try ExportFixtures.bundle()
        let report = try XCTUnwrap(bundle.themes)
        let themes = try parse(SVGChart.themes(report))
        XCTAssertTrue(themes.texts.contains("Fællesskab & spisning"))
        XCTAssertTrue(themes.texts.contains("2 (66,7 %)"))
        let bySession = try parse(SVGChart.bySession(ThemeBreakdowns(bundle: bundle), report: report))
        XCTAssertTrue(bySession.texts.contains("Dialog i Marstal"))
        XCTAssertTrue(bySession.texts.contains("Grøn omstilling"))
    }
}
