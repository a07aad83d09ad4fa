import ArgumentParser

/// The `borgerdialog` command: parses arguments and hands over to the subcommands.
@main
struct Borgerdialog: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Borgerdialog: citizen dialogue meetings on shared tablets, and the themes in what citizens say.",
        subcommands: [ServeCommand.self, SessionsCommand.self, UsersCommand.self, ExportCommand.self, RetentionCommand.self, BackupCommand.self, FormsCommand.self, AnalyzeCommand.self]
    )
}
