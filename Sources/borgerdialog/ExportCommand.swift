import App
import ArgumentParser
import Foundation

/// `borgerdialog export`: a session's responses for analysts.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the responses of sessions.")

    /// The formats `export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @Option(help: "Folder for the SQLite database.") var data = AppConfiguration().dataDirectory
    @Option(help: "Join code(s), comma-separated.") var session: String
    @Option(help: "Output format.") var format: Format = .json
    @Option(help: "File to write (default: standard output).") var output: String?

    func run() throws {
        var configuration = AppConfiguration()
        configuration.dataDirectory = data
        let codes = session.split(separator: ",").map(String.init)
        let documents = try Administration.export(configuration: configuration, codes: codes)
        // One session exports as one document; several as an array of them.
        let data = documents.count == 1 ? try documents[0].jsonData() : try ExportDocument.jsonData(of: documents)
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}
