import Foundation

/// A stored dialogue meeting, with the form version it was opened with.
///
/// Dates come back from the database with millisecond precision.
public struct Session: Sendable, Hashable {
    /// The row id; responses refer to it.
    public var id: Int64
    /// The unique join code.
    public var code: String
    /// The meeting's title.
    public var title: String
    /// Where the meeting takes place.
    public var place: String?
    /// When the meeting starts.
    public var startsAt: Date?
    /// The names of the tables (groups) at the meeting, in display order.
    public var tables: [String]
    /// Where the meeting is in its life.
    public var status: SessionStatus
    /// The exact form version the meeting uses.
    public var formVersion: FormVersion
    /// When the session was created.
    public var createdAt: Date
    /// When the session was last opened, if it is or was open.
    public var openedAt: Date?
    /// When the session was closed; cleared when it is opened again.
    public var closedAt: Date?
    /// Seconds a tablet may sit untouched mid-form before it warns and starts over.
    public var idleTimeoutSeconds: Int
    /// SHA-256 digest of the PIN that lets a facilitator leave kiosk mode (nil: no PIN set).
    public var kioskPinDigest: String?

    /// Creates a session value.
    public init(
        id: Int64,
        code: String,
        title: String,
        place: String?,
        startsAt: Date?,
        tables: [String],
        status: SessionStatus,
        formVersion: FormVersion,
        createdAt: Date,
        openedAt: Date?,
        closedAt: Date?,
        idleTimeoutSeconds: Int = 90,
        kioskPinDigest: String? = nil
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.place = place
        self.startsAt = startsAt
        self.tables = tables
        self.status = status
        self.formVersion = formVersion
        self.createdAt = createdAt
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.kioskPinDigest = kioskPinDigest
    }
}
