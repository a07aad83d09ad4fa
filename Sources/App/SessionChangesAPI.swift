import Authentication
import Forms
import Foundation
import HTTPServer
import Storage

/// What facilitators change on a meeting after creating it: edit its details, duplicate it,
/// delete a draft (or the demo), archive a closed one.
///
/// The store keeps the rules (a closed meeting's details and an opened meeting's form are fixed;
/// only drafts and the demo are deleted; only closed meetings archived), inside the transaction
/// that commits the change with its audit event.
struct SessionChangesAPI: Sendable {
    let staff: StaffSessionsAPI
    let library: FormLibrary
    let store: Store
    let sessions: SessionDirectory
    let passwords: PasswordWork

    /// `PATCH /api/staff/sessions/{code}`: any of `title`, `place`, `startsAt`, `tables`,
    /// `idleSeconds`, `kioskPin`, and (drafts only) `formId`; `null` clears `place`, `startsAt`, `tables`.
    func edit(_ request: Request, _ identity: StaffIdentity) async throws -> Response {
        let current = try staff.session(in: request)
        guard current.status != .closed else { throw SessionChangeError.closed(code: current.code) }
        let body = try RequestBody.decode(SessionPatchBody.self, from: request)
        var details = SessionDetails(of: current)
        var problems: [FieldProblem] = []
        apply(body, to: &details, problems: &problems)
        var pin: String?
        if case .value(let given) = body.kioskPin, !given.isEmpty {
            if SessionSettings.isValidKioskPin(given) { pin = given } else { problems.append(FieldProblem(.invalidKioskPin)) }
        }
        if case .value(let formID) = body.formId, formID != current.formVersion.formID || current.status == .draft {
            guard current.status == .draft else { throw SessionChangeError.formFixed(code: current.code) }
            if let version = try? library.publishedForm(id: formID).version {
                details.formVersionID = version.id
            } else {
                problems.append(FieldProblem(field: "formId", da: "Vælg et udgivet spørgeskema.", en: "Choose a published form."))
            }
        }
        guard problems.isEmpty else { throw AppError.invalidFields(problems) }
        if let pin { details.kioskPinHash = try await passwords.hash(pin) }

        let changed = Self.changedFields(from: SessionDetails(of: current), to: details, pinChanged: pin != nil)
        guard !changed.isEmpty else { return .json(["session": try staff.view(of: current, request: request)]) }
        let updated = try store.updateSession(
            code: current.code, to: details,
            audit: AuditLog.event(actor: identity.email, action: "session.update", target: current.code,
                                  details: ["fields": .array(changed.map { .string($0) })]))
        return .json(["session": try staff.view(of: updated, request: request)])
    }

    /// `POST /api/staff/sessions/{code}/duplicate` `{"title"?}`: a new draft on the same form
    /// (its newest published version), place, tables and kiosk timeout; a new code and PIN (shown once).
    func duplicate(_ request: Request, _ identity: StaffIdentity) async throws -> Response {
        let original = try staff.session(in: request)
        let body = request.body.isEmpty ? DuplicateBody(title: nil) : try RequestBody.decode(DuplicateBody.self, from: request)
        let title = body.title?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
            ?? String("\(original.title) (kopi)".prefix(Self.maximumTitleLength))
        guard title.count <= Self.maximumTitleLength else { throw AppError.invalidFields([Self.titleProblem]) }
        let version = (try? library.publishedForm(id: original.formVersion.formID).version) ?? original.formVersion
        let pin = SecretToken.numericPIN(digits: SessionSettings.kioskPinLengths.lowerBound)
        let copy = try sessions.createSession(
            version: version, title: title, place: original.place, tables: original.tables, status: .draft,
            idleTimeoutSeconds: original.idleTimeoutSeconds, kioskPinHash: try await passwords.hash(pin),
            audit: { code in
                AuditLog.event(actor: identity.email, action: "session.duplicate", target: original.code, details: ["copy": .string(code)])
            })
        return .json(DuplicatedSession(session: try staff.view(of: copy, request: request), kioskPin: pin), status: .created)
    }

    /// `DELETE /api/staff/sessions/{code}`: a draft, or the demo meeting with its trial answers.
    func delete(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let session = try staff.session(in: request)
        try store.deleteSession(
            code: session.code,
            audit: AuditLog.event(actor: identity.email, action: "session.delete", target: session.code,
                                  details: ["title": .string(session.title), "demo": .bool(session.isDemo)]))
        return .json(["status": "deleted"])
    }

    /// `POST /api/staff/sessions/{code}/archive` (closed meetings) and `/unarchive`.
    func archive(_ request: Request, _ identity: StaffIdentity, archived: Bool) throws -> Response {
        let session = try staff.session(in: request)
        let updated = try store.archiveSession(
            code: session.code, at: archived ? Date() : nil,
            audit: AuditLog.event(actor: identity.email, action: archived ? "session.archive" : "session.unarchive", target: session.code))
        return .json(["session": try staff.view(of: updated, request: request)])
    }

    private static let maximumTitleLength = 200
    private static let titleProblem = FieldProblem(field: "title", da: "Skriv en titel på 1–200 tegn.", en: "Write a title of 1–200 characters.")

    /// Checks and applies the plain fields of `body`; the PIN and the form need more work and come after.
    private func apply(_ body: SessionPatchBody, to details: inout SessionDetails, problems: inout [FieldProblem]) {
        switch body.title {
        case .absent: break
        case .null: problems.append(Self.titleProblem)
        case .value(let text):
            let title = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty || title.count > Self.maximumTitleLength { problems.append(Self.titleProblem) } else { details.title = title }
        }
        switch body.place {
        case .absent: break
        case .null: details.place = nil
        case .value(let text): details.place = text.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        }
        switch body.startsAt {
        case .absent: break
        case .null: details.startsAt = nil
        case .value(let text) where text.isEmpty: details.startsAt = nil
        case .value(let text):
            if let date = MeetingTimeParser.parse(text) {
                details.startsAt = date
            } else {
                problems.append(FieldProblem(field: "startsAt", da: "Skriv dato og klokkeslæt som 2026-12-03T18:30.",
                                             en: "Use a date and time like 2026-12-03T18:30."))
            }
        }
        switch body.tables {
        case .absent: break
        case .null: details.tables = []
        case .value(let names): details.tables = staff.tableNames(names, problems: &problems)
        }
        if case .value(let seconds) = body.idleSeconds {
            if SessionSettings.isValidIdleTimeout(seconds) {
                details.idleTimeoutSeconds = seconds
            } else {
                problems.append(FieldProblem(.idleTimeoutOutOfRange(seconds: seconds)))
            }
        }
    }

    /// The names of the API fields whose values change (the PIN only by name, never its value).
    private static func changedFields(from before: SessionDetails, to after: SessionDetails, pinChanged: Bool) -> [String] {
        var fields: [String] = []
        if before.title != after.title { fields.append("title") }
        if before.place != after.place { fields.append("place") }
        if before.startsAt != after.startsAt { fields.append("startsAt") }
        if before.tables != after.tables { fields.append("tables") }
        if before.idleTimeoutSeconds != after.idleTimeoutSeconds { fields.append("idleSeconds") }
        if pinChanged { fields.append("kioskPin") }
        if before.formVersionID != after.formVersionID { fields.append("formId") }
        return fields
    }
}

/// The body of `PATCH /api/staff/sessions/{code}`: each field left out, `null`, or a value.
private struct SessionPatchBody: Decodable {
    let formId: PatchValue<String>
    let title: PatchValue<String>
    let place: PatchValue<String>
    let startsAt: PatchValue<String>
    let tables: PatchValue<[String]>
    let idleSeconds: PatchValue<Int>
    let kioskPin: PatchValue<String>

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formId = try container.patchValue(forKey: .formId)
        title = try container.patchValue(forKey: .title)
        place = try container.patchValue(forKey: .place)
        startsAt = try container.patchValue(forKey: .startsAt)
        tables = try container.patchValue(forKey: .tables)
        idleSeconds = try container.patchValue(forKey: .idleSeconds)
        kioskPin = try container.patchValue(forKey: .kioskPin)
    }

    private enum CodingKeys: String, CodingKey {
        case formId, title, place, startsAt, tables, idleSeconds, kioskPin
    }
}

/// A field of a partial update: left out (unchanged), `null` (cleared) or a value.
enum PatchValue<Value: Decodable & Sendable>: Sendable {
    case absent
    case null
    case value(Value)
}

extension KeyedDecodingContainer {
    /// The field as a ``PatchValue``: absent, null, or decoded (a wrong type names the field).
    func patchValue<Value: Decodable & Sendable>(forKey key: Key) throws -> PatchValue<Value> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(Value.self, forKey: key))
    }
}

/// The body of `POST /api/staff/sessions/{code}/duplicate`.
private struct DuplicateBody: Decodable {
    let title: String?
}

private struct DuplicatedSession: Encodable {
    let session: SessionView
    let kioskPin: String
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
