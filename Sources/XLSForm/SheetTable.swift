import Forms
import Spreadsheets

/// A sheet of the layout read as a table: headings in row 1, one record per row below.
///
/// Headings are matched without regard to case or surrounding spaces, with `list name` read as
/// `list_name` and `label:English` (one colon, as older forms write it) as `label::English`. A
/// translated column without a language is in the form's default language. Columns the layout does
/// not use, in languages the forms do not have, or repeating another column are kept aside, and
/// each value in them is reported, so nothing is left out unsaid.
struct SheetTable {
    /// A column by what it holds: a base such as `label`, and a language for translated texts.
    struct ColumnKey: Hashable {
        let base: String
        let language: Language?
    }

    /// The sheet as read.
    let sheet: Worksheet
    /// Column number (from 1) of each known column.
    private(set) var columnOfKey: [ColumnKey: Int] = [:]
    /// Each column's heading as written in the file.
    private(set) var headingOfColumn: [Int: String] = [:]
    /// Columns whose values are left out, and why.
    private(set) var ignoredColumns: [Int: LocalizedText] = [:]

    /// Reads the headings; `bases` are the columns this sheet may have, `translated` those with a language.
    init(sheet: Worksheet, bases: Set<String>, translated: Set<String>, defaultLanguage: Language) {
        self.sheet = sheet
        for column in 1...max(sheet.lastColumn, 1) {
            let heading = (sheet[row: 1, column: column].text ?? "").trimmingCharacters(in: .whitespaces)
            headingOfColumn[column] = heading
            guard !heading.isEmpty else {
                ignoredColumns[column] = LocalizedText(da: "kolonnen har ingen overskrift", en: "the column has no heading")
                continue
            }
            let (base, languageText) = Self.split(heading)
            guard bases.contains(base) else {
                ignoredColumns[column] = LocalizedText(da: "Borgerdialog bruger ikke kolonnen »\(heading)«",
                                                       en: "Borgerdialog does not use the column “\(heading)”")
                continue
            }
            var language: Language?
            if translated.contains(base) {
                if let languageText {
                    guard let parsed = XLSFormLanguage.language(named: languageText) else {
                        ignoredColumns[column] = LocalizedText(
                            da: "sproget »\(languageText)« er ikke et af spørgeskemaernes sprog (dansk og engelsk)",
                            en: "the language “\(languageText)” is not one of the forms' languages (Danish and English)")
                        continue
                    }
                    language = parsed
                } else {
                    language = defaultLanguage
                }
            } else if languageText != nil {
                ignoredColumns[column] = LocalizedText(da: "kolonnen »\(base)« har ikke tekster på flere sprog",
                                                       en: "the column “\(base)” does not take texts in several languages")
                continue
            }
            let key = ColumnKey(base: base, language: language)
            if let first = columnOfKey[key] {
                ignoredColumns[column] = LocalizedText(
                    da: "kolonnen gentager »\(headingOfColumn[first] ?? base)«, som bruges i stedet",
                    en: "the column repeats “\(headingOfColumn[first] ?? base)”, which is used instead")
                continue
            }
            columnOfKey[key] = column
        }
    }

    /// "label::Dansk (da)" → ("label", "Dansk (da)"); "List Name" → ("list_name", nil).
    static func split(_ heading: String) -> (base: String, language: String?) {
        let separator: String? = heading.contains("::") ? "::" : (heading.contains(":") ? ":" : nil)
        guard let separator, let range = heading.range(of: separator) else { return (normalize(heading), nil) }
        let language = String(heading[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        return (normalize(String(heading[..<range.lowerBound])), language.isEmpty ? nil : language)
    }

    private static func normalize(_ base: String) -> String {
        base.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
    }

    /// The rows after the headings, up to the last one with a value.
    var recordRows: [Int] {
        sheet.lastRow < 2 ? [] : Array(2...sheet.lastRow)
    }

    /// Whether a row has no value in any column.
    func isEmpty(row: Int) -> Bool {
        sheet.lastColumn == 0 || (1...sheet.lastColumn).allSatisfy { sheet[row: row, column: $0].isEmpty }
    }

    /// Whether the sheet has a column.
    func has(_ base: String, language: Language? = nil) -> Bool {
        columnOfKey[ColumnKey(base: base, language: language)] != nil
    }

    /// A cell's value (`.empty` when the column is missing).
    func value(row: Int, _ base: String, language: Language? = nil) -> CellValue {
        guard let column = columnOfKey[ColumnKey(base: base, language: language)] else { return .empty }
        return sheet[row: row, column: column]
    }

    /// A cell as text with surrounding spaces removed; nil when empty.
    func trimmedText(row: Int, _ base: String, language: Language? = nil) -> String? {
        guard let text = value(row: row, base, language: language).text?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty else { return nil }
        return text
    }

    /// A translated text's cell exactly as written (labels keep their spaces); nil when empty.
    func text(row: Int, _ base: String, language: Language) -> String? {
        value(row: row, base, language: language).text
    }

    /// Where a cell is, for problems and the source map; a missing column is named by the heading it would have.
    func place(row: Int?, _ base: String?, language: Language? = nil) -> SourceMap.Place {
        guard let base else { return SourceMap.Place(sheet: sheet.name, row: row, column: nil, cell: nil) }
        if let column = columnOfKey[ColumnKey(base: base, language: language)] {
            return SourceMap.Place(sheet: sheet.name, row: row, column: headingOfColumn[column],
                                   cell: row.map { CellReference(row: $0, column: column) })
        }
        let heading = language.map { XLSFormLanguage.heading(base, $0) } ?? base
        return SourceMap.Place(sheet: sheet.name, row: row, column: heading, cell: nil)
    }

    /// A problem for each value in a left-out column of a row.
    func ignoredValues(row: Int) -> [XLSFormProblem] {
        ignoredColumns.keys.sorted().compactMap { column in
            guard !sheet[row: row, column: column].isEmpty, let reason = ignoredColumns[column] else { return nil }
            let heading = headingOfColumn[column].flatMap { $0.isEmpty ? nil : $0 } ?? CellReference.columnName(column)
            return XLSFormProblem(
                sheet: sheet.name, row: row, column: heading, cell: CellReference(row: row, column: column),
                reason: LocalizedText(da: reason.da + "; værdien er udeladt", en: reason.en + "; the value is left out"))
        }
    }
}
