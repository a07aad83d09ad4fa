import ArgumentParser

/// The `borgerdialog` command: parses arguments and hands over to the subcommands.
@main
struct Borgerdialog: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Citizen dialogue and survey collector.",
        subcommands: [AnalyzeCommand.self]
    )
}
