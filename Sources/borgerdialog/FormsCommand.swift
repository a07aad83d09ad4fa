import App
import ArgumentParser

/// `borgerdialog forms`: the form files.
struct FormsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms", abstract: "Work with form files.", subcommands: [Check.self])

    /// `borgerdialog forms check`: every problem in every form, and a non-zero exit if there is one.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check every form file in a folder.")

        @Argument(help: "Folder of form files.") var directory = AppConfiguration().formsDirectory

        func run() throws {
            let catalog = Administration.checkForms(directory: directory)
            for form in catalog.forms {
                print("ok       \(form.id)")
            }
            for problem in catalog.problems {
                print("problem  \(problem)")
            }
            guard catalog.problems.isEmpty else {
                print("\(catalog.problems.count) problem(s) in \(directory)")
                throw ExitCode(1)
            }
            print("\(catalog.forms.count) form(s) in \(directory), no problems")
        }
    }
}
