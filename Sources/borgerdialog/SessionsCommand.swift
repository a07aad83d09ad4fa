import App
import ArgumentParser
import Foundation
import Storage

/// `borgerdialog sessions`: dialogue meetings.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "Manage dialogue sessions.", subcommands: [Create.self, Close.self])

    /// `borgerdialog sessions create`: opens a session and prints only its join code.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an open session and print its join code.")

        @OptionGroup var storage: DataOptions
        @Option(help: "Folder of form definitions.") var forms = AppConfiguration().formsDirectory
        @Option(help: "Id of the form citizens answer.") var form: String
        @Option(help: "Title shown on the tablets.") var title: String
        @Option(help: "Where the meeting takes place.") var place: String?
        @Option(help: "Comma-separated table names.") var tables: String?
        @Option(help: "PIN (4–8 digits) a facilitator types to leave kiosk mode on the tablets.") var kioskPin: String?
        @Option(help: "Seconds a tablet may sit untouched mid-form before it starts over (\(SessionSettings.idleTimeoutRange.lowerBound)–\(SessionSettings.idleTimeoutRange.upperBound)).")
        var idleSeconds = SessionSettings.defaultIdleTimeoutSeconds

        func validate() throws {
            if let problem = SessionSettings.problems(idleTimeoutSeconds: idleSeconds, kioskPin: kioskPin).first {
                throw ValidationError(problem.danishReason)
            }
        }

        func run() throws {
            var configuration = storage.configuration
            configuration.formsDirectory = forms
            let tableNames = tables?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            let session = try Administration.createSession(
                configuration: configuration, formID: form, title: title, place: place, tables: tableNames,
                kioskPin: kioskPin, idleTimeoutSeconds: idleSeconds)
            print(session.code)
        }
    }

    /// `borgerdialog sessions close`: no new answers from now on (answers made offline before still count, as late).
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an open session.")

        @OptionGroup var storage: DataOptions
        @Option(help: "The session's join code.") var session: String

        func run() throws {
            let closed = try Administration.closeSession(configuration: storage.configuration, code: session)
            print("Closed \(closed.code) at \(Timestamp.format(closed.closedAt ?? Date()))")
        }
    }
}
