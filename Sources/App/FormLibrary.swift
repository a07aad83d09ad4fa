import Forms
import Foundation
import Logging
import Storage
import Synchronization

/// The forms the service offers, kept in the database: the shipped library and staff's own forms.
///
/// The files of the forms folder are the library: imported at start and whenever the form pages
/// ask (at most every few seconds), so a file dropped in is seen without a restart. A changed file
/// becomes a new published version; staff's own forms are never touched by a file.
final class FormLibrary: Sendable {
    private let store: Store
    private let sessions: SessionDirectory
    private let directory: String
    private let logger: Logger
    private let scan = Mutex(LibraryScan())

    /// What the last look at the folder found.
    private struct LibraryScan {
        var problems: [FormProblem] = []
        var conflicts: [String] = []
        var lastScan: ContinuousClock.Instant?
    }

    /// How often the folder is looked at again when the form pages ask.
    static let rescanInterval: Duration = .seconds(5)

    /// A library over `store`, reading files from `directory`.
    init(store: Store, sessions: SessionDirectory, directory: String, logger: Logger) {
        self.store = store
        self.sessions = sessions
        self.directory = directory
        self.logger = logger
    }

    /// Imports the folder's forms now: new forms and changed files become published versions.
    @discardableResult
    func importFiles() throws -> FormCatalog {
        let catalog = FormCatalog.load(directory: directory)
        var conflicts: [String] = []
        for form in catalog.forms {
            switch try store.importLibraryForm(formID: form.id, contentHash: form.contentHash, definition: form.definitionText) {
            case .created(let publication):
                logger.info("Form \(form.id) added from the library (version \(publication.number))")
            case .newVersion(let publication):
                logger.notice("Form \(form.id) changed in the library: version \(publication.number) published")
            case .unchanged:
                break
            case .idTakenByOwnForm:
                conflicts.append(form.id)
                logger.warning("The library file for \(form.id) is not imported: a form made in the browser has that id")
            }
        }
        for problem in catalog.problems {
            logger.error("Form file not imported: \(problem)")
        }
        scan.withLock { $0 = LibraryScan(problems: catalog.problems, conflicts: conflicts, lastScan: .now) }
        return catalog
    }

    /// Imports the folder again if it was last looked at a while ago; problems are logged, not thrown.
    func refreshIfDue() {
        let due = scan.withLock { scan in scan.lastScan.map { .now - $0 >= Self.rescanInterval } ?? true }
        guard due else { return }
        do {
            try importFiles()
        } catch {
            logger.error("The forms folder could not be imported: \(error)")
        }
    }

    /// The problems of the library files that could not be imported, as last seen.
    var fileProblems: [FormProblem] {
        scan.withLock { $0.problems }
    }

    /// Library files not imported because a form made in the browser has their id.
    var idConflicts: [String] {
        scan.withLock { $0.conflicts }
    }

    /// A form's newest published version, decoded; throws `formNotFound` when it has none.
    func publishedForm(id: String) throws -> (form: Form, version: FormVersion) {
        guard let version = try store.latestPublishedVersion(formID: id) else { throw AppError.formNotFound(id: id) }
        return (try sessions.form(of: version), version)
    }

    /// Every form that has a published version, newest version each, by id.
    func publishedForms() throws -> [(form: Form, entry: FormEntry)] {
        try store.formEntries().compactMap { entry in
            guard let latest = entry.latest else { return nil }
            return (try sessions.form(of: latest.version), entry)
        }
    }
}
