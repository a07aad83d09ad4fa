import Foundation

/// One citizen's contact details as the meeting's contact list exports them.
public struct ExportContact: Sendable, Hashable {
    /// The name as given (may be empty).
    public var name: String
    /// The e-mail address as given.
    public var email: String
    /// The consent wording the citizen agreed to.
    public var consentText: String
    /// When the details were left.
    public var givenAt: Date
    /// The meeting's join code.
    public var sessionCode: String

    /// Contact details for the export.
    public init(name: String, email: String, consentText: String, givenAt: Date, sessionCode: String) {
        self.name = name
        self.email = email
        self.consentText = consentText
        self.givenAt = givenAt
        self.sessionCode = sessionCode
    }
}

/// A meeting's contact list as CSV or XLSX: only the contact details, never an answer, so the
/// list can be used for what the citizens agreed to (being contacted) and nothing else.
///
/// Columns: Navn, E-mail, Samtykke (the exact wording), Givet (Danish time with offset), Møde (the join code).
public enum ContactsExport {
    /// The header row.
    public static let headers = ["Navn", "E-mail", "Samtykke", "Givet", "Møde"]
    /// The workbook's only sheet.
    public static let sheetName = "Kontakter"

    /// The CSV file: UTF-8 with a byte order mark, CRLF, cells neutralised against formulas.
    public static func csv(_ contacts: [ExportContact], dialect: CSVExport.Dialect, settings: ExportSettings = ExportSettings()) -> Data {
        var text = "\u{FEFF}" + CSVExport.line(headers.map { CSVExport.field(.text($0), dialect: dialect, settings: settings) }, dialect: dialect)
        for contact in contacts {
            text += CSVExport.line(cells(of: contact).map { CSVExport.field($0, dialect: dialect, settings: settings) }, dialect: dialect)
        }
        return Data(text.utf8)
    }

    /// Writes the workbook to `path`: one sheet, a bold frozen header row, real dates.
    public static func writeXLSX(_ contacts: [ExportContact], to path: String, settings: ExportSettings = ExportSettings()) throws(ExportError) {
        let workbook = try XLSXWorkbookWriter(path: path, timeZone: settings.timeZone)
        let sheet = try workbook.addWorksheet(named: sheetName)
        try XLSXExport.writeTable(headers: headers, rows: contacts.map(cells(of:)), to: sheet, in: workbook, values: .codes)
        try workbook.setColumnWidth(28, columns: 0...1, in: sheet)
        try workbook.setColumnWidth(60, columns: 2...2, in: sheet, style: .wrapped)
        try workbook.setColumnWidth(26, columns: 3...3, in: sheet)
        try workbook.setColumnWidth(10, columns: 4...4, in: sheet)
        try workbook.close()
    }

    private static func cells(of contact: ExportContact) -> [CellValue] {
        [.text(contact.name), .text(contact.email), .text(contact.consentText), .date(contact.givenAt), .text(contact.sessionCode)]
    }
}
