import Exports
import Foundation
import XCTest

final class HTMLReportTests: XCTestCase {
    /// What `read_html.py` found in a report.
    struct Parsed {
        var json: [String: Any]
        var problems: [String] { json["problems"] as? [String] ?? ["unreadable"] }
        var suspiciousAttributes: [[String]] { json["suspiciousAttributes"] as? [[String]] ?? [] }
        var pageBreaks: [String] { json["pageBreaks"] as? [String] ?? [] }
        var texts: [String] { json["texts"] as? [String] ?? [] }
        var svgTexts: [String] { json["svgTexts"] as? [String] ?? [] }
        var svgProblems: [String] { json["svgProblems"] as? [String] ?? ["unreadable"] }
        var styleText: String { json["styleText"] as? String ?? "" }
        func count(_ tag: String) -> Int { (json["tagCounts"] as? [String: Int])?[tag] ?? 0 }
    }

    func parse(_ html: String) throws -> Parsed {
        let file = try ExportFixtures.temporaryDirectory(for: self).appendingPathComponent("report.html")
        try Data(html.utf8).write(to: file)
        return Parsed(json: try XCTUnwrap(PythonReader.run("read_html.py", arguments: [file.path]) as? [String: Any]))
    }

    func testReportIsACompleteDocumentWithAPagePerTheme() throws {
        let bundle = try ExportFixtures.bundle()
        let html = HTMLReport.render(bundle)
        let parsed = try parse(html)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(parsed.json["lang"] as? String, "da")
        XCTAssertEqual(parsed.json["hasCharset"] as? Bool, true)
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.svgProblems, [])
        XCTAssertEqual(parsed.count("script"), 0)
        XCTAssertEqual(parsed.count("link"), 0)
        XCTAssertEqual(parsed.suspiciousAttributes, [])
        XCTAssertEqual(parsed.pageBreaks.filter { $0 == "page theme" }.count, 2)
        XCTAssertEqual(parsed.pageBreaks, ["page themes", "page theme", "page theme", "page summaries", "page decisions"])
        XCTAssertTrue(parsed.styleText.contains("@page"))
        XCTAssertTrue(parsed.texts.contains("Fællesskab & spisning"))
        XCTAssertTrue(parsed.texts.contains(ExportFixtures.firstIdea))
        XCTAssertTrue(parsed.texts.contains("Borgermøde i Ærøskøbing"))
        XCTAssertTrue(parsed.texts.contains("Forsamlingshuset"))
        XCTAssertTrue(parsed.texts.contains("3. marts 2026 kl. 18.30"), "\(parsed.texts.prefix(20))")
        XCTAssertTrue(parsed.texts.contains(ExportFixtures.report.decisions[0].summary))
        XCTAssertTrue(parsed.texts.contains("Hvor tilfreds er du med fællesskabet?"))
        // Charts: themes overview, themes by session, one per theme, and one per closed question but the number.
        XCTAssertEqual(parsed.count("svg"), 4 + 7)
    }

    func testQuotesAreLimitedBySettings() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.themes?.themes[0].quotes = (1...8).map { ReportQuote(answerID: "s1/idea", text: "Citat nummer \($0)", sessionCode: "AER1") }
        let parsed = try parse(HTMLReport.render(bundle, settings: ExportSettings(quotesPerTheme: 3)))
        XCTAssertEqual(parsed.texts.filter { $0.hasPrefix("Citat nummer") }, ["Citat nummer 1", "Citat nummer 2", "Citat nummer 3"])
        XCTAssertEqual(parsed.count("blockquote"), 3 + 1)
    }

    func testWithoutThemesThereAreNoThemePages() throws {
        let parsed = try parse(HTMLReport.render(try ExportFixtures.bundle(withThemes: false)))
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.pageBreaks, ["page summaries"])
        XCTAssertTrue(parsed.texts.contains("Ikke lavet"))
    }

    func testInjectionPayloadsStayText() throws {
        var bundle = try ExportFixtures.bundle()
        let payloads = InjectionPayloads.all
        bundle.sessions[0].title = payloads[0]
        bundle.sessions[0].place = payloads[1]
        bundle.sessions[1].code = payloads[2]
        bundle.responses = bundle.responses.map { response in
            var response = response
            if response.sessionCode == "MAR2" { response.sessionCode = payloads[2] }
            return response
        }
        for (index, payload) in payloads.enumerated() {
            bundle.themes?.themes.append(ReportTheme(
                key: "payload-\(index)", label: payload, kind: payload, terms: [payload, "ord"], size: 1, share: 0.1,
                quotes: [ReportQuote(answerID: "s1/idea", text: payload, sessionCode: payloads[2])],
                countsBySession: ["AER1": 1, payloads[2]: 2]))
            bundle.themes?.decisions.append(ReportDecision(kind: payload, summary: payload, decidedBy: payload,
                                                           decidedAt: Date(), applied: false))
        }
        let html = HTMLReport.render(bundle)
        let parsed = try parse(html)
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.svgProblems, [])
        XCTAssertEqual(parsed.count("script"), 0)
        XCTAssertEqual(parsed.count("img"), 0)
        XCTAssertEqual(parsed.count("iframe"), 0)
        XCTAssertEqual(parsed.count("a"), 0)
        XCTAssertEqual(parsed.count("style"), 1)
        XCTAssertEqual(parsed.suspiciousAttributes, [])
        XCTAssertFalse(parsed.styleText.contains("alert"))
        XCTAssertEqual(parsed.pageBreaks.filter { $0 == "page theme" }.count, 2 + payloads.count)
        // Every piece of markup in the payloads appears only escaped.
        for payload in payloads where payload.contains("<") {
            XCTAssertFalse(html.contains(payload), payload)
        }
        for fragment in ["<script", "<img", "<svg onload", "<iframe", "</style><", "<a href", "<!--"] {
            XCTAssertFalse(html.lowercased().contains(fragment), fragment)
        }
        // And the text reads back exactly as written (control characters become U+FFFD).
        for payload in payloads {
            let expected = InjectionPayloads.displayed(payload)
            XCTAssertTrue(parsed.texts.contains(expected), "quote text missing: \(expected.debugDescription)")
            XCTAssertTrue(parsed.svgTexts.contains { $0.contains(expected.prefix(20)) }, "chart label missing: \(expected.debugDescription)")
        }
        // Our own charts are the only SVG elements: payloads' <svg> stayed text.
        XCTAssertEqual(parsed.count("svg"), html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    }
}

/// Strings citizens (or a careless analyst) could type that must never turn into markup.
enum InjectionPayloads {
    static let all = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "javascript:alert(document.cookie)",
        "</style><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">klik</a>",
        "<iframe src=\"https://example.invalid\"></iframe>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "＜script＞alert(1)＜/script＞",
        "\u{202E}gnp.exe<b>",
        "<scr\u{0}ipt>alert(1)</scr\u{0}ipt>",
        "\u{FEFF}<!--<script>-->",
        "]]><![CDATA[<script>alert(1)</script>",
        "{{constructor.constructor('alert(1)')()}}",
    ]

    /// How a payload reads after escaping and parsing: control characters replaced.
    static func displayed(_ payload: String) -> String {
        String(String.UnicodeScalarView(payload.unicodeScalars.map { $0.value < 0x20 ? "\u{FFFD}" : $0 }))
    }
}
