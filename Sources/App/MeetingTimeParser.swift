import Exports
import Foundation

/// Meeting times as facilitators type them: Danish local time unless the text says otherwise.
public enum MeetingTimeParser {
    /// Danish municipalities meet on Danish time, whatever zone the server runs in (the one rule: `ExportSettings`).
    public static var zone: TimeZone { ExportSettings.danishTimeZone }

    /// `2026-12-03T18:30` (local, as `<input type="datetime-local">` sends it) or full ISO 8601.
    public static func parse(_ text: String) -> Date? {
        if let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/) {
            var components = DateComponents()
            components.timeZone = zone
            components.year = Int(match.1)
            components.month = Int(match.2)
            components.day = Int(match.3)
            components.hour = Int(match.4)
            components.minute = Int(match.5)
            components.second = match.6.flatMap { Int($0) } ?? 0
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            guard let date = calendar.date(from: components),
                  calendar.component(.month, from: date) == components.month
            else { return nil }
            return date
        }
        return Timestamp.parse(text)
    }
}
