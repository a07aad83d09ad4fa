import Foundation
import GRDB

/// A stored dialogue meeting, with the form version it was opened with.
///
/// Read from `session` joined with `form_version` (see ``Session/withFormVersion``); dates come
/// back with millisecond precision. Written only through ``NewSession`` and the store's updates.
public struct Session: Sendable, Hashable, Identifiable, Decodable {
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
    /// The argon2id hash (PHC string) of the PIN that lets a facilitator leave kiosk mode (nil: no PIN set).
    public var kioskPinHash: String?
    /// When a closed meeting was archived (hidden from the staff list); nil when it is not.
    public var archivedAt: Date?
    /// Whether this is the demo meeting a first start made (it may be deleted with its answers).
    public var isDemo: Bool

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
        idleTimeoutSeconds: Int = SessionSettings.defaultIdleTimeoutSeconds,
        kioskPinHash: String? = nil,
        archivedAt: Date? = nil,
        isDemo: Bool = false
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
        self.kioskPinHash = kioskPinHash
        self.archivedAt = archivedAt
        self.isDemo = isDemo
    }

    /// The old name of ``kioskPinHash``; kept while callers move over.
    @available(*, deprecated, renamed: "kioskPinHash")
    public var kioskPinDigest: String? { kioskPinHash }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, code, title, place
        case startsAt = "starts_at"
        case tables, status
        /// Not a column: the joined `form_version` row, under the association's key.
        case formVersion
        case createdAt = "created_at"
        case openedAt = "opened_at"
        case closedAt = "closed_at"
        case idleTimeoutSeconds = "idle_timeout_seconds"
        /// The column's name predates the settled Swift name; shipped migrations are never edited.
        case kioskPinHash = "kiosk_pin_digest"
        case archivedAt = "archived_at"
        case isDemo = "is_demo"
    }
}

extension Session: StoredRecord, TableRecord {
    /// The table's name.
    public static let databaseTableName = "session"

    /// Columns for the query interface (public only because GRDB's `TableRecord` names the type).
    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let code = Column(CodingKeys.code)
        static let status = Column(CodingKeys.status)
        static let createdAt = Column(CodingKeys.createdAt)
        static let openedAt = Column(CodingKeys.openedAt)
        static let closedAt = Column(CodingKeys.closedAt)
        static let title = Column(CodingKeys.title)
        static let place = Column(CodingKeys.place)
        static let startsAt = Column(CodingKeys.startsAt)
        static let tables = Column(CodingKeys.tables)
        static let formVersionID = Column("form_version_id")
        static let idleTimeoutSeconds = Column(CodingKeys.idleTimeoutSeconds)
        static let kioskPinHash = Column(CodingKeys.kioskPinHash)
        static let archivedAt = Column(CodingKeys.archivedAt)
    }

    /// Each session belongs to the form version it was opened with (`session.form_version_id`).
    static let formVersionAssociation = belongsTo(FormVersion.self, key: CodingKeys.formVersion.stringValue)

    /// Every read of sessions starts here: a session is never decoded without its form version.
    static var withFormVersion: QueryInterfaceRequest<Session> {
        including(required: formVersionAssociation)
    }

    /// The session's own columns, named rather than `*`, so the row adapter below splits the
    /// joined row at a fixed place even if a later migration adds a column.
    private static let sessionColumnNames = CodingKeys.allCases.filter { $0 != .formVersion }.map(\.stringValue)

    /// The columns a session read selects.
    public static var databaseSelection: [any SQLSelectable] {
        sessionColumnNames.map { Column($0) }
    }

    /// The lookup by code, written once from the records' own column lists.
    private static let byCodeSQL = """
        SELECT \((sessionColumnNames.map { "session.\"\($0)\"" } + FormVersion.columnNames.map { "form_version.\"\($0)\"" }).joined(separator: ", "))
        FROM session JOIN form_version ON form_version.id = session.form_version_id
        WHERE session.code = ?
        """

    /// Hands the `form_version` columns of a `byCodeSQL` row to `formVersion`, as `including(required:)` does.
    private static let byCodeAdapter = ScopeAdapter(
        base: RangeRowAdapter(0..<sessionColumnNames.count),
        scopes: [CodingKeys.formVersion.stringValue: SuffixRowAdapter(fromIndex: sessionColumnNames.count)])

    /// The session with exactly this code, through a prepared statement kept on the connection.
    ///
    /// Every tablet request looks its session up (at most once a second per code, past
    /// ``SessionCache``), and preparing (and authorising) the SQL each time was a tenth of the
    /// server's CPU under load. The query interface prepares anew each time, so this one lookup
    /// keeps a cached statement whose SQL and row adapter are built once.
    static func fetchOne(_ database: Database, code: String) throws -> Session? {
        try fetchOne(try database.cachedStatement(sql: byCodeSQL), arguments: [code], adapter: byCodeAdapter)
    }
}
