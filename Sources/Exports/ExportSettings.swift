import Foundation

/// Settings the exports share; the defaults suit a Danish municipality.
public struct ExportSettings: Sendable {
    /// The time zone of Danish municipalities, where every exported time is shown.
    public static let danishTimeZone = TimeZone(identifier: "Europe/Copenhagen") ?? .gmt

    /// The time zone times are shown in (with their offset; see `ExportTimestamp`).
    public var timeZone: TimeZone
    /// The most quotes the report shows per theme.
    public var quotesPerTheme: Int
    /// The most quotes the report shows per purpose when a theme is split by purpose.
    public var quotesPerPurpose: Int
    /// Whether the answer tables hold texts or codes.
    public var values: ExportValues

    /// Settings with Danish defaults: Copenhagen time, three quotes per theme (two per purpose), texts.
    public init(timeZone: TimeZone = ExportSettings.danishTimeZone, quotesPerTheme: Int = 3, quotesPerPurpose: Int = 2,
                values: ExportValues = .standard) {
        self.timeZone = timeZone
        self.quotesPerTheme = quotesPerTheme
        self.quotesPerPurpose = quotesPerPurpose
        self.values = values
    }
}
