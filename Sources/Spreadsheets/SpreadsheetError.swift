/// Why bytes could not be read as an XLSX workbook, and where in the file.
///
/// The cases carry the place (a part of the ZIP archive such as "xl/workbook.xml", a line and
/// column in it, a cell); the words for people are the caller's, in the caller's languages.
public enum SpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes are not a ZIP archive, so not an XLSX file (perhaps an old .xls, a CSV or a PDF).
    case notAnArchive
    /// A part every workbook has is missing, e.g. "xl/workbook.xml".
    case missingPart(String)
    /// A part could not be unpacked (a damaged archive).
    case unreadablePart(String)
    /// A part unpacks to more bytes than the reader accepts.
    case partTooLarge(String, limit: Int)
    /// A part is not well-formed XML.
    case malformedXML(part: String, line: Int, column: Int, reason: String)
    /// The workbook lists a sheet whose part is not in the archive.
    case missingSheet(name: String, part: String)
    /// A cell's reference is not like "B7".
    case invalidCellReference(part: String, reference: String)
    /// A cell points to a shared string that does not exist.
    case invalidSharedString(part: String, cell: String, index: String)
    /// A number cell whose value is not a number.
    case invalidNumber(part: String, cell: String, text: String)

    /// The place in the file the error concerns: a part, and a cell or line where known.
    public var place: String {
        switch self {
        case .notAnArchive: ""
        case .missingPart(let part), .unreadablePart(let part), .partTooLarge(let part, _): part
        case .malformedXML(let part, let line, let column, _): "\(part):\(line):\(column)"
        case .missingSheet(_, let part): part
        case .invalidCellReference(let part, let reference): "\(part) \(reference)"
        case .invalidSharedString(let part, let cell, _), .invalidNumber(let part, let cell, _): "\(part) \(cell)"
        }
    }

    /// The error in English, for logs.
    public var description: String {
        switch self {
        case .notAnArchive: "not an XLSX file: the bytes are not a ZIP archive"
        case .missingPart(let part): "not an XLSX workbook: the part \(part) is missing"
        case .unreadablePart(let part): "the part \(part) cannot be unpacked"
        case .partTooLarge(let part, let limit): "the part \(part) unpacks to more than \(limit) bytes"
        case .malformedXML(let part, let line, let column, let reason): "\(part), line \(line), column \(column): malformed XML: \(reason)"
        case .missingSheet(let name, let part): "the sheet “\(name)” is listed, but its part \(part) is missing"
        case .invalidCellReference(let part, let reference): "\(part): “\(reference)” is not a cell reference"
        case .invalidSharedString(let part, let cell, let index): "\(part), cell \(cell): no shared string number \(index)"
        case .invalidNumber(let part, let cell, let text): "\(part), cell \(cell): “\(text)” is not a number"
        }
    }
}
