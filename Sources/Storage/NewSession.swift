import Foundation
import GRDB

/// What is needed to create a dialogue meeting: the columns of a new `session` row that its
/// creator decides. The row id and the open/close stamps are the store's to set.
public struct NewSession: Sendable, Hashable, Encodable {
    /// The join code citizens type or scan; unique across all sessions, matched exactly.
    public var code: String
    /// The meeting's title.
    public var title: String
    /// The stored form version the meeting uses.
    public var formVersionID: Int64
    /// The initial status; `.open` also stamps `openedAt` with `createdAt`.
    public var status: SessionStatus
    /// Where the meeting takes place.
    public var place: String?
    /// When the meeting starts.
    public var startsAt: Date?
    /// The names of the tables (groups) at the meeting, in display order; stored as a JSON array.
    public var tables: [String]
    /// When the session was created.
    public var createdAt: Date
    /// Seconds a tablet may sit untouched mid-form before it warns and starts over (see ``SessionSettings``).
    public var idleTimeoutSeconds: Int
    /// The argon2id hash (PHC string) of the PIN that lets a facilitator leave kiosk mode; nil for no PIN.
    public var kioskPinHash: String?
    /// Whether this is the demo meeting a first start makes.
    public var isDemo = false
    /// Set from `status` just before the insert (``willInsert(_:)``), so it always agrees with it.
    private var openedAt: Date?
    /// Set from `status` just before the insert.
    private var closedAt: Date?

    /// Creates a new-session description; the kiosk defaults come from ``SessionSettings``.
    public init(
        code: String,
        title: String,
        formVersionID: Int64,
        status: SessionStatus = .open,
        place: String? = nil,
        startsAt: Date? = nil,
        tables: [String] = [],
        createdAt: Date = Date(),
        idleTimeoutSeconds: Int = SessionSettings.defaultIdleTimeoutSeconds,
        kioskPinHash: String? = nil
    ) {
        self.code = code
        self.title = title
        self.formVersionID = formVersionID
        self.status = status
        self.place = place
        self.startsAt = startsAt
        self.tables = tables
        self.createdAt = createdAt
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.kioskPinHash = kioskPinHash
    }

    /// The old spelling of the kiosk PIN's label; kept while callers move over.
    @available(*, deprecated, renamed: "init(code:title:formVersionID:status:place:startsAt:tables:createdAt:idleTimeoutSeconds:kioskPinHash:)")
    public init(
        code: String, title: String, formVersionID: Int64, status: SessionStatus = .open, place: String? = nil,
        startsAt: Date? = nil, tables: [String] = [], createdAt: Date = Date(),
        idleTimeoutSeconds: Int = SessionSettings.defaultIdleTimeoutSeconds, kioskPinDigest: String?
    ) {
        self.init(
            code: code, title: title, formVersionID: formVersionID, status: status, place: place, startsAt: startsAt,
            tables: tables, createdAt: createdAt, idleTimeoutSeconds: idleTimeoutSeconds, kioskPinHash: kioskPinDigest)
    }

    enum CodingKeys: String, CodingKey {
        case code, title
        case formVersionID = "form_version_id"
        case status, place
        case startsAt = "starts_at"
        case tables
        case createdAt = "created_at"
        case openedAt = "opened_at"
        case closedAt = "closed_at"
        case idleTimeoutSeconds = "idle_timeout_seconds"
        case kioskPinHash = "kiosk_pin_digest"
        case isDemo = "is_demo"
    }
}

extension NewSession: MutablePersistableRecord {
    /// The table's name.
    public static let databaseTableName = Session.databaseTableName

    /// A session created `.open` was opened when it was created; one created `.closed`, closed then.
    public mutating func willInsert(_ database: Database) throws {
        openedAt = status == .open ? createdAt : nil
        closedAt = status == .closed ? createdAt : nil
    }
}
