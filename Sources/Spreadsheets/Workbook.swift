import Foundation

/// The sheets of a workbook, in the order of their tabs.
public struct Workbook: Hashable, Sendable {
    /// The sheets, in tab order.
    public let sheets: [Worksheet]

    /// A workbook of sheets already read.
    public init(sheets: [Worksheet]) {
        self.sheets = sheets
    }

    /// The most bytes one part of a file may unpack to by default: far above any form, far below
    /// what would exhaust memory.
    public static let defaultMaximumPartSize = 64 * 1024 * 1024

    /// Reads an XLSX file from its bytes (an upload body, say); nothing touches the disk.
    ///
    /// - Parameter maximumPartSize: a part that unpacks to more bytes is refused (`partTooLarge`).
    public init(xlsxData data: Data, maximumPartSize: Int = defaultMaximumPartSize) throws(SpreadsheetError) {
        self = try XLSXReader(data: data, maximumPartSize: maximumPartSize).read()
    }

    /// The sheets' names, in tab order.
    public var sheetNames: [String] { sheets.map(\.name) }

    /// The sheet with exactly this name.
    public func sheet(named name: String) -> Worksheet? {
        sheets.first { $0.name == name }
    }
}
