import Forms
import Foundation
import HTTPServer
import Storage
import XLSForm

/// Forms as files: the JSON file format of `Forms/` and a spreadsheet in the XLSForm layout, both
/// ways, and a readable comparison of two versions.
extension FormStudioAPI {
    /// The content type of an Excel workbook.
    static let spreadsheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// `GET /api/staff/forms/{id}/export?format=json|xlsx[&version=N]`: the definition as a file.
    ///
    /// JSON is the definition as it is, problems and all; a workbook needs a form without problems.
    func export(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let entry = try formEntry(request)
        let text = try definitionText(of: entry, version: request.query["version"])
        let suffix = request.query["version"].map { "-v\($0)" } ?? ""
        let response: Response
        switch request.query["format"] ?? "json" {
        case "json":
            let document = try? JSONValue(jsonText: text)
            response = Response(status: .ok, body: Array((document.map(FormFileWriter.text(of:)) ?? text).utf8))
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Content-Disposition", "attachment; filename=\"\(entry.form.id)\(suffix).json\"")
        case "xlsx":
            let definition = FormDefinition(text: text, expectedID: entry.form.id)
            guard let form = definition.form else { throw AppError.invalidForm(definition.placedProblems) }
            let data: Data
            do {
                data = try XLSFormWriter.xlsxData(for: form)
            } catch {
                throw AppError.conflict(LocalizedText(
                    da: "Spørgeskemaet kan ikke skrives som regneark: \(error.description)",
                    en: "The form cannot be written as a spreadsheet: \(error.description)"))
            }
            response = Response(status: .ok, body: Array(data))
                .withHeader("Content-Type", Self.spreadsheetContentType)
                .withHeader("Content-Disposition", "attachment; filename=\"\(entry.form.id)\(suffix).xlsx\"")
        default:
            throw AppError.invalidFields([FieldProblem(field: "format", da: "Vælg json eller xlsx.", en: "Either json or xlsx.")])
        }
        return response.withHeader("Cache-Control", "no-store")
    }

    /// `POST /api/staff/forms/import[?name=FILE]`: a form file (JSON, or a workbook in the XLSForm
    /// layout) becomes a new form's draft, or the draft of the own form with its id.
    ///
    /// A JSON file is our own format: anything wrong but missing translations is a 422 with every
    /// problem at its JSON path, and nothing is saved. A workbook made elsewhere (KoboToolbox, ODK)
    /// is taken over as far as it fits: rows, columns and conditions we do not have are listed with
    /// their sheet, row and column in `warnings`, never silently dropped, and missing translations
    /// are left for the builder; a file that cannot be read as a form is a 422.
    func importFile(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let definition: FormDefinition
        var warnings: [DefinitionProblem] = []
        if isSpreadsheet(request) {
            let read = XLSFormReader.read(Data(request.body), fileName: request.query["name"])
            guard case .object(var document)? = read.document else {
                throw AppError.invalidForm(read.problems.map(DefinitionProblem.init))
            }
            warnings = read.problems.filter { $0.path == nil }.map(DefinitionProblem.init)
            if document["title"] == nil, case .string(let id)? = document["id"] {
                document["title"] = .object(["da": .string(id), "en": .string("")])
                warnings.append(DefinitionProblem(sheet: "settings", column: "form_title", reason: LocalizedText(
                    da: "arket har ingen titel; spørgeskemaet hedder foreløbig »\(id)«",
                    en: "the workbook has no title; the form is called “\(id)” for now")))
            }
            definition = FormDefinition(text: FormFileWriter.text(of: .object(document)), expectedID: nil)
            guard definition.form != nil || definition.onlyTranslationsMissing else {
                throw AppError.invalidForm(read.problems.map(DefinitionProblem.init) + definition.placedProblems.filter { $0.path == "$.id" })
            }
        } else {
            try RequestBody.requireJSONContentType(request)
            definition = try self.definition(of: request, expectedID: nil)
        }
        let language = RequestLanguage.of(request)
        let detail: FormDetail
        if let id = definition.declaredID, let existing = try store.formEntry(id: id) {
            guard existing.form.origin == .own else { throw AppError.libraryFormIsReadOnly(id: id) }
            guard definition.form != nil || definition.onlyTranslationsMissing else {
                throw AppError.invalidForm(definition.placedProblems)
            }
            let saved = try store.saveDraft(
                FormDraft(formID: id, definition: definition.text, updatedAt: Date(), updatedBy: identity.email),
                audit: AuditLog.event(actor: identity.email, action: "form.import", target: id,
                                      details: ["title": .string(definition.declaredTitle ?? id)]))
            detail = try detailView(of: saved, language: language)
        } else {
            detail = try createForm(definition, identity: identity, action: "form.import", language: language)
        }
        return .json(ImportDocument(form: detail, warnings: warnings.map { ImportDocument.Warning($0, language: language) }),
                     status: .created)
    }

    /// `GET /api/staff/forms/{id}/diff?from=N&to=M|draft`: what changed between two versions, in words.
    ///
    /// Without `from`, the newest published version; without `to`, the draft when there is one.
    func difference(_ request: Request) throws -> Response {
        let entry = try formEntry(request)
        let newest = entry.latest.map { String($0.publication.number) }
        guard let from = request.query["from"] ?? newest else {
            throw AppError.conflict(LocalizedText(
                da: "Spørgeskemaet er ikke udgivet endnu, så der er intet at sammenligne med.",
                en: "The form has not been published yet, so there is nothing to compare with."))
        }
        let to = request.query["to"] ?? (entry.draft != nil ? "draft" : from)
        let older = try comparable(entry, version: from, field: "from")
        let newer = try comparable(entry, version: to == "draft" ? nil : to, field: "to")
        let language = RequestLanguage.of(request)
        let difference = FormDifference(from: older, to: newer)
        return .json(DifferenceDocument(
            from: from, to: to,
            changes: difference.changes.map { DifferenceDocument.Change($0, language: language) }))
    }

    private func comparable(_ entry: FormEntry, version: String?, field: String) throws -> Form {
        let definition = FormDefinition(text: try definitionText(of: entry, version: version), expectedID: entry.form.id)
        guard let form = definition.previewForm else {
            throw AppError.invalidFields([FieldProblem(
                field: field, da: "Denne udgave har problemer, der skal rettes, før den kan sammenlignes.",
                en: "This version has problems to fix before it can be compared.")])
        }
        return form
    }

    private func isSpreadsheet(_ request: Request) -> Bool {
        let type = (request.headers["Content-Type"] ?? "").lowercased()
        let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        return type.hasPrefix(Self.spreadsheetContentType)
            || (type.hasPrefix("application/octet-stream") && request.body.starts(with: zipSignature))
    }
}

extension DefinitionProblem {
    /// A spreadsheet's problem at its sheet, row and column (and JSON path when the decoder found it).
    init(_ problem: XLSFormProblem) {
        self.init(sheet: problem.sheet, row: problem.row, column: problem.column, path: problem.path, reason: problem.reason)
    }
}

/// The answer to an import: the draft, and what of the file was left out or needs attention.
struct ImportDocument: Encodable {
    /// Something of the file that was not taken over, at its place.
    struct Warning: Encodable {
        let sheet: String?
        let row: Int?
        let column: String?
        let reason: String

        init(_ problem: DefinitionProblem, language: Language) {
            sheet = problem.sheet
            row = problem.row
            column = problem.column
            reason = problem.reason.text(in: language)
        }
    }
    let form: FormDetail
    let warnings: [Warning]
}

/// The answer to a comparison of two versions.
struct DifferenceDocument: Encodable {
    /// One change, in words.
    struct Change: Encodable {
        let kind: String
        let question: String?
        let text: String

        init(_ change: FormChange, language: Language) {
            switch change {
            case .questionAdded(let added, _):
                (kind, question) = ("added", added.id)
            case .questionRemoved(let removed):
                (kind, question) = ("removed", removed.id)
            case .question(let id, _, _):
                (kind, question) = ("changed", id)
            case .themeAdded, .contactAdded:
                (kind, question) = ("added", nil)
            case .themeRemoved, .contactRemoved:
                (kind, question) = ("removed", nil)
            default:
                (kind, question) = ("changed", nil)
            }
            text = change.text.text(in: language)
        }
    }
    let from: String
    let to: String
    let changes: [Change]
}
