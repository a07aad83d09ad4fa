import Authentication
import Exports
import Forms
import Foundation
import HTTPServer
import Storage

/// Citizens' contact details: the meeting's list for the purpose they agreed to (facilitators and
/// admins), and finding and erasing one person's details when they withdraw consent (admins).
///
/// Contact details are never joined to answers here. Every view, export and search is in the audit
/// log before its answer leaves, so an unrecorded look is impossible; erasures record counts only.
struct ContactsAPI: Sendable {
    let store: Store
    let sessions: SessionDirectory
    /// Told after an erasure with the response, so nothing derived from its text stays.
    let erased: @Sendable () -> Void

    /// The formats a contact list downloads as (JSON is the page's view).
    static let fileFormats: [ExportFormat] = [.csv, .csvSemicolon, .xlsx]

    /// `GET /api/staff/sessions/{code}/contacts[?format=csv|csv-semicolon|xlsx]`: the meeting's contact list.
    func list(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let session = try sessions.session(code: request.pathParameters["code"] ?? "")
        let format = try Self.fileFormat(request.query["format"])
        let contacts = try store.contacts(sessionID: session.id)
        try store.recordAudit(AuditLog.event(
            actor: identity.email, action: format == nil ? "contacts.view" : "contacts.export", target: session.code,
            details: ["count": .number(Double(contacts.count))].merging(format.map { ["format": .string($0.rawValue)] } ?? [:]) { $1 }))
        guard let format else {
            return .json(ContactList(session: session.code, contacts: contacts.map(ContactView.init))).withHeader("Cache-Control", "no-store")
        }
        let rows = contacts.map {
            ExportContact(name: $0.name, email: $0.email, consentText: $0.consentText, givenAt: $0.createdAt, sessionCode: session.code)
        }
        let data: Data
        switch format {
        case .csvSemicolon: data = ContactsExport.csv(rows, dialect: .semicolon)
        case .xlsx:
            // libxlsxwriter writes files, not memory: a private temporary file, removed at once.
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-\(UUID().uuidString).xlsx").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try ContactsExport.writeXLSX(rows, to: path)
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        default: data = ContactsExport.csv(rows, dialect: .comma)
        }
        var response = Response(status: .ok, body: Array(data))
        response.headers["Content-Type"] = format.contentType
        response.headers["Content-Disposition"] = "attachment; filename=\"\(Self.fileName(code: session.code, format: format))\""
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    /// `GET /api/staff/contacts?email=…` or `?phone=…` (admins): one person's contact details in every meeting.
    func search(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let email = request.query["email"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let phone = PhoneDigits(request.query["phone"] ?? "")
        let found: [StoredContact]
        let by: String
        if !email.isEmpty {
            found = try store.contacts(email: email)
            by = "email"
        } else if let phone {
            found = try store.contacts { phone.occurs(in: $0.email) || phone.occurs(in: $0.name) }
            by = "phone"
        } else {
            let field = request.query["phone"] != nil ? "phone" : "email"
            throw AppError.invalidFields([FieldProblem(
                field: field, da: "Skriv en e-mailadresse eller et telefonnummer med mindst \(PhoneDigits.minimumCount) cifre.",
                en: "Enter an e-mail address or a phone number of at least \(PhoneDigits.minimumCount) digits.")])
        }
        var meetings: [Int64: Session] = [:]
        for contact in found where meetings[contact.sessionID] == nil {
            meetings[contact.sessionID] = try store.session(id: contact.sessionID)
        }
        // The search term is personal data itself: the audit log keeps how it searched and what it found, not what for.
        try store.recordAudit(AuditLog.event(actor: identity.email, action: "contacts.search",
                                             details: ["by": .string(by), "matches": .number(Double(found.count))]))
        return .json(["contacts": found.map { contact in
            FoundContact(contact, session: meetings[contact.sessionID])
        }]).withHeader("Cache-Control", "no-store")
    }

    /// `DELETE /api/staff/contacts/{id}[?answers=true]` (admins): erases one person's contact details
    /// (consent withdrawn), and with `answers=true` the response they were left with too.
    func erase(_ request: Request, _ identity: StaffIdentity) throws -> Response {
        let notFound = AppError.notFound(LocalizedText(
            da: "Kontaktoplysningerne findes ikke (længere).", en: "These contact details are not stored (any more)."))
        guard let id = Int64(request.pathParameters["id"] ?? ""), let contact = try store.contact(responseID: id) else { throw notFound }
        let withResponse = request.query["answers"] == "true"
        let code = try store.session(id: contact.sessionID)?.code ?? ""
        let event = AuditLog.event(actor: identity.email, action: withResponse ? "response.erase" : "contact.erase",
                                   target: "contact \(id)", details: ["session": .string(code), "reason": .string("request")])
        guard let summary = try store.eraseContact(responseID: id, withResponse: withResponse, audit: event,
                                                   redaction: StoredAnalysis.redaction)
        else { throw notFound }
        if summary.responses > 0 { erased() }
        return .json(ErasureView(summary, receipt: nil, session: code))
    }

    /// The download format asked for; nil for the JSON view (no `format`, or `json`).
    static func fileFormat(_ asked: String?) throws -> ExportFormat? {
        guard let asked, asked != "json" else { return nil }
        guard let format = ExportFormat(rawValue: asked), fileFormats.contains(format) else {
            let names = (["json"] + fileFormats.map(\.rawValue)).joined(separator: ", ")
            throw AppError.invalidFields([FieldProblem(field: "format", da: "Vælg et af formaterne \(names).", en: "One of \(names).")])
        }
        return format
    }

    /// `borgerdialog-{code}-{yyyy-mm-dd}-kontakter.csv` (`-kontakter-semikolon.csv`, `-kontakter.xlsx`).
    static func fileName(code: String, format: ExportFormat, at date: Date = Date()) -> String {
        "borgerdialog-\(code)-\(ExportTimestamp.day(date))-kontakter\(format.fileNameEnding)"
    }
}

/// A phone number as its digits, without a Danish country prefix, so "+45 20 30 40 50" finds "20304050".
struct PhoneDigits: Sendable {
    /// Fewer digits than this would find too much.
    static let minimumCount = 6
    let digits: String

    /// Nil when the text has too few digits to search with.
    init?(_ text: String) {
        let digits = Self.normalized(text)
        guard digits.count >= Self.minimumCount else { return nil }
        self.digits = digits
    }

    /// Whether the number is written somewhere in `text`, however spaced.
    func occurs(in text: String) -> Bool {
        Self.normalized(text).contains(digits)
    }

    private static func normalized(_ text: String) -> String {
        var digits = String(text.filter(\.isASCII).filter(\.isNumber))
        for prefix in ["0045", "45"] where digits.hasPrefix(prefix) && digits.count == prefix.count + 8 {
            digits.removeFirst(prefix.count)
        }
        return digits
    }
}

/// A meeting's contact list.
private struct ContactList: Encodable {
    let session: String
    let contacts: [ContactView]
}

/// Contact details as the meeting's list shows them.
private struct ContactView: Encodable {
    let name: String
    let email: String
    let consentText: String
    let givenAt: String

    init(_ contact: StoredContact) {
        name = contact.name
        email = contact.email
        consentText = contact.consentText
        givenAt = Timestamp.format(contact.createdAt)
    }
}

/// Contact details found by a search, with their id (for erasure) and meeting.
private struct FoundContact: Encodable {
    struct Meeting: Encodable {
        let code: String
        let title: String
    }
    let id: Int64
    let name: String
    let email: String
    let consentText: String
    let givenAt: String
    let session: Meeting?

    init(_ contact: StoredContact, session: Session?) {
        id = contact.responseID
        name = contact.name
        email = contact.email
        consentText = contact.consentText
        givenAt = Timestamp.format(contact.createdAt)
        self.session = session.map { Meeting(code: $0.code, title: $0.title) }
    }
}
