import XCTest
@testable import ThemeAnalysis

final class TextNormalizationTests: XCTestCase {
    func testDanishStemmerStripsInflection() throws {
        let stemmer = try XCTUnwrap(SnowballStemmer(language: .danish))
        XCTAssertEqual(stemmer.stem("hundene"), "hund")
        XCTAssertEqual(stemmer.stem("foreningerne"), "forening")
        XCTAssertEqual(stemmer.stem("foreningerne"), stemmer.stem("foreninger"))
        XCTAssertEqual(stemmer.stem("fællesskaberne"), "fællesskab")
    }

    func testEnglishStemmer() throws {
        let stemmer = try XCTUnwrap(SnowballStemmer(language: .english))
        XCTAssertEqual(stemmer.stem("running"), "run")
        XCTAssertEqual(stemmer.stem("parks"), "park")
    }

    func testCompoundSplitterFindsKnownParts() {
        let splitter = CompoundSplitter(knownWords: ["forening", "liv", "livet", "frivillighed", "politik", "ældre"])
        XCTAssertEqual(splitter.split("foreningslivet"), ["forening", "livet"])
        XCTAssertEqual(splitter.split("frivillighedspolitik"), ["frivillighed", "politik"])
        XCTAssertEqual(splitter.split("ældreliv"), ["ældre", "liv"])
        XCTAssertEqual(splitter.split("forening"), [], "a simple word is not a compound")
        XCTAssertEqual(splitter.split("foreningene"), [], "an inflectional ending is not a part")
    }

    func testSuffixesThatAreAlsoWordsAreNeverParts() {
        let splitter = CompoundSplitter(knownWords: ["kemi", "ske", "reger", "inger", "fælle", "fælles", "skab", "organ", "isat", "ion",
                                                     "mulig", "vis", "tradition", "elle", "forening", "liv"])
        for word in ["kemiske", "regeringer", "fællesskab", "organisation", "muligvis", "traditionelle"] {
            XCTAssertEqual(splitter.split(word), [], word)
        }
        XCTAssertEqual(splitter.split("foreningsliv"), ["forening", "liv"], "a real compound still splits")
    }

    func testCompoundSplittingWithTheDebianWordList() throws {
        let path = "/usr/share/dict/danish"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "wdanish is not installed")
        let lexicon = Lexicon(lines: try String(contentsOfFile: path, encoding: .utf8))
        let normalizer = TextNormalizer(lexicon: lexicon)
        let stems = normalizer.terms(ofToken: "foreningslivet", language: .danish).map(\.stem)
        XCTAssertTrue(stems.contains("forening"), "\(stems)")
        XCTAssertTrue(stems.contains("liv"), "\(stems)")
        let parts = CompoundSplitter(lexicon: lexicon).split("frivillighedspolitik")
        XCTAssertEqual(parts, ["frivillighed", "politik"])
    }

    func testNormalisationKeepsDanishLettersAndFoldsCase() {
        let decomposed = "Ga\u{030A}rdene ÆLDRE Ørsted"
        XCTAssertEqual(TextNormalizer.tokens(ofFolded: TextNormalizer.fold(decomposed)), ["gårdene", "ældre", "ørsted"])
        XCTAssertEqual(TextNormalizer.tokens(ofFolded: "børne-, unge- og familieliv 2024"), ["børne", "unge", "og", "familieliv"])
    }

    func testStopWordsGiveNoTerms() {
        let normalizer = TextNormalizer(lexicon: .empty)
        let terms = normalizer.terms(of: "Det er ikke noget for mig", language: .danish).terms
        XCTAssertEqual(terms, [])
    }

    func testLanguageDetection() {
        let normalizer = TextNormalizer(lexicon: .empty)
        XCTAssertEqual(normalizer.terms(of: "Jeg synes at der skal være flere bænke i parken", language: nil).language, .danish)
        XCTAssertEqual(normalizer.terms(of: "I think there should be more benches in the park", language: nil).language, .english)
        XCTAssertNil(normalizer.terms(of: "parken", language: nil).language)
    }

    /// The fast path of `fold` must give what Foundation's NFKC + lower case gives, for every scalar
    /// it lets through, alone and between letters.
    func testFoldSkipsNormalizationOnlyWhereNFKCChangesNothing() {
        let passed = (0...0x2FFF).compactMap(Unicode.Scalar.init).filter(TextNormalizer.isUnchangedByCompatibilityNormalization)
        XCTAssertGreaterThan(passed.count, 200)
        for scalar in passed {
            for text in [String(scalar), "Å\(scalar)e", "\(scalar)\(scalar)"] {
                XCTAssertEqual(TextNormalizer.fold(text), text.precomposedStringWithCompatibilityMapping.lowercased(), "U+\(String(scalar.value, radix: 16))")
            }
        }
        XCTAssertEqual(TextNormalizer.fold("Ældre… og ﬁske\u{A0}Ture"), "ældre... og fiske ture", "what NFKC changes still goes through it")
        XCTAssertEqual(TextNormalizer.fold("Gå – “Ældre” ’95"), "gå – “ældre” ’95")
    }
}
