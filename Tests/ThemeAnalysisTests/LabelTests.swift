import Foundation
import XCTest
@testable import ThemeAnalysis

/// Labels people can read: whole words as written, never fragments of compounds or names, no
/// filler words, phrases where the answers use them.
final class LabelTests: XCTestCase {
    static let answers: [AnswerText] = [
        "Bussen til Frederikshavn kører alt for sjældent om aftenen.",
        "Der mangler en aftenbus fra Frederikshavn til landsbyerne.",
        "Jeg tager bussen til Frederikshavn hver dag, men den er tit forsinket.",
        "Flere aftenbusser mellem Frederikshavn og Sæby, tak.",
        "Vi har brug for ladestandere ved havnen i Frederikshavn.",
        "Ladestandere til elbiler mangler i hele Frederikshavn.",
        "Flere ladestandere ved butikkerne i Frederikshavn, gerne hurtigt.",
        "Min ægtefælle er syg, og jeg får ingen aflastning.",
        "Pårørende som ægtefælle skal have mere aflastning.",
        "Da min ægtefælle døde, blev jeg meget ensom.",
        "Ægtefælle og pårørende bliver glemt af hjemmeplejen i Frederikshavn.",
        "Frivillige kræfter holder foreningen i live.",
        "Uden frivillige kræfter lukker klubben.",
        "Vi skal takke de frivillige kræfter i idrætsforeningen.",
        "Foreningen mangler frivillige kræfter til børneholdene, gerne nogen der vil.",
        "Kommunen skal gerne lytte mere, det er svært at komme igennem.",
    ].enumerated().map { AnswerText(id: "l\($0.offset + 1)", text: $0.element) }

    static let themes = [
        GuidedTheme(key: "aeldre", name: "Det gode ældreliv", description: "Pleje, pårørende og et trygt liv som ældre i kommunen."),
        GuidedTheme(key: "forening", name: "Et stærkt foreningsliv", description: "Foreninger, frivillige og fritid."),
    ]

    static func danishLexicon() throws -> Lexicon {
        let path = "/usr/share/dict/danish"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "wdanish is not installed")
        return Lexicon(lines: try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Every theme term and label of a discovery run (automatic and fixed k) and a guided run is made
    /// of whole words people wrote, and none is a fragment of Frederikshavn, ægtefælle or
    /// ladestandere, or a filler word.
    func testCompoundAndNameFragmentsNeverBecomeLabels() throws {
        let lexicon = try Self.danishLexicon()
        let written = Set(Self.answers.flatMap { TextNormalizer.tokens(ofFolded: TextNormalizer.fold($0.text)) })
        let fragments: Set<String> = ["havn", "frederik", "frederiks", "fælle", "ægte", "lade", "standere", "bus", "kræft"]
        let fillers: Set<String> = ["gerne", "svært", "kommunen", "flere", "mangler"]
        let results = [
            ThemeAnalyzer(options: ThemeAnalysisOptions(lexicon: lexicon)).discover(Self.answers),
            ThemeAnalyzer(options: ThemeAnalysisOptions(themeCount: 4, lexicon: lexicon)).discover(Self.answers),
            ThemeAnalyzer(options: ThemeAnalysisOptions(lexicon: lexicon)).assign(Self.answers, to: Self.themes),
        ]
        var checked = 0
        for result in results {
            for theme in result.themes where theme.kind != .other {
                let label = theme.kind == .guided ? [] : theme.label.components(separatedBy: ", ")
                for term in theme.terms + label {
                    for word in term.split(separator: " ").map(String.init) {
                        checked += 1
                        XCTAssertTrue(written.contains(word), "\(word) (\(theme.key)) is not a word of the answers")
                        XCTAssertFalse(fragments.contains(word), "\(word) (\(theme.key)) is a fragment")
                        XCTAssertFalse(fillers.contains(word), "\(word) (\(theme.key)) is a filler word")
                    }
                }
            }
            for assignment in result.assignments {
                for term in assignment.terms { XCTAssertTrue(written.contains(term), "\(term) explains \(assignment.id) but is not written") }
            }
        }
        XCTAssertGreaterThan(checked, 20, "the runs must have terms to check")
    }

    /// A name is never split, a common compound is (its parts help answers meet), and the parts are
    /// never what is shown.
    func testNamesAreNotSplitButCompoundsStillMeetThroughTheirParts() throws {
        let lexicon = try Self.danishLexicon()
        XCTAssertEqual(TextNormalizer.nameCandidates(in: "Bussen til Frederikshavn. Ægtefælle og MitID hos Borgerservice"),
                       ["frederikshavn", "mitid", "borgerservice"])
        let corpus = AnswerCorpus(texts: Self.answers.map(\.text), options: ThemeAnalysisOptions(lexicon: lexicon))
        XCTAssertNil(corpus.termID(ofStem: "frederik"), "Frederikshavn is a name here and is not split")
        let harbour = try XCTUnwrap(corpus.termID(ofStem: "havn"))
        XCTAssertEqual(corpus.surface(of: harbour), "havnen", "havn comes from the whole word havnen only")
        let lade = try XCTUnwrap(corpus.termID(ofStem: "lad"), "ladestandere still yields its part for matching")
        XCTAssertNil(corpus.surface(of: lade), "a part that is never written alone is never shown")
    }

    /// Words the answers write side by side become one phrase; a label has 2–4 words.
    func testPhrasesAndLabelLength() throws {
        let corpus = AnswerCorpus(texts: Self.answers.map(\.text), options: ThemeAnalysisOptions(lexicon: try Self.danishLexicon()))
        let vectors = (0..<Self.answers.count).map { corpus.weightedVector(of: $0) }
        let describer = ThemeDescriber(corpus: corpus, vectors: vectors, options: ThemeAnalysisOptions())
        let volunteers = [11, 12, 13, 14]
        let terms = describer.keyTerms(of: [volunteers, Array(0..<11)], allAnswers: Array(0..<Self.answers.count))
        XCTAssertEqual(terms[0].first, "frivillige kræfter", "\(terms[0])")
        XCTAssertFalse(terms[0].contains("frivillige"), "the phrase replaces its words")
        for group in terms {
            let words = describer.label(from: group).split(whereSeparator: { $0 == " " || $0 == "," }).count
            XCTAssertTrue((2...4).contains(words), describer.label(from: group))
        }
    }

    /// Filler words never label a theme, but a theme whose name uses one is still found through it
    /// ("Samspillet mellem kommunen og de frivillige").
    func testFillerWordsInAThemeNameStillGuide() {
        let answers = [
            "Kommunen skal svare hurtigere på mails fra de frivillige.",
            "Samarbejdet med kommunen om frivilligt arbejde er godt.",
            "Kommunen burde støtte de frivillige med lokaler.",
            "Vi får god hjælp af kommunen når vi søger tilskud.",
            "Der skal være plads til nye aktive i lokalsamfundet.",
            "Det skal være nemt at være aktiv i lokalsamfundet.",
        ].enumerated().map { AnswerText(id: "k\($0.offset + 1)", text: $0.element) }
        let themes = [
            GuidedTheme(key: "samspil", name: "Samspillet mellem kommunen og de frivillige"),
            GuidedTheme(key: "vilkaar", name: "Gode vilkår for at være aktiv i lokalsamfundet"),
        ]
        let result = ThemeAnalyzer().assign(answers, to: themes)
        XCTAssertEqual(result.assignments[3].themes.first, "samspil", "only the name's filler word links this answer")
        for theme in result.themes { XCTAssertFalse(theme.terms.contains("kommunen"), "\(theme.key): \(theme.terms)") }
    }
}
