import Foundation

/// ISO 8601 timestamps as the API and exports write them: UTC, milliseconds.
public enum Timestamp {
    /// `date` as e.g. `2026-11-24T18:03:12.345Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// A date from ISO 8601 text, with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: .iso8601)
    }
}
