import CXLSXWriter
import Foundation

/// The only code that touches libxlsxwriter: owns one `lxw_workbook*` until it is closed or freed.
///
/// Worksheets and formats belong to the workbook and die with it, so callers hold plain
/// `XLSXWorksheet` handles (indexes) and every write goes through here, where a closed workbook is
/// refused instead of dereferencing freed memory. Not `Sendable`: one export owns it on one thread.
public final class XLSXWorkbookWriter {
    /// How a cell looks; each style is one libxlsxwriter format made on first use.
    public enum CellStyle: Hashable, Sendable {
        /// No formatting.
        case plain
        /// Bold, for header rows.
        case header
        /// A date and time, `yyyy-mm-dd hh:mm`.
        case dateTime
        /// A date and time with seconds and the offset from UTC it was taken in, shown as
        /// `yyyy-mm-dd hh:mm:ss +01:00` (Excel dates have no zone, so the offset is part of the format).
        case localDateTime(offsetSeconds: Int)
        /// Bold and wrapped to the column, for header rows with long texts.
        case wrappedHeader
        /// A percentage with one decimal (the value is 0…1).
        case percent
        /// A number with two decimals.
        case decimal
        /// Wrapped text aligned to the top, for quotes and long lists.
        case wrapped
    }

    /// The longest text a cell holds (Excel's limit is 32,767 characters).
    public static let maximumCellLength = 32_000

    /// The file the workbook is written to on `close()`.
    public let path: String
    /// The time zone dates are shown in (Excel dates have none).
    public let timeZone: TimeZone

    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var worksheets: [UnsafeMutablePointer<lxw_worksheet>] = []
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]

    /// Starts a workbook; nothing is written to `path` until `close()`.
    public init(path: String, timeZone: TimeZone = ExportSettings.danishTimeZone) throws(ExportError) {
        self.path = path
        self.timeZone = timeZone
        guard let workbook = workbook_new(path) else {
            throw ExportError(path: path, reason: "libxlsxwriter could not start a workbook")
        }
        self.workbook = workbook
    }

    deinit {
        // Abandoned without close(): free the memory and write nothing.
        if let workbook { lxw_workbook_free(workbook) }
    }

    /// Adds a worksheet; the name must be valid (see `XLSXSheetNames`).
    public func addWorksheet(named name: String) throws(ExportError) -> XLSXWorksheet {
        let workbook = try openWorkbook()
        let validation = workbook_validate_sheet_name(workbook, name)
        guard validation == LXW_NO_ERROR else { throw error(validation, "sheet name “\(name)”") }
        guard let worksheet = workbook_add_worksheet(workbook, name) else {
            throw ExportError(path: path, reason: "could not add the sheet “\(name)”")
        }
        worksheets.append(worksheet)
        return XLSXWorksheet(index: worksheets.count - 1, name: name)
    }

    /// Writes text (cut to `maximumCellLength`); an empty text leaves the cell empty.
    public func write(text: String, in sheet: XLSXWorksheet, row: Int, column: Int, style: CellStyle = .plain)
        throws(ExportError) {
        guard !text.isEmpty else { return }
        let cut = text.count > Self.maximumCellLength ? String(text.prefix(Self.maximumCellLength)) + "…" : text
        let result = worksheet_write_string(try worksheet(sheet), try cellRow(row), try cellColumn(column), cut,
                                            try format(style))
        try check(result, "writing text at row \(row + 1), column \(column + 1) of “\(sheet.name)”")
    }

    /// Writes a number; NaN and infinities leave the cell empty.
    public func write(number: Double, in sheet: XLSXWorksheet, row: Int, column: Int, style: CellStyle = .plain)
        throws(ExportError) {
        guard number.isFinite else { return }
        let result = worksheet_write_number(try worksheet(sheet), try cellRow(row), try cellColumn(column), number,
                                            try format(style))
        try check(result, "writing a number at row \(row + 1), column \(column + 1) of “\(sheet.name)”")
    }

    /// Writes a real Excel date and time in `timeZone`, shown with seconds and its offset from UTC.
    public func write(date: Date, in sheet: XLSXWorksheet, row: Int, column: Int) throws(ExportError) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        var dateTime = lxw_datetime(
            year: Int32(parts.year ?? 1900), month: Int32(parts.month ?? 1), day: Int32(parts.day ?? 1),
            hour: Int32(parts.hour ?? 0), min: Int32(parts.minute ?? 0), sec: Double(parts.second ?? 0)
        )
        let result = worksheet_write_datetime(try worksheet(sheet), try cellRow(row), try cellColumn(column),
                                              &dateTime,
                                              try format(.localDateTime(offsetSeconds: timeZone.secondsFromGMT(for: date))))
        try check(result, "writing a date at row \(row + 1), column \(column + 1) of “\(sheet.name)”")
    }

    /// Sets the width of columns `first...last`, in characters.
    public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>, in sheet: XLSXWorksheet,
                               style: CellStyle = .plain) throws(ExportError) {
        let result = worksheet_set_column(try worksheet(sheet), try cellColumn(columns.lowerBound),
                                          try cellColumn(columns.upperBound), width, try format(style))
        try check(result, "setting column widths of “\(sheet.name)”")
    }

    /// Keeps the first `rows` rows in view while scrolling.
    public func freezeRows(_ rows: Int, in sheet: XLSXWorksheet) throws(ExportError) {
        worksheet_freeze_panes(try worksheet(sheet), try cellRow(rows), 0)
    }

    /// Writes the file and frees the workbook; the writer cannot be used afterwards.
    public func close() throws(ExportError) {
        let workbook = try openWorkbook()
        self.workbook = nil
        worksheets = []
        formats = [:]
        // workbook_close frees the workbook whether or not writing succeeded.
        try check(workbook_close(workbook), "writing the file")
    }

    private func openWorkbook() throws(ExportError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let workbook else { throw ExportError(path: path, reason: "the workbook is already closed") }
        return workbook
    }

    private func worksheet(_ sheet: XLSXWorksheet) throws(ExportError) -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try openWorkbook()
        guard worksheets.indices.contains(sheet.index) else {
            throw ExportError(path: path, reason: "no sheet “\(sheet.name)” in this workbook")
        }
        return worksheets[sheet.index]
    }

    private func cellRow(_ row: Int) throws(ExportError) -> lxw_row_t {
        guard row >= 0, row < Int(LXW_ROW_MAX) else {
            throw ExportError(path: path, reason: "row \(row + 1) is beyond Excel's \(LXW_ROW_MAX) rows")
        }
        return lxw_row_t(row)
    }

    private func cellColumn(_ column: Int) throws(ExportError) -> lxw_col_t {
        guard column >= 0, column < Int(LXW_COL_MAX) else {
            throw ExportError(path: path, reason: "column \(column + 1) is beyond Excel's \(LXW_COL_MAX) columns")
        }
        return lxw_col_t(column)
    }

    private func format(_ style: CellStyle) throws(ExportError) -> UnsafeMutablePointer<lxw_format>? {
        if style == .plain { return nil }
        if let existing = formats[style] { return existing }
        guard let format = workbook_add_format(try openWorkbook()) else {
            throw ExportError(path: path, reason: "could not add a cell format")
        }
        switch style {
        case .plain: break
        case .header: format_set_bold(format)
        case .dateTime: format_set_num_format(format, "yyyy-mm-dd hh:mm")
        case .localDateTime(let offset):
            format_set_num_format(format, "yyyy-mm-dd hh:mm:ss \"\(ExportTimestamp.offsetText(secondsFromGMT: offset))\"")
        case .wrappedHeader:
            format_set_bold(format)
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .percent: format_set_num_format(format, "0.0%")
        case .decimal: format_set_num_format(format, "0.00")
        case .wrapped:
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        formats[style] = format
        return format
    }

    private func check(_ result: lxw_error, _ action: String) throws(ExportError) {
        guard result == LXW_NO_ERROR else { throw error(result, action) }
    }

    private func error(_ result: lxw_error, _ action: String) -> ExportError {
        let message = lxw_strerror(result).map { String(cString: $0) } ?? "error \(result.rawValue)"
        return ExportError(path: path, reason: "\(action): \(message)")
    }
}

/// A worksheet of an `XLSXWorkbookWriter`: a handle, valid only with the writer that made it.
public struct XLSXWorksheet: Hashable, Sendable {
    /// Its position among the writer's sheets.
    let index: Int
    /// Its name, for messages.
    public let name: String
}
