import App
import ArgumentParser
import Foundation

/// `borgerdialog retention`: keeping answers no longer than the municipality may.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Delete old responses.", subcommands: [Purge.self, Apply.self])

    /// `borgerdialog retention purge`: deletes responses received before a date, and records that it did.
    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete every response received before a date (answers and contact details with it).",
            discussion: "The purge itself is recorded in the database (retention log and audit log).")

        @OptionGroup var storage: DataOptions
        @Option(help: "Cut-off: a date (YYYY-MM-DD, Danish time midnight) or an ISO 8601 date-time.") var before: String

        func run() throws {
            guard let cutoff = Self.parse(before) else {
                throw ValidationError("--before must be a date like 2026-01-31 or an ISO 8601 date-time")
            }
            let deleted = try Administration.purgeResponses(configuration: storage.configuration, receivedBefore: cutoff)
            print("Deleted \(deleted) response(s) received before \(Timestamp.format(cutoff))")
        }

        private static func parse(_ text: String) -> Date? {
            if text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil { return MeetingTimeParser.parse(text + "T00:00") }
            return MeetingTimeParser.parse(text)
        }
    }

    /// `borgerdialog retention apply`: applies the retention rules that are due now (the server does
    /// this by itself daily; this is for scripts and a server that is not running).
    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply the retention rules set on the staff pages that are due now.",
            discussion: "Each purge is recorded in the database (retention log and audit log).")

        @OptionGroup var storage: DataOptions

        func run() throws {
            let purges = try Administration.applyRetentionRules(configuration: storage.configuration)
            for purge in purges {
                print("\(purge.rule ?? "rule"): deleted \(purge.responsesDeleted) response(s), \(purge.contactsDeleted) contact detail(s)")
            }
            if purges.isEmpty { print("No retention rule was due with anything left to delete") }
        }
    }
}
