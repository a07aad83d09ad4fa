import App
import ArgumentParser

/// `borgerdialog sessions`: dialogue meetings.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "Manage dialogue sessions.", subcommands: [Create.self])

    /// `borgerdialog sessions create`: opens a session and prints only its join code.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an open session and print its join code.")

        @Option(help: "Folder for the SQLite database.") var data = AppConfiguration().dataDirectory
        @Option(help: "Folder of form definitions.") var forms = AppConfiguration().formsDirectory
        @Option(help: "Id of the form citizens answer.") var form: String
        @Option(help: "Title shown on the tablets.") var title: String
        @Option(help: "Where the meeting takes place.") var place: String?
        @Option(help: "Comma-separated table names.") var tables: String?
        @Option(help: "PIN (4–8 digits) a facilitator types to leave kiosk mode on the tablets.") var kioskPin: String?

        func validate() throws {
            if let kioskPin, !(4...8).contains(kioskPin.count) || !kioskPin.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw ValidationError("--kiosk-pin must be 4–8 digits")
            }
        }

        func run() throws {
            var configuration = AppConfiguration()
            configuration.dataDirectory = data
            configuration.formsDirectory = forms
            let tableNames = tables?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            let session = try Administration.createSession(
                configuration: configuration, formID: form, title: title, place: place, tables: tableNames,
                kioskPin: kioskPin)
            print(session.code)
        }
    }
}
