import App
import ArgumentParser
import Authentication
import Foundation

/// `borgerdialog users`: staff accounts (the accounts page at /staff/users does the same in a browser).
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage staff accounts.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, ChangeRole.self, ResetPassword.self])

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
                configuration: storage.configuration, email: email, role: role, password: passwordFromStandardInput())
            print("Created \(result.account.role) \(result.account.email)")
            if let generated = result.generatedPassword {
                print("Password (shown only now): \(generated)")
            }
        }
    }

    /// `borgerdialog users list`: every account with role, status, creation and last login.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the staff accounts.")

        @OptionGroup var storage: DataOptions

        func run() throws {
            let rows = try Administration.listUsers(configuration: storage.configuration).map { overview in
                let account = overview.account
                let status = account.disabledAt != nil ? "disabled" : account.hasPassword ? "active" : "invited"
                return [account.email, account.role, status, Self.time(account.createdAt), account.lastLoginAt.map(Self.time) ?? "never"]
            }
            let table = [["EMAIL", "ROLE", "STATUS", "CREATED", "LAST LOGIN"]] + rows
            let widths = (0..<5).map { column in table.map { $0[column].count }.max() ?? 0 }
            for row in table {
                print(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                    .trimmingCharacters(in: .whitespaces))
            }
        }

        /// Danish local time, as meeting times are read and shown everywhere else.
        private static func time(_ date: Date) -> String {
            var style = Date.VerbatimFormatStyle(
                format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
                timeZone: MeetingTimeParser.zone, calendar: Calendar(identifier: .gregorian))
            style.locale = Locale(identifier: "da_DK")
            return date.formatted(style)
        }
    }

    /// `borgerdialog users disable`: the account can no longer log in; its logins end at once.
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a staff account (its logins end at once).",
            discussion: "The last enabled administrator cannot be disabled.")

        @OptionGroup var storage: DataOptions
        @Option(help: "The account's e-mail.") var email: String

        func run() throws {
            let account = try Administration.disableUser(configuration: storage.configuration, email: email)
            print("Disabled \(account.email)")
        }
    }

    /// `borgerdialog users enable`: a disabled account may log in again.
    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled staff account.")

        @OptionGroup var storage: DataOptions
        @Option(help: "The account's e-mail.") var email: String

        func run() throws {
            let account = try Administration.enableUser(configuration: storage.configuration, email: email)
            print("Enabled \(account.email)")
        }
    }

    /// `borgerdialog users role`: another role for an account.
    struct ChangeRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role", abstract: "Change a staff account's role.",
            discussion: "The last enabled administrator keeps the administrator role.")

        @OptionGroup var storage: DataOptions
        @Option(help: "The account's e-mail.") var email: String
        @Option(help: "admin, facilitator or analyst.") var role: Role

        func run() throws {
            let account = try Administration.changeRole(configuration: storage.configuration, email: email, to: role)
            print("\(account.email) is now \(account.role)")
        }
    }

    /// `borgerdialog users reset-password`: a new password from standard input, or generated and printed once.
    struct ResetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a staff account a new password (its logins end).",
            discussion: "The password is the first line of standard input. With no input (or a terminal), a strong password is generated and printed once. In a browser, an administrator makes a one-time link instead (/staff/users).")

        @OptionGroup var storage: DataOptions
        @Option(help: "The account's e-mail.") var email: String

        func run() throws {
            let result = try Administration.resetPassword(
                configuration: storage.configuration, email: email, password: passwordFromStandardInput())
            print("New password set for \(result.account.email)")
            if let generated = result.generatedPassword {
                print("Password (shown only now): \(generated)")
            }
        }
    }
}

/// The first line of standard input when it is not a terminal and not empty.
private func passwordFromStandardInput() -> String? {
    guard isatty(STDIN_FILENO) == 0, let line = readLine(strippingNewline: true), !line.isEmpty else { return nil }
    return line
}

extension Role: ExpressibleByArgument {}
