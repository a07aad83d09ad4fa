import Foundation

/// How a session's answers are arriving: the facilitator's live view.
public struct ResponseStatistics: Sendable, Hashable {
    /// Responses from one table.
    public struct TableCount: Sendable, Hashable {
        /// The table's label; nil for tablets not placed at a table.
        public var table: String?
        /// Responses from it.
        public var count: Int
    }

    /// One recent arrival.
    public struct Arrival: Sendable, Hashable {
        /// When the server stored it.
        public var receivedAt: Date
        /// The tablet's table, if any.
        public var tableLabel: String?
        /// Whether it was made offline before the session closed and arrived after.
        public var isLate: Bool
    }

    /// Responses so far.
    public var count: Int
    /// The newest arrival's time.
    public var lastReceivedAt: Date?
    /// Responses per table, ordered by label.
    public var perTable: [TableCount]
    /// The newest arrivals, newest first.
    public var recent: [Arrival]
}
