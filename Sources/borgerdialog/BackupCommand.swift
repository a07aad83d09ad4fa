import App
import ArgumentParser
import Foundation

/// `borgerdialog backup`: a consistent copy of the database while the service runs, and the way back.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back up or restore the database.",
        discussion: "`backup --data DIR --output FILE` is safe while `serve` runs; `backup restore --input FILE --data NEWDIR` brings a backup back.",
        subcommands: [Create.self, Restore.self], defaultSubcommand: Create.self)

    /// `borgerdialog backup [create]`: writes a snapshot to a new file.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent snapshot of the database to a new file (safe while the server runs).")

        @OptionGroup var storage: DataOptions
        @Option(help: "The backup file to write; must not exist yet.") var output: String

        func run() throws {
            let summary = try Administration.backup(configuration: storage.configuration, outputPath: output)
            print("Backed up \(summary.responseCount) response(s) in \(summary.sessionCount) session(s) to \(summary.path) (\(summary.byteCount) bytes, integrity \(summary.integrityCheck))")
        }
    }

    /// `borgerdialog backup restore`: a backup file becomes the database of a new data folder.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore a backup file into a data folder that has no database yet.")

        @Option(help: "The backup file.") var input: String
        @Option(help: "Folder to restore into; must not hold a database.") var data: String

        func run() throws {
            var configuration = AppConfiguration()
            configuration.dataDirectory = data
            let summary = try Administration.restore(configuration: configuration, inputPath: input)
            print("Restored \(summary.responseCount) response(s) in \(summary.sessionCount) session(s) to \(summary.path) (integrity \(summary.integrityCheck))")
        }
    }
}
