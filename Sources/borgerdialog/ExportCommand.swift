import App
import ArgumentParser
import Foundation

/// `borgerdialog export`: sessions' responses for analysts.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the responses of sessions.")

    @Option(help: "Folder for the SQLite database.") var data = AppConfiguration().dataDirectory
    @Option(help: "Join code(s), comma-separated.") var session: String
    @Option(help: "json, csv, csv-semicolon (Danish Excel), xlsx or html (themed report).") var format: ExportFormat = .json
    @Option(help: "csv, csv-semicolon and xlsx: text (question texts and answer labels in Danish, the default) or codes (ids and option codes).")
    var values: ExportValues = .standard
    @Option(help: "File to write, or an existing folder to write the export under its own name (default: standard output).")
    var output: String?

    func run() throws {
        var configuration = AppConfiguration()
        configuration.dataDirectory = data
        let codes = session.split(separator: ",").map(String.init)
        let file = try Administration.export(configuration: configuration, codes: codes,
                                             options: ExportOptions(format: format, values: values))
        if let output {
            var isFolder: ObjCBool = false
            let target = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) && isFolder.boolValue
                ? URL(fileURLWithPath: output).appendingPathComponent(file.fileName) : URL(fileURLWithPath: output)
            try file.data.write(to: target, options: .atomic)
            if isFolder.boolValue { print(target.path) }
        } else {
            FileHandle.standardOutput.write(file.data)
            if format == .json { FileHandle.standardOutput.write(Data("\n".utf8)) }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension ExportValues: ExpressibleByArgument {}
