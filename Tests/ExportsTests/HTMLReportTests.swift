@testable import Exports
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

    func testReportIsACompleteDanishDocumentWithASummaryFirst() throws {
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
        // One printed page of summary, then the themes; everything after flows on without empty half pages.
        XCTAssertEqual(parsed.pageBreaks, ["themes"])
        XCTAssertEqual(parsed.count("article"), 2, "one section per theme")
        XCTAssertTrue(parsed.styleText.contains("@page"))
        XCTAssertTrue(parsed.texts.contains("Fællesskab & spisning"))
        XCTAssertTrue(parsed.texts.contains(ExportFixtures.firstIdea))
        XCTAssertTrue(parsed.texts.contains("Borgermøde i Ærøskøbing"))
        XCTAssertTrue(parsed.texts.contains("Forsamlingshuset"))
        XCTAssertTrue(parsed.texts.contains("3. marts 2026 kl. 18.30"), "\(parsed.texts.prefix(20))")
        XCTAssertTrue(parsed.texts.contains(ExportFixtures.report.decisions[0].summary))
        XCTAssertTrue(parsed.texts.contains("Hvor tilfreds er du med fællesskabet?"))
        // Charts: themes overview, and one per closed question but the number.
        XCTAssertEqual(parsed.count("svg"), 1 + 7)
    }

    func testSummaryPageHasMeetingsPeopleAndTopThemesWithAQuoteEach() throws {
        let html = HTMLReport.render(try ExportFixtures.bundle())
        let summary = try XCTUnwrap(html.components(separatedBy: "<section class=\"themes\"").first)
        XCTAssertTrue(summary.contains("<section class=\"summary-page\">"))
        XCTAssertTrue(summary.contains("<strong>4 personer</strong> svarede ved 2 dialogmøder."), summary)
        XCTAssertTrue(summary.contains("Dialog i Marstal"))
        let topThemes = try XCTUnwrap(summary.components(separatedBy: "<ol class=\"top-themes\">").last)
        XCTAssertEqual(topThemes.components(separatedBy: "<li>").count - 1, 2)
        XCTAssertEqual(topThemes.components(separatedBy: "<blockquote>").count - 1, 2, "one quote per top theme")
        XCTAssertTrue(topThemes.contains("2 personer (66,7\u{00A0}%)"))
    }

    func testThemesCountPeopleAndQuotesAreNotRepeated() throws {
        var bundle = try ExportFixtures.bundle()
        // s1's second answer in the same theme: still one person; the same words quoted twice show once.
        bundle.themes?.assignments.append(ReportAssignment(answerID: "s1/more", themes: ["faellesskab"], decidedByAnalyst: false))
        bundle.themes?.themes[0].size = 3
        bundle.themes?.themes[0].quotes.append(ReportQuote(answerID: "s1/more", text: ExportFixtures.firstIdea, sessionCode: "AER1"))
        let parsed = try parse(HTMLReport.render(bundle))
        XCTAssertTrue(parsed.texts.contains { $0.contains("2 personer (66,7\u{00A0}%) · 3 svar") }, "\(parsed.texts)")
        XCTAssertEqual(parsed.texts.filter { $0 == ExportFixtures.firstIdea }.count, 2, "once on the first page, once in its theme")
    }

    func testAThemeSplitByPurposeShowsEachSideWithItsCountAndItsOwnQuotes() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.themes = ExportFixtures.reportWithPurposes
        let html = HTMLReport.render(bundle)
        let parsed = try parse(html)
        XCTAssertEqual(parsed.problems, [])
        let sections = html.components(separatedBy: "<article class=\"theme\">").dropFirst()
        let split = try XCTUnwrap(sections.first { $0.contains("Fællesskab &amp; spisning") })
        XCTAssertTrue(split.contains("<div class=\"purposes\">"))
        let sides = split.components(separatedBy: "<section class=\"purpose ").dropFirst()
        XCTAssertEqual(sides.map { String($0.prefix { $0 != "\"" }) }, ["purpose-works", "purpose-change"])
        XCTAssertTrue(sides.map { $0 }[0].contains("<h4>Det virker <span class=\"count\">· 2 svar</span></h4>"))
        XCTAssertTrue(sides.map { $0 }[1].contains("<h4>Det skal ændres <span class=\"count\">· 1 svar</span></h4>"))
        XCTAssertTrue(split.contains("2 svar (1 på spørgsmål uden opdeling)"), "answers to questions without a purpose are counted, not quoted")
        XCTAssertFalse(split.contains("Tak for i aften"))
        XCTAssertEqual(sides.map { $0 }[0].components(separatedBy: "<blockquote>").count - 1, 1, "the same words are quoted once")
        XCTAssertTrue(sides.map { $0 }[1].contains(MarkupText.escaped(ExportFixtures.formulaIdea)))
        let plain = try XCTUnwrap(sections.first { $0.contains("Grøn omstilling") })
        XCTAssertFalse(plain.contains("purposes"), "a theme without purposes keeps its plain quotes")
        XCTAssertTrue(plain.contains("<blockquote>"))
    }

    func testASplitThemeKeepsItsNumberOfQuotesSpreadOverItsSides() {
        XCTAssertEqual(HTMLReport.quoteShares(sizes: [8, 11], total: 3, perSide: 2), [1, 2], "the larger side gets the extra quote")
        XCTAssertEqual(HTMLReport.quoteShares(sizes: [5, 5, 2], total: 3, perSide: 2), [1, 1, 1])
        XCTAssertEqual(HTMLReport.quoteShares(sizes: [9], total: 3, perSide: 2), [2])
        XCTAssertEqual(HTMLReport.quoteShares(sizes: [3, 4], total: 6, perSide: 3), [3, 3])
        XCTAssertEqual(HTMLReport.quoteShares(sizes: [3, 4], total: 0, perSide: 2), [0, 0])
    }

    func testKindsAndDecisionsAreDanishWords() throws {
        var bundle = try ExportFixtures.bundle()
        for kind in ["merge", "split", "move", "offTopic"] {
            bundle.themes?.decisions.append(ReportDecision(kind: kind, summary: "Flyttede et svar til “Grøn omstilling”",
                                                           decidedBy: "analytiker@kommune.dk",
                                                           decidedAt: ExportFixtures.date(minutesAfterStart: 10), applied: kind != "move"))
        }
        let html = HTMLReport.render(bundle)
        let parsed = try parse(html)
        let words = Set(parsed.texts.flatMap { $0.split(whereSeparator: { !$0.isLetter }).map(String.init) })
        XCTAssertEqual(words.intersection(["guided", "discovered", "rename", "merge", "split", "move", "offTopic", "dont_know"]), [])
        for danish in ["Omdøbte “Fællesskab” til “Fællesskab & spisning”", "Politikkens tema", "Fundet i svarene",
                       "Nej – temaet findes ikke længere", "Analytikerens 5 rettelser af temaerne står sidst."] {
            XCTAssertTrue(parsed.texts.contains { $0.contains(danish) }, danish)
        }
        XCTAssertTrue(html.contains("analytiker@<wbr>kommune.dk"), "a long address may break after its @")
    }

    func testTablesNeverSplitWords() throws {
        let parsed = try parse(HTMLReport.render(try ExportFixtures.bundle()))
        let tableRule = try XCTUnwrap(parsed.styleText.components(separatedBy: "\n").first { $0.contains("th, td {") }
            .map { rule in parsed.styleText[parsed.styleText.range(of: rule)!.lowerBound...].prefix { $0 != "}" } })
        XCTAssertTrue(tableRule.contains("word-break: normal"), String(tableRule))
        XCTAssertTrue(tableRule.contains("overflow-wrap: normal"))
        XCTAssertTrue(tableRule.contains("hyphens: manual"))
        XCTAssertFalse(parsed.styleText.contains("anywhere"), "nothing may break at any letter")
    }

    func testScalesShowTheirEndLabels() throws {
        let parsed = try parse(HTMLReport.render(try ExportFixtures.bundle()))
        XCTAssertTrue(parsed.svgTexts.contains("1 = Meget utilfreds"), "\(parsed.svgTexts)")
        XCTAssertTrue(parsed.svgTexts.contains("5 = Meget tilfreds"))
        XCTAssertTrue(parsed.svgTexts.contains("Ved ikke: 1"))
    }

    func testQuotesAreLimitedBySettings() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.themes?.themes[0].quotes = (1...8).map { ReportQuote(answerID: "s1/idea", text: "Citat nummer \($0)", sessionCode: "AER1") }
        let parsed = try parse(HTMLReport.render(bundle, settings: ExportSettings(quotesPerTheme: 3)))
        // The first quote also stands on the summary page.
        XCTAssertEqual(parsed.texts.filter { $0.hasPrefix("Citat nummer") }, ["Citat nummer 1", "Citat nummer 1", "Citat nummer 2", "Citat nummer 3"])
        XCTAssertEqual(parsed.count("blockquote"), 2 + 3 + 1)
    }

    func testWithoutThemesThereAreNoThemeSections() throws {
        let parsed = try parse(HTMLReport.render(try ExportFixtures.bundle(withThemes: false)))
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.pageBreaks, ["questions"])
        XCTAssertEqual(parsed.count("article"), 0)
        XCTAssertTrue(parsed.texts.contains("Der er ikke lavet en temaanalyse af fritekstsvarene."))
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
            bundle.themes?.assignments.append(ReportAssignment(answerID: "s1/idea", themes: ["payload-\(index)"], decidedByAnalyst: false))
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
        XCTAssertEqual(parsed.count("article"), 2 + payloads.count)
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
            // Chart labels wrap at spaces (or, for one overlong word, between letters): joined, they read the same.
            let chartText = parsed.svgTexts.joined().filter { !$0.isWhitespace }
            XCTAssertTrue(chartText.contains(expected.filter { !$0.isWhitespace }), "chart label missing: \(expected.debugDescription)")
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
