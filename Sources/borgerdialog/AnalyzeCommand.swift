import ArgumentParser
import Foundation
import ThemeAnalysis

/// `borgerdialog analyze`: themes for a JSONL file of answers, written as JSON.
///
/// The contract (kept stable for evaluation):
/// `borgerdialog analyze --input FILE.jsonl [--k N] [--themes THEMES.json] [--language da|en|auto] --output OUT.json`.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find themes in free-text answers.",
        discussion: """
        Input lines are JSON objects with "id" and "text" (other fields are ignored). Without \
        --themes, themes are discovered (exactly --k of them when given). With --themes, answers are \
        assigned to the given themes first; answers that fit none get "other" and are clustered into \
        emerging themes. The same input and options always give the same output bytes.
        """
    )

    @Option(help: "Answers as JSON Lines: one {\"id\", \"text\"} object per line.")
    var input: String

    @Option(help: "Exact number of themes to discover (default: chosen automatically). Not used with --themes.")
    var k: Int?

    @Option(help: "Guided themes: a JSON object of theme key → name, or → {\"name\", \"description\", \"keywords\"}.")
    var themes: String?

    @Option(help: "Language of the answers: da, en or auto (detected per answer).")
    var language: String = LanguageSelection.automatic.rawValue

    @Option(help: "Where to write the result JSON.")
    var output: String

    @Option(help: "Word list (one word per line) for compound splitting and language detection.")
    var lexicon: String = "/usr/share/dict/danish"

    @Flag(help: "Analyse without a word list (degraded compound splitting and language detection).")
    var noLexicon = false

    @Option(help: "Seed of the deterministic pseudo-random choices.")
    var seed: UInt64 = 0

    func validate() throws {
        if let k, k < 1 { throw ValidationError("--k must be at least 1, got \(k).") }
        if LanguageSelection(rawValue: language) == nil {
            throw ValidationError("--language must be da, en or auto, got '\(language)'.")
        }
    }

    func run() throws {
        let answers = try AnswerFileReader.readAnswers(atPath: input)
        let guided = try themes.map { try AnswerFileReader.readThemes(atPath: $0) } ?? []
        if k != nil && themes != nil {
            FileHandle.standardError.write(Data("note: --k is not used with --themes\n".utf8))
        }
        let options = ThemeAnalysisOptions(
            themeCount: k,
            language: LanguageSelection(rawValue: language) ?? .automatic,
            lexicon: try loadLexicon(),
            seed: seed
        )
        let analyzer = ThemeAnalyzer(options: options)
        let result = guided.isEmpty ? analyzer.discover(answers) : analyzer.assign(answers, to: guided)
        try AnswerFileReader.write(result, toPath: output)
    }

    /// The word list, or an empty lexicon (with a note) when it is switched off or missing.
    private func loadLexicon() throws -> Lexicon {
        if noLexicon { return .empty }
        guard FileManager.default.fileExists(atPath: lexicon) else {
            FileHandle.standardError.write(Data("note: no word list at \(lexicon); compound splitting uses the answers' own words\n".utf8))
            return .empty
        }
        return Lexicon(lines: try AnswerFileReader.readText(atPath: lexicon))
    }
}
