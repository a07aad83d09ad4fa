import Foundation

/// Settings the XLSX and HTML exports share; the defaults suit a Danish municipality.
public struct ExportSettings: Sendable {
    /// The time zone of Danish municipalities, where dates are shown.
    public static let danishTimeZone = TimeZone(identifier: "Europe/Copenhagen") ?? .gmt

    /// The time zone dates are shown in (CSV keeps ISO 8601 in UTC, which needs none).
    public var timeZone: TimeZone
    /// The most quotes the report shows per theme.
    public var quotesPerTheme: Int

    /// Settings with Danish defaults: Copenhagen time, five quotes per theme.
    public init(timeZone: TimeZone = ExportSettings.danishTimeZone, quotesPerTheme: Int = 5) {
        self.timeZone = timeZone
        self.quotesPerTheme = quotesPerTheme
    }
}
