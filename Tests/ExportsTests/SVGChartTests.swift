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

    /// Every `attribute` value of `element` elements, in order.
    func attributes(_ name: String, of element: String, in svg: String) -> [String] {
        svg.components(separatedBy: "<\(element) ").dropFirst().compactMap { part in
            guard let range = part.range(of: "\(name)=\"") else { return nil }
            return String(part[range.upperBound...].prefix { $0 != "\"" })
        }
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
        let allText = parsed.texts.joined(separator: " ")
        for payload in payloads {
            for word in payload.split(separator: " ") {
                XCTAssertTrue(allText.contains(word), "\(word) of \(payload)")
            }
        }
    }

    func testLongLabelsWrapWholeInsteadOfBeingCut() throws {
        let label = "Ja, i et kommunalt tilbud, fx på et plejehjem eller en skole, hvor frivillige og medarbejdere arbejder sammen"
        let svg = SVGChart.horizontalBars(title: "Er du frivillig i dag? Og i givet fald hvor – i en forening, et netværk eller et kommunalt tilbud?",
                                          bars: [.init(label: label, value: 11, valueLabel: "11 (28,9\u{00A0}%)"),
                                                 .init(label: "Nej", value: 27, valueLabel: "27 (71,1\u{00A0}%)")])
        let parsed = try parse(svg)
        XCTAssertFalse(parsed.texts.contains { $0.contains("…") }, "nothing is cut off")
        let labelLines = parsed.texts.filter { label.contains($0) && $0 != "Nej" }
        XCTAssertGreaterThan(labelLines.count, 1, "the long label takes several lines")
        XCTAssertEqual(labelLines.joined(separator: " "), label, "every word, in order")
        XCTAssertTrue(parsed.texts.contains("11 (28,9\u{00A0}%)") && parsed.texts.contains("27 (71,1\u{00A0}%)"))
        XCTAssertGreaterThan(parsed.texts.filter { $0.hasPrefix("Er du") || $0.contains("kommunalt tilbud?") }.count, 0)
        // The longest bar ends where its value label still has room before the edge.
        let widths = attributes("width", of: "rect", in: svg).compactMap(Double.init)
        let starts = attributes("x", of: "rect", in: svg).compactMap(Double.init)
        let end = zip(starts, widths).map { $0 + $1 }.max() ?? 0
        // "27 (71,1 %)" is 5.9 em wide in DejaVu Sans, the widest font the chart names: 71 px at 12 px.
        XCTAssertLessThanOrEqual(end + 6 + 71, 640)
    }

    func testBarLengthsFollowValues() throws {
        let svg = SVGChart.horizontalBars(title: "T", bars: [.init(label: "a", value: 10), .init(label: "b", value: 5),
                                                              .init(label: "c", value: 0)])
        let widths = attributes("width", of: "rect", in: svg).compactMap(Double.init)
        XCTAssertEqual(widths.count, 3)
        XCTAssertEqual(widths[1] / widths[0], 0.5, accuracy: 0.01)
        XCTAssertEqual(widths[2], 0)
        XCTAssertEqual(Set(attributes("fill", of: "rect", in: svg)), [ChartPalette.teal], "one calm colour")
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

    func testScaleChartIsDivergingWithTheQuestionsOwnEndLabels() throws {
        let svg = SVGChart.scale(title: "Hvor enig er du?", distribution: [(1, 2), (2, 3), (3, 1), (4, 4), (5, 2)],
                                 lowLabel: "Helt uenig", highLabel: "Helt enig", dontKnow: 2)
        let parsed = try parse(svg)
        XCTAssertTrue(parsed.texts.contains("1 = Helt uenig"), "\(parsed.texts)")
        XCTAssertTrue(parsed.texts.contains("5 = Helt enig"))
        XCTAssertTrue(parsed.texts.contains("Ved ikke: 2"))
        XCTAssertTrue(parsed.texts.contains("1 Helt uenig: 2") && parsed.texts.contains("5 Helt enig: 2"))
        let fills = attributes("fill", of: "rect", in: svg)
        // Five segments, then five legend swatches, in the same colours, low to high.
        XCTAssertEqual(Array(fills.prefix(5)), ChartPalette.diverging(count: 5))
        XCTAssertEqual(Array(fills.suffix(5)), ChartPalette.diverging(count: 5))
        let widths = attributes("width", of: "rect", in: svg).prefix(5).compactMap(Double.init)
        XCTAssertEqual(widths.reduce(0, +), 640, accuracy: 0.5, "the shares fill the bar")
        XCTAssertEqual(widths[3] / widths[2], 4, accuracy: 0.01)
    }

    func testDivergingPaletteRunsBrownToTealThroughGrey() {
        XCTAssertEqual(ChartPalette.diverging(count: 5), ["#a6611a", "#dfc27d", "#c8c8c8", "#80cdc1", "#018571"])
        let seven = ChartPalette.diverging(count: 7)
        XCTAssertEqual(seven.count, 7)
        XCTAssertEqual(Set(seven).count, 7)
        XCTAssertEqual(seven.first, "#a6611a")
        XCTAssertEqual(seven[3], "#c8c8c8")
        XCTAssertEqual(seven.last, "#018571")
        XCTAssertEqual(ChartPalette.diverging(count: 2), ["#a6611a", "#018571"])
    }

    func testEmptyChartSaysSo() throws {
        let parsed = try parse(SVGChart.horizontalBars(title: "Tom", bars: []))
        XCTAssertTrue(parsed.texts.contains("Ingen data"))
    }

    func testThemeChartsFromABundleCountPeople() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.themes?.assignments.append(ReportAssignment(answerID: "s1/more", themes: ["faellesskab"], decidedByAnalyst: false))
        let report = try XCTUnwrap(bundle.themes)
        let breakdowns = ThemeBreakdowns(bundle: bundle)
        let themes = try parse(SVGChart.themes(report, breakdowns: breakdowns))
        XCTAssertTrue(themes.texts.contains("Fællesskab & spisning"))
        XCTAssertTrue(themes.texts.contains("2 (66,7\u{00A0}%)"), "\(themes.texts)")
        let bySession = try parse(SVGChart.bySession(breakdowns, report: report))
        XCTAssertTrue(bySession.texts.contains("Dialog i Marstal"))
        XCTAssertTrue(bySession.texts.contains("Grøn omstilling"))
    }
}
