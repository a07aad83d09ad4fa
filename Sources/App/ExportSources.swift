import Exports
import Forms
import Foundation
import Storage

/// Finds what an analysis or export covers: sessions of one form, that form, and their responses.
struct ExportSources: Sendable {
    /// Sessions of one form, and the form to label their answers with.
    struct Scope: Sendable {
        /// The form (the newest version among the sessions').
        let form: Form
        /// The sessions, in the order asked for.
        let sessions: [Session]
    }

    let store: Store
    let sessions: SessionDirectory

    /// The sessions with these codes, which must all use `formID` (any form when nil).
    func scope(formID: String?, sessionCodes: [String]) throws -> Scope {
        guard !sessionCodes.isEmpty else {
            throw AppError.invalidFields([FieldProblem(field: "sessions", da: "Vælg mindst ét møde.", en: "Choose at least one session.")])
        }
        var found: [Session] = []
        for code in sessionCodes where !found.contains(where: { $0.code == JoinCode.normalize(code) }) {
            found.append(try sessions.session(code: code))
        }
        let formIDs = Set(found.map(\.formVersion.formID))
        guard formIDs.count == 1, let only = formIDs.first, formID == nil || formID == only else {
            let used = formIDs.sorted().joined(separator: ", ")
            throw AppError.invalidFields([FieldProblem(
                field: "sessions", da: "Møderne skal bruge det samme spørgeskema (de bruger \(used)).",
                en: "The sessions must all use the same form (they use \(used)).")])
        }
        // Answers keep their own version; the newest version's labels describe them best.
        let newest = found.max { $0.formVersion.createdAt < $1.formVersion.createdAt }!
        return Scope(form: try sessions.form(for: newest), sessions: found)
    }

    /// Every response of the scope's sessions, per session, oldest first.
    func responses(of scope: Scope) throws -> [(code: String, responses: [ExportResponse])] {
        try scope.sessions.map { session in
            (session.code, try store.responses(sessionID: session.id).map { stored in
                ExportResponse(
                    submissionID: stored.submissionID, sessionCode: session.code, submittedAt: stored.receivedAt,
                    isLate: stored.isLate, table: stored.tableLabel,
                    answers: try stored.answers.mapValues { try JSONValue(jsonText: $0) })
            })
        }
    }
}
