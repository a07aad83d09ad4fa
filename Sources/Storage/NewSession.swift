import Foundation

/// What is needed to create a dialogue meeting.
public struct NewSession: Sendable, Hashable {
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
    /// The names of the tables (groups) at the meeting, in display order.
    public var tables: [String]
    /// When the session was created.
    public var createdAt: Date
    /// Seconds a tablet may sit untouched mid-form before it warns and starts over.
    public var idleTimeoutSeconds: Int
    /// SHA-256 digest of the PIN that lets a facilitator leave kiosk mode.
    public var kioskPinDigest: String?

    /// Creates a new-session description.
    public init(
        code: String,
        title: String,
        formVersionID: Int64,
        status: SessionStatus = .open,
        place: String? = nil,
        startsAt: Date? = nil,
        tables: [String] = [],
        createdAt: Date = Date(),
        idleTimeoutSeconds: Int = 90,
        kioskPinDigest: String? = nil
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
        self.kioskPinDigest = kioskPinDigest
    }
}
