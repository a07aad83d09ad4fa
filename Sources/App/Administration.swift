import Authentication
import Forms
import Foundation
import Logging
import Storage

/// Work done from the command line on a data folder, with or without the server running (WAL lets both write).
public enum Administration {
    /// Creates an open session on form `formID` and returns it; with a kiosk PIN, tablets need it to leave kiosk mode.
    public static func createSession(
        configuration: AppConfiguration, formID: String, title: String,
        place: String? = nil, tables: [String] = [], kioskPin: String? = nil,
        idleTimeoutSeconds: Int = SessionSettings.defaultIdleTimeoutSeconds
    ) throws -> Session {
        let store = try Store(configuration: configuration.storageConfiguration)
        defer { store.close() }
        let sessions = SessionDirectory(store: store)
        // The library files are imported first, as a starting server would, so a changed file counts.
        let library = FormLibrary(store: store, sessions: sessions, directory: configuration.formsDirectory, logger: quietLogger)
        let catalog = try library.importFiles()
        if let problem = catalog.problems.first(where: { ($0.file as NSString).lastPathComponent == formID + ".json" }) {
            throw AdministrationError.brokenForm(problem)
        }
        let version = try library.publishedForm(id: formID).version
        let pinHash = try kioskPin.map { try PasswordHasher(parameters: configuration.passwordHashing).hash($0) }
        return try sessions.createSession(
            version: version, title: title, place: place, tables: tables,
            idleTimeoutSeconds: idleTimeoutSeconds, kioskPinHash: pinHash)
    }

    /// Closes an open session now, and records it in the audit log as done from the command line.
    public static func closeSession(configuration: AppConfiguration, code typedCode: String) throws -> Session {
        let store = try Store(configuration: configuration.storageConfiguration)
        defer { store.close() }
        let session = try SessionDirectory(store: store).session(code: typedCode)
        guard session.status == .open else {
            throw AppError.invalidTransition(code: session.code, from: session.status.rawValue, to: SessionStatus.closed.rawValue)
        }
        let closed = try store.updateStatus(
            code: session.code, to: .closed, at: Date(), audit: AuditEvent(actor: "cli", action: "session.close", target: session.code))
        return closed
    }

    /// The export of the sessions with these join codes; xlsx, csv and html carry themes (the
    /// newest finished run over exactly these sessions, else an analysis made now).
    public static func export(configuration: AppConfiguration, codes: [String], format: ExportFormat) throws -> (fileName: String, data: Data) {
        try export(configuration: configuration, codes: codes, options: ExportOptions(format: format))
    }

    /// The export with texts or codes in its tables (see `ExportOptions`).
    public static func export(configuration: AppConfiguration, codes: [String], options: ExportOptions) throws -> (fileName: String, data: Data) {
        let store = try Store(configuration: configuration.storageConfiguration)
        defer { store.close() }
        let analysis = AnalysisServices(store: store, sessions: SessionDirectory(store: store),
                                        semanticModel: configuration.semanticModel, logger: quietLogger)
        let file = try analysis.exports.render(codes: codes, options: options, run: nil, analyseIfMissing: options.format != .json)
        return (file.fileName, file.data)
    }

    /// Creates a staff account; with no password given, generates one and returns it (shown once).
    public static func addUser(
        configuration: AppConfiguration, email rawEmail: String, role: Role, password: String?
    ) throws -> (account: Account, generatedPassword: String?) {
        guard let email = StaffEmail.normalized(rawEmail) else {
            throw AdministrationError.invalidEmail(rawEmail.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // 15 random bytes: 120 bits, 20 base64url characters.
        let generated = password == nil ? SecretToken.generate(byteCount: 15) : nil
        let chosen = password ?? generated!
        let problems = PasswordPolicy.problems(in: chosen, accountName: email)
        guard problems.isEmpty else { throw AdministrationError.weakPassword(problems) }
        let hash = try PasswordHasher(parameters: configuration.passwordHashing).hash(chosen)
        let store = try Store(configuration: configuration.storageConfiguration)
        defer { store.close() }
        let account = try store.createAccount(
            email: email, role: role.rawValue, passwordHash: hash,
            audit: AuditLog.event(actor: "cli", action: "user.add", target: email, details: ["role": .string(role.rawValue)]))
        return (account, generated)
    }

    /// Deletes every response received before `date`, with its answers and contact details, and
    /// records the purge (retention log and audit log); returns how many responses went.
    public static func purgeResponses(configuration: AppConfiguration, receivedBefore date: Date, actor: String = "cli") throws -> Int {
        let store = try Store(configuration: configuration.storageConfiguration)
        defer { store.close() }
        return try store.purgeResponses(
            receivedBefore: date, actor: actor, audit: AuditLog.event(actor: actor, action: "responses.purge", target: Timestamp.format(date)),
            redaction: StoredAnalysis.redaction)
    }

    /// Applies the retention rules due now, as the server does by itself; returns the purges recorded.
    public static func applyRetentionRules(configuration: AppConfiguration, at now: Date = Date()) throws -> [RetentionEvent] {
        let store = try Store(configuration: configuration.storageConfiguration)
        defer { store.close() }
        return try RetentionScheduler(store: store, logger: quietLogger).applyDueRules(at: now).purges
    }

    /// A logger for command-line work: warnings and worse, on standard error.
    private static var quietLogger: Logger {
        var logger = Logger(label: "borgerdialog.cli")
        logger.logLevel = .warning
        return logger
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
    /// Not an e-mail address.
    case invalidEmail(String)
    /// The password breaks the policy.
    case weakPassword([String])

    public var description: String {
        switch self {
        case .brokenForm(let problem): "The form cannot be used: \(problem)"
        case .invalidEmail(let email): "\"\(email)\" is not an e-mail address."
        case .weakPassword(let problems): "The password is not accepted: " + problems.joined(separator: "; ")
        }
    }
}
