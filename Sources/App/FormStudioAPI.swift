import Forms
import Foundation
import HTTPServer
import Storage

/// What staff do with forms in the browser: list, create, save drafts, publish, compare, export, import.
///
/// Library forms (the files of the forms folder) can be read, previewed, exported and copied, not
/// edited: a change is made on a copy, so an update of the files never meets an edit.
struct FormStudioAPI: Sendable {
    let library: FormLibrary
    let store: Store
    let sessions: SessionDirectory

    /// `GET /api/staff/forms`: every form with status, versions and the sessions using them.
    func list(_ request: Request) throws -> Response {
        library.refreshIfDue()
        let summaries = try store.responseSummaries()
        let sessionsByCode = Dictionary(try store.sessions().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let forms = try store.formEntries().map { entry in
            FormSummary(entry, form: try? latestForm(of: entry), sessionsByCode: sessionsByCode, responseCounts: summaries)
        }
        return .json(FormListDocument(
            forms: forms,
            libraryProblems: library.fileProblems.map {
                FileProblemView(file: $0.file, path: $0.path, reason: $0.reason(in: RequestLanguage.of(request)))
            },
            libraryConflicts: library.idConflicts))
    }

    /// `GET /api/staff/forms/{id}`: one form: its working definition, its problems and its versions.
    func detail(_ request: Request) throws -> Response {
        let entry = try formEntry(request)
        return .json(["form": try detailView(of: entry, language: RequestLanguage.of(request))])
    }

    /// `POST /api/staff/forms`: a new form of one's own from a definition (from scratch or a copy).
    func create(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        try RequestBody.requireJSONContentType(request)
        let definition = try definition(of: request, expectedID: nil)
        let created = try createForm(definition, identity: identity, action: "form.create", language: RequestLanguage.of(request))
        return .json(["form": created], status: .created)
    }

    /// `PUT /api/staff/forms/{id}`: saves the draft as it is, problems and all.
    func saveDraft(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        try RequestBody.requireJSONContentType(request)
        let entry = try editableEntry(request)
        let definition = try definition(of: request, expectedID: entry.form.id)
        guard definition.document != nil else { throw AppError.invalidForm(definition.placedProblems) }
        let saved = try store.saveDraft(
            FormDraft(formID: entry.form.id, definition: definition.text, updatedAt: Date(), updatedBy: identity.email),
            audit: AuditLog.event(actor: identity.email, action: "form.save", target: entry.form.id,
                                  details: ["title": .string(definition.declaredTitle ?? entry.form.id),"problems": .number(Double(definition.problems.count))]))
        return .json(["form": try detailView(of: saved, language: RequestLanguage.of(request))])
    }

    /// `DELETE /api/staff/forms/{id}/draft`: throws the draft away (a form never published goes with it).
    func discardDraft(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let entry = try editableEntry(request)
        let remaining = try store.discardDraft(
            formID: entry.form.id, audit: AuditLog.event(actor: identity.email, action: "form.discard", target: entry.form.id))
        guard let remaining else { return .json(["status": "deleted"]) }
        return .json(["form": try detailView(of: remaining, language: RequestLanguage.of(request))])
    }

    /// `POST /api/staff/forms/{id}/publish`: the draft becomes the next version, if it has no problems.
    func publish(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let entry = try editableEntry(request)
        guard let draft = entry.draft else {
            throw AppError.conflict(LocalizedText(
                da: "Der er ingen ændringer at udgive.", en: "There are no changes to publish."))
        }
        let definition = FormDefinition(text: draft.definition, expectedID: entry.form.id)
        guard let form = definition.form else { throw AppError.invalidForm(definition.placedProblems) }
        let publication = try store.publishForm(
            formID: form.id, contentHash: form.contentHash, definition: form.definitionText, at: Date(), by: identity.email,
            audit: { publication in
                AuditLog.event(actor: identity.email, action: "form.publish", target: form.id, details: [
                    "title": .string(form.title.da), "version": .number(Double(publication.number)), "hash": .string(form.contentHash),
                ])
            })
        guard let published = try store.formEntry(id: form.id) else { throw AppError.formNotFound(id: form.id) }
        return .json(PublishDocument(
            version: publication.number, form: try detailView(of: published, language: RequestLanguage.of(request))))
    }

    /// `GET /api/staff/forms/{id}/preview?lang=da[&version=N]`: the working definition as a tablet gets it.
    func preview(_ request: Request) throws -> Response {
        let entry = try formEntry(request)
        let text = try definitionText(of: entry, version: request.query["version"])
        let definition = FormDefinition(text: text, expectedID: entry.form.id)
        guard let form = definition.previewForm else { throw AppError.invalidForm(definition.placedProblems) }
        let language = Language(code: request.query["lang"] ?? "") ?? .da
        return .json(PreviewDocument(form: form.clientView(language: language), session: .preview(title: form.title.text(in: language))))
    }

    // MARK: - Helpers

    /// Stores a new own form with `definition` as its draft; one with problems other than missing translations is refused.
    func createForm(_ definition: FormDefinition, identity: StaffIdentity, action: String, language: Language) throws -> FormDetail {
        guard definition.form != nil || definition.onlyTranslationsMissing, let id = definition.declaredID else {
            throw AppError.invalidForm(definition.placedProblems)
        }
        let now = Date()
        do {
            let created = try store.createForm(
                FormRecord(id: id, origin: .own, createdAt: now, createdBy: identity.email),
                draft: FormDraft(formID: id, definition: definition.text, updatedAt: now, updatedBy: identity.email),
                audit: AuditLog.event(actor: identity.email, action: action, target: id,
                                      details: ["title": .string(definition.declaredTitle ?? id)]))
            return try detailView(of: created, language: language)
        } catch StorageError.duplicateForm {
            throw AppError.invalidForm([DefinitionProblem(path: "$.id", reason: LocalizedText(
                da: "der findes allerede et spørgeskema med id'et \"\(id)\"; vælg et andet id",
                en: "a form with the id \"\(id)\" already exists; choose another id"))])
        }
    }

    func definition(of request: Request, expectedID: String?) throws(AppError) -> FormDefinition {
        guard request.body.count <= FormDefinition.maximumBytes else {
            throw .malformedRequest(reason: LocalizedText(
                da: "Spørgeskemaet fylder mere end \(FormDefinition.maximumBytes / 1024) kB.",
                en: "The form is larger than \(FormDefinition.maximumBytes / 1024) kB."))
        }
        guard let text = String(validating: request.body, as: UTF8.self) else {
            throw .malformedRequest(reason: LocalizedText(da: "Indholdet er ikke gyldig UTF-8.", en: "The body is not valid UTF-8."))
        }
        return FormDefinition(text: text, expectedID: expectedID)
    }

    func formEntry(_ request: Request) throws -> FormEntry {
        let id = request.pathParameters["id"] ?? ""
        guard let entry = try store.formEntry(id: id) else { throw AppError.formNotFound(id: id) }
        return entry
    }

    private func editableEntry(_ request: Request) throws -> FormEntry {
        let entry = try formEntry(request)
        guard entry.form.origin == .own else { throw AppError.libraryFormIsReadOnly(id: entry.form.id) }
        return entry
    }

    /// The draft's text, or a published version's (the newest when no draft or `version` is asked).
    func definitionText(of entry: FormEntry, version: String?) throws -> String {
        if let version {
            guard let number = Int(version), let published = entry.versions.first(where: { $0.publication.number == number }) else {
                throw AppError.notFound(LocalizedText(da: "Spørgeskemaet har ingen version \(version).", en: "The form has no version \(version)."))
            }
            return published.version.definition
        }
        if let draft = entry.draft { return draft.definition }
        guard let latest = entry.latest else { throw AppError.formNotFound(id: entry.form.id) }
        return latest.version.definition
    }

    private func latestForm(of entry: FormEntry) throws -> Form? {
        try entry.latest.map { try sessions.form(of: $0.version) }
    }

    func detailView(of entry: FormEntry, language: Language) throws -> FormDetail {
        let text = try definitionText(of: entry, version: nil)
        let definition = FormDefinition(text: text, expectedID: entry.form.id)
        let summaries = try store.responseSummaries()
        let sessionsByCode = Dictionary(try store.sessions().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        return FormDetail(
            summary: FormSummary(entry, form: try? latestForm(of: entry), sessionsByCode: sessionsByCode, responseCounts: summaries),
            definition: definition.document ?? .null,
            problems: definition.problems.map { ProblemView(path: $0.path, reason: $0.reason(in: language)) },
            publishable: definition.form != nil && entry.form.origin == .own)
    }
}
