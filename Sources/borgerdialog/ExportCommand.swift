import App
import ArgumentParser
import Foundation

/// `borgerdialog export`: a session's responses for analysts.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the responses of sessions.")

    @Option(help: "Folder for the SQLite database.") var data = AppConfiguration().dataDirectory
    @Option(help: "Join code(s), comma-separated.") var session: String
    @Option(help: "json, csv, csv-semicolon (Danish Excel), xlsx or html (themed report).") var format: ExportFormat = .json
    @Option(help: "File to write (default: standard output).") var output: String?

    func run() throws {
        var configuration = AppConfiguration()
        configuration.dataDirectory = data
        let codes = session.split(separator: ",").map(String.init)
        let data = try Administration.export(configuration: configuration, codes: codes, format: format).data
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(data)
            if format == .json { FileHandle.standardOutput.write(Data("\n".utf8)) }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
