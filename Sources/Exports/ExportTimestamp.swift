import Foundation

/// How every export writes a moment: Danish local time with its offset, e.g. `2026-12-09 19:42:10 +01:00`.
///
/// One format for CSV, XLSX (shown by the cell's number format) and JSON (beside UTC), so a time
/// reads the same wherever it is opened and never needs a guess about the zone.
public enum ExportTimestamp {
    /// The moment in `timeZone` (Danish by default) as `yyyy-MM-dd HH:mm:ss ±hh:mm`.
    public static func text(_ date: Date, timeZone: TimeZone = ExportSettings.danishTimeZone) -> String {
        let parts = calendar(timeZone).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let time = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return "\(day) \(time) \(offsetText(secondsFromGMT: timeZone.secondsFromGMT(for: date)))"
    }

    /// The day of the moment in `timeZone`, `yyyy-MM-dd` (file names use it).
    public static func day(_ date: Date, timeZone: TimeZone = ExportSettings.danishTimeZone) -> String {
        let parts = calendar(timeZone).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// An offset from UTC as `+01:00` or `-03:30`.
    public static func offsetText(secondsFromGMT seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
