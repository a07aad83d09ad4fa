import Foundation
import GRDB

extension Store {
    /// The live view of one session: count, last arrival, per table, the newest arrivals.
    public func responseStatistics(sessionID: Int64, recentLimit: Int = 10) throws -> ResponseStatistics {
        try reading { database in
            let perTable = try Row.fetchAll(
                database,
                sql: """
                    SELECT table_label, COUNT(*) AS count FROM response WHERE session_id = ?
                    GROUP BY table_label ORDER BY table_label IS NULL, table_label
                    """,
                arguments: [sessionID])
            .map { row in
                ResponseStatistics.TableCount(
                    table: try row.storedValue("table_label", of: "response"),
                    count: try row.storedValue("count", of: "response"))
            }
            let recent = try Row.fetchAll(
                database,
                sql: """
                    SELECT received_at, table_label, is_late FROM response WHERE session_id = ?
                    ORDER BY received_at DESC, id DESC LIMIT ?
                    """,
                arguments: [sessionID, recentLimit])
            .map { row in
                ResponseStatistics.Arrival(
                    receivedAt: try row.storedValue("received_at", of: "response"),
                    tableLabel: try row.storedValue("table_label", of: "response"),
                    isLate: try row.storedValue("is_late", of: "response"))
            }
            return ResponseStatistics(
                count: perTable.reduce(0) { $0 + $1.count },
                lastReceivedAt: recent.first?.receivedAt,
                perTable: perTable,
                recent: recent)
        }
    }

    /// Response count and last arrival of every session, by session id (for the session list).
    public func responseSummaries() throws -> [Int64: (count: Int, lastReceivedAt: Date?)] {
        try reading { database in
            var summaries: [Int64: (count: Int, lastReceivedAt: Date?)] = [:]
            let rows = try Row.fetchCursor(
                database, sql: "SELECT session_id, COUNT(*) AS count, MAX(received_at) AS last FROM response GROUP BY session_id")
            while let row = try rows.next() {
                let sessionID: Int64 = try row.storedValue("session_id", of: "response")
                summaries[sessionID] = (try row.storedValue("count", of: "response"), try row.storedValue("last", of: "response"))
            }
            return summaries
        }
    }
}
