import XCTest
@testable import ThemeAnalysis

final class LexiconTests: XCTestCase {
    func testLinesAreFoldedLikeTheNormalizer() {
        let lexicon = Lexicon(lines: "Forening\r\nÆLDRE\nsø\n\nKØBENHAVN\nGa\u{030A}rd\nﬁsk\nMÅL\u{85}Liv\n×\n")
        for word in ["forening", "ældre", "sø", "københavn", "gård", "fisk", "mål", "liv", "×"] {
            XCTAssertTrue(lexicon.contains(word), word)
        }
        XCTAssertFalse(lexicon.contains("Forening"), "the lexicon holds folded forms only")
        XCTAssertFalse(lexicon.contains("ga\u{030A}rd"), "lookups take folded (composed) forms")
        XCTAssertFalse(lexicon.contains(""))
        XCTAssertEqual(lexicon.count, 9)
    }

    func testDuplicatesAfterFoldingCountOnce() {
        let lexicon = Lexicon(lines: "ælder\nÆlder\nÆLDER\nælder\n")
        XCTAssertEqual(lexicon.count, 1)
        XCTAssertEqual(Lexicon(words: ["Æble", "æble", "ÆBLE"]).count, 1)
    }

    func testTheDebianWordListLoadsAsTheSlowPathWould() throws {
        let path = "/usr/share/dict/danish"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "wdanish is not installed")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let fast = Lexicon(lines: text)
        let reference = Set(text.split(whereSeparator: \.isNewline).map { TextNormalizer.fold(String($0)) }.filter { !$0.isEmpty })
        XCTAssertEqual(fast.count, reference.count)
        let missing = reference.filter { !fast.contains($0) }
        XCTAssertEqual(missing.count, 0, "first missing: \(missing.sorted().prefix(5))")
    }

    func testWordSetGrowsAndFindsEveryWord() {
        var set = WordSet()
        let words = (0..<5_000).map { "ord\($0)æ" }
        for word in words { set.insert(word) }
        for word in words { set.insert(word) }
        XCTAssertEqual(set.count, words.count)
        XCTAssertTrue(words.allSatisfy { set.contains($0) })
        XCTAssertFalse(set.contains("ord5000æ"))
        XCTAssertFalse(set.contains("ord1"), "a prefix of a word is not the word")
    }
}
