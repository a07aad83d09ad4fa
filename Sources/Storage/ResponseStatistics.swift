import Foundation
import GRDB

/// How a session's answers are arriving: the facilitator's live view.
public struct ResponseStatistics: Sendable, Hashable {
    /// Responses from one table.
    public struct TableCount: Sendable, Hashable, Decodable, FetchableRecord {
        static let storedTableName = StoredResponse.databaseTableName

        /// The table's label; nil for tablets not placed at a table.
        public var table: String?
        /// Responses from it.
        public var count: Int

        enum CodingKeys: String, CodingKey {
            case table = "table_label"
            case count
        }
    }

    /// One recent arrival.
    public struct Arrival: Sendable, Hashable, Decodable, FetchableRecord {
        static let storedTableName = StoredResponse.databaseTableName

        /// When the server stored it.
        public var receivedAt: Date
        /// The tablet's table, if any.
        public var tableLabel: String?
        /// Whether it was made offline before the session closed and arrived after.
        public var isLate: Bool

        enum CodingKeys: String, CodingKey {
            case receivedAt = "received_at"
            case tableLabel = "table_label"
            case isLate = "is_late"
        }
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

extension ResponseStatistics.TableCount: StoredRecord {}
extension ResponseStatistics.Arrival: StoredRecord {}

/// One recent answer to a free-text question, for the facilitators' live view.
public struct RecentTextAnswer: Sendable, Hashable, Decodable, FetchableRecord {
    /// The question answered.
    public var questionID: String
    /// The answer as stored: JSON text (a JSON string for a text question).
    public var value: String
    /// When the server stored the response.
    public var receivedAt: Date
    /// The tablet's table, if any.
    public var tableLabel: String?

    enum CodingKeys: String, CodingKey {
        case questionID = "question_id"
        case value
        case receivedAt = "received_at"
        case tableLabel = "table_label"
    }
}

extension RecentTextAnswer: StoredRecord {
    static let storedTableName = StoredAnswer.databaseTableName
}
