import ArgumentParser

/// `borgerdialog analyze`: themes for a JSONL file of answers (placeholder until the analysis lands).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "Find themes in free-text answers.")
}
