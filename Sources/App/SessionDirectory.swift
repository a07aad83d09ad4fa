import Forms
import Foundation
import Storage
import Synchronization

/// Sessions with the exact form version each was opened with, decoded once and kept in memory.
///
/// A session never changes form version, so a decoded form can be cached by version id for the
/// life of the process. The session row changes (its status), so it comes from the store's
/// short-lived cache, which forgets a session the moment this process changes it.
public final class SessionDirectory: Sendable {
    private let store: Store
    private let decodedForms = Mutex<[Int64: Form]>([:])
    private let encodedClientForms = Mutex<[ClientFormKey: [UInt8]]>([:])
    private let tabletFormBodies = Mutex<[TabletFormKey: TabletFormBody]>([:])

    /// A form version in one language.
    private struct ClientFormKey: Hashable {
        let formVersionID: Int64
        let language: Language
    }

    /// A session's form answer in one language.
    private struct TabletFormKey: Hashable {
        let code: String
        let language: Language
    }

    /// The encoded form answer and the session value it was made from.
    private struct TabletFormBody {
        let session: Session
        let bytes: [UInt8]
    }

    /// A directory over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The session with this join code (as typed: case and dashes do not matter), read at most a second ago.
    public func session(code typedCode: String) throws -> Session {
        let code = JoinCode.normalize(typedCode)
        guard let session = try store.recentSession(code: code) else {
            throw AppError.sessionNotFound(code: code)
        }
        return session
    }

    /// The form a session's answers must fit.
    public func form(for session: Session) throws -> Form {
        try form(of: session.formVersion)
    }

    /// A stored form version, decoded once and kept: a version never changes.
    public func form(of version: FormVersion) throws -> Form {
        if let form = decodedForms.withLock({ $0[version.id] }) { return form }
        let form: Form
        do {
            form = try FormDecoder.decode(Data(version.definition.utf8), file: "form version \(version.id) (\(version.formID))")
        } catch {
            throw AppError.storedFormUnreadable(formVersionID: version.id, reason: error.description)
        }
        decodedForms.withLock { $0[version.id] = form }
        return form
    }

    /// The JSON of a session's form as tablets get it, encoded once per form version and language.
    ///
    /// Every tablet asks for it on every start; encoding it anew each time was a quarter of the
    /// server's CPU under load, and a form version never changes.
    private func clientFormJSON(for session: Session, language: Language) throws -> [UInt8] {
        let key = ClientFormKey(formVersionID: session.formVersion.id, language: language)
        if let bytes = encodedClientForms.withLock({ $0[key] }) { return bytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(try form(for: session).clientView(language: language)))
        encodedClientForms.withLock { $0[key] = bytes }
        return bytes
    }

    /// The body of `GET /api/sessions/{code}/form`: the form in one language and the session's
    /// public summary, encoded again only when the session changed.
    func tabletFormBody(for session: Session, language: Language) throws -> [UInt8] {
        let key = TabletFormKey(code: session.code, language: language)
        if let cached = tabletFormBodies.withLock({ $0[key] }), cached.session == session {
            return cached.bytes
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The form part is already encoded per version and language; it is spliced in as it is.
        var bytes = Array(#"{"form":"#.utf8)
        bytes += try clientFormJSON(for: session, language: language)
        bytes += Array(#","session":"#.utf8) + Array(try encoder.encode(SessionSummary(session))) + [UInt8(ascii: "}")]
        tabletFormBodies.withLock { $0[key] = TabletFormBody(session: session, bytes: bytes) }
        return bytes
    }

    /// Opens a new session on `form`'s exact definition (stored as a version if new), with a fresh join code.
    ///
    /// For tools and tests that bring their own form; staff open sessions on published versions.
    public func createSession(
        form: Form, title: String, status: SessionStatus = .open, kioskPinHash: String? = nil
    ) throws -> Session {
        let version = try store.saveFormVersion(formID: form.id, contentHash: form.contentHash, definition: form.definitionText)
        return try createSession(version: version, title: title, status: status, kioskPinHash: kioskPinHash)
    }

    /// Opens a new session on a published form version, with a fresh join code.
    ///
    /// `kioskPinHash` is the PasswordHasher encoding of the PIN that lets a facilitator leave kiosk mode;
    /// `audit` makes the event (given the new code) that commits with the session.
    public func createSession(
        version: FormVersion, title: String, place: String? = nil, startsAt: Date? = nil,
        tables: [String] = [], status: SessionStatus = .open,
        idleTimeoutSeconds: Int = SessionSettings.defaultIdleTimeoutSeconds, kioskPinHash: String? = nil,
        isDemo: Bool = false, audit: (_ code: String) -> AuditEvent? = { _ in nil }
    ) throws -> Session {
        // A clash among ~887 million codes is rare; a few retries make it vanishingly so.
        for attempt in 1...8 {
            var session = NewSession(
                code: JoinCode.generate(), title: title, formVersionID: version.id, status: status,
                place: place, startsAt: startsAt, tables: tables,
                idleTimeoutSeconds: idleTimeoutSeconds, kioskPinHash: kioskPinHash)
            session.isDemo = isDemo
            do {
                return try store.createSession(session, audit: audit(session.code))
            } catch StorageError.duplicateCode where attempt < 8 {
                continue
            }
        }
        preconditionFailure("unreachable: the last attempt rethrows")
    }
}
