import App
import ArgumentParser
import Authentication
import Foundation

/// `borgerdialog users`: staff accounts.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage staff accounts.", subcommands: [Add.self])

    /// `borgerdialog users add`: one account; the password comes from standard input or is generated and printed once.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a staff account.",
            discussion: "The password is the first line of standard input. With no input (or a terminal), a strong password is generated and printed once.")

        @OptionGroup var storage: DataOptions
        @Option(help: "admin, facilitator or analyst.") var role: Role
        @Option(help: "The login e-mail.") var email: String

        func run() throws {
            let result = try Administration.addUser(
                configuration: storage.configuration, email: email, role: role, password: Self.passwordFromStandardInput())
            print("Created \(result.account.role) \(result.account.email)")
            if let generated = result.generatedPassword {
                print("Password (shown only now): \(generated)")
            }
        }

        private static func passwordFromStandardInput() -> String? {
            guard isatty(STDIN_FILENO) == 0, let line = readLine(strippingNewline: true), !line.isEmpty else { return nil }
            return line
        }
    }
}

extension Role: ExpressibleByArgument {}
