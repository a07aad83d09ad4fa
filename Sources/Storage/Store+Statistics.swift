import Foundation
import GRDB

extension Store {
    /// The live view of one session: count, last arrival, per table, the newest arrivals.
    public func responseStatistics(sessionID: Int64, recentLimit: Int = 10) throws -> ResponseStatistics {
        try reading { database in
            let perTable = try SQLRequest<ResponseStatistics.TableCount>(literal: """
                SELECT table_label, COUNT(*) AS count FROM response WHERE session_id = \(sessionID)
                GROUP BY table_label ORDER BY table_label IS NULL, table_label
                """).fetchAll(database)
            let recent = try StoredResponse
                .filter(StoredResponse.Columns.sessionID == sessionID)
                .order(StoredResponse.Columns.receivedAt.desc, StoredResponse.Columns.id.desc)
                .limit(recentLimit)
                .asRequest(of: ResponseStatistics.Arrival.self)
                .fetchAll(database)
            return ResponseStatistics(
                count: perTable.reduce(0) { $0 + $1.count },
                lastReceivedAt: recent.first?.receivedAt,
                perTable: perTable,
                recent: recent)
        }
    }

    /// The newest answers of a session to `questionIDs`, newest first (responses by arrival, the
    /// answers of one response by question id), at most `limit`.
    public func recentAnswers(sessionID: Int64, questionIDs: [String], limit: Int) throws -> [RecentTextAnswer] {
        guard !questionIDs.isEmpty, limit > 0 else { return [] }
        return try reading { database in
            try SQLRequest<RecentTextAnswer>(literal: """
                SELECT answer.question_id, answer.value, response.received_at, response.table_label
                FROM response JOIN answer ON answer.response_id = response.id
                WHERE response.session_id = \(sessionID) AND answer.question_id IN \(questionIDs)
                ORDER BY response.received_at DESC, response.id DESC, answer.question_id
                LIMIT \(limit)
                """).fetchAll(database)
        }
    }

    /// Response count and last arrival of every session, by session id (for the session list).
    public func responseSummaries() throws -> [Int64: (count: Int, lastReceivedAt: Date?)] {
        try reading { database in
            let summaries = try SQLRequest<SessionResponseSummary>(literal: """
                SELECT session_id, COUNT(*) AS count, MAX(received_at) AS last_received_at
                FROM response GROUP BY session_id
                """).fetchCursor(database)
            var bySession: [Int64: (count: Int, lastReceivedAt: Date?)] = [:]
            while let summary = try summaries.next() {
                bySession[summary.sessionID] = (summary.count, summary.lastReceivedAt)
            }
            return bySession
        }
    }
}

/// One session's response count and newest arrival, as the session list's query groups them.
private struct SessionResponseSummary: StoredRecord {
    static let storedTableName = StoredResponse.databaseTableName

    var sessionID: Int64
    var count: Int
    var lastReceivedAt: Date?

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case count
        case lastReceivedAt = "last_received_at"
    }
}
