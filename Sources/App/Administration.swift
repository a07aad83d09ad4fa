import Forms
import Foundation
import Storage

/// Work done from the command line on a data folder, with or without the server running (WAL lets both write).
public enum Administration {
    /// Creates an open session on form `formID` and returns it.
    public static func createSession(
        configuration: AppConfiguration, formID: String, title: String,
        place: String? = nil, tables: [String] = []
    ) throws -> Session {
        let catalog = FormCatalog.load(directory: configuration.formsDirectory)
        guard let form = catalog.form(id: formID) else {
            if let problem = catalog.problems.first(where: { $0.file.hasPrefix(formID + ".") }) {
                throw AdministrationError.brokenForm(problem)
            }
            throw AppError.formNotFound(id: formID)
        }
        let store = try Store(configuration: configuration.storageConfiguration)
        defer { store.close() }
        return try SessionDirectory(store: store).createSession(form: form, title: title, place: place, tables: tables)
    }

    /// Everything stored for the sessions with these join codes, in the order given.
    public static func export(configuration: AppConfiguration, codes: [String]) throws -> [ExportDocument] {
        let store = try Store(configuration: configuration.storageConfiguration)
        defer { store.close() }
        let directory = SessionDirectory(store: store)
        return try codes.map { code in
            let session = try directory.session(code: code)
            return try ExportDocument(session: session, responses: store.responses(sessionID: session.id))
        }
    }

    /// Every problem in the forms folder; empty when all forms are good.
    public static func checkForms(directory: String) -> FormCatalog {
        FormCatalog.load(directory: directory)
    }
}

/// Command-line work that cannot go ahead, with the reason.
public enum AdministrationError: Error, CustomStringConvertible {
    /// The form exists but does not load.
    case brokenForm(FormProblem)

    public var description: String {
        switch self {
        case .brokenForm(let problem): "The form cannot be used: \(problem)"
        }
    }
}
