import Foundation
import Forms
import Spreadsheets

/// Reads a form from a workbook in the XLSForm layout (see Forms/README.md).
///
/// The sheets `survey`, `choices`, `settings`, `themes` and `contact` become a form document in the
/// JSON file format, which `FormDecoder` then checks. Whatever cannot be taken over (an unknown
/// type, a column Borgerdialog does not use, a `relevant` a condition cannot say) is a problem
/// with its sheet, row and column, and the rest is still read. The decoder's problems are placed
/// at the cells they came from.
public enum XLSFormReader {
    /// Reads an XLSX file's bytes, e.g. an upload body.
    ///
    /// - Parameter fileName: the uploaded file's name, if known: as in XLSForm, a form without a
    ///   `form_id` setting takes its id from it (`Borgerpanel 2026.xlsx` → `borgerpanel-2026`).
    public static func read(_ data: Data, fileName: String? = nil) -> XLSFormImport {
        do {
            return read(try Workbook(xlsxData: data), fileName: fileName)
        } catch {
            return XLSFormImport(document: nil, form: nil, problems: [XLSFormProblem(
                sheet: nil, row: nil, column: nil, reason: XLSFormImporter.reason(for: error))])
        }
    }

    /// Reads a workbook already read; see `read(_:fileName:)`.
    public static func read(_ workbook: Workbook, fileName: String? = nil) -> XLSFormImport {
        var importer = XLSFormImporter(workbook: workbook)
        return importer.run(fileName: fileName)
    }
}
