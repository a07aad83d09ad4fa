import Exports
import Foundation
import Forms
import Spreadsheets

/// Writes a form in the XLSForm layout (see Forms/README.md), for staff to edit in Excel and import again.
///
/// Written from the form's document, so everything a file says survives: reading the workbook back
/// with `XLSFormReader` gives a form with the same content hash.
public enum XLSFormWriter {
    /// The form as sheets: survey, choices, settings, themes, contact.
    public static func workbook(for form: Form) throws(XLSFormExportError) -> Workbook {
        let document = form.document.objectValue ?? [:]
        let targets = Dictionary(form.questions.compactMap { question in ConditionTarget(question).map { (question.id, $0) } },
                                 uniquingKeysWith: { first, _ in first })
        var survey = SheetBuilder(name: XLSFormColumn.Sheet.survey, headings: [
            XLSFormColumn.type, XLSFormColumn.name,
            XLSFormLanguage.heading(XLSFormColumn.label, .da), XLSFormLanguage.heading(XLSFormColumn.label, .en),
            XLSFormLanguage.heading(XLSFormColumn.hint, .da), XLSFormLanguage.heading(XLSFormColumn.hint, .en),
            XLSFormColumn.required, XLSFormColumn.relevant,
        ])
        var choices = SheetBuilder(name: XLSFormColumn.Sheet.choices, headings: [
            XLSFormColumn.listName, XLSFormColumn.name,
            XLSFormLanguage.heading(XLSFormColumn.label, .da), XLSFormLanguage.heading(XLSFormColumn.label, .en),
        ])
        try writeSurvey(document["questions"]?.arrayValue ?? [], targets: targets, survey: &survey, choices: &choices)
        let ownHeadings = XLSFormColumn.ownSurveyColumns.flatMap { column in
            XLSFormColumn.translatedSurveyColumns.contains(column)
                ? Language.allCases.map { XLSFormLanguage.heading(column, $0) } : [column]
        }
        return Workbook(sheets: [
            survey.worksheet(extraOrder: ownHeadings),
            choices.worksheet(),
            settingsSheet(form, document: document),
            try themesSheet(document["themes"]?.arrayValue ?? []),
            contactSheet(document["contact"]?.objectValue),
        ])
    }

    /// Writes the workbook as an XLSX file at `path`, replacing any file there.
    public static func write(_ form: Form, toPath path: String) throws(XLSFormExportError) {
        let sheets = try workbook(for: form).sheets
        do {
            try XLSXFileWriter.write(sheets, toPath: path)
        } catch {
            throw XLSFormExportError(place: path, reason: LocalizedText(
                da: "filen kunne ikke skrives: \(error.reason)", en: "the file could not be written: \(error.reason)"))
        }
    }

    /// The XLSX file's bytes, e.g. for a download.
    public static func xlsxData(for form: Form) throws(XLSFormExportError) -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xlsform-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(form, toPath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XLSFormExportError(place: path, reason: LocalizedText(
                da: "den skrevne fil kunne ikke læses", en: "the written file could not be read"))
        }
        return data
    }

    private static func settingsSheet(_ form: Form, document: [String: JSONValue]) -> Worksheet {
        var settings = SheetBuilder(name: XLSFormColumn.Sheet.settings, headings: [
            XLSFormColumn.formID, XLSFormColumn.formTitle, XLSFormLanguage.heading(XLSFormColumn.formTitle, .en),
            XLSFormColumn.version, XLSFormColumn.defaultLanguage,
        ])
        var row: [String: CellValue] = [
            XLSFormColumn.formID: .text(form.id),
            XLSFormColumn.formTitle: .text(form.title.da),
            XLSFormLanguage.heading(XLSFormColumn.formTitle, .en): .text(form.title.en),
            // Tools such as KoboToolbox show a version; the content hash is this form's.
            XLSFormColumn.version: .text(String(form.contentHash.prefix(12))),
            XLSFormColumn.defaultLanguage: .text(XLSFormLanguage.columnSuffix(.da)),
        ]
        row.put(translation: document["intro"], base: XLSFormColumn.intro)
        if let schema = document["$schema"]?.stringValue { row[XLSFormColumn.schema] = .text(schema) }
        settings.append(row)
        return settings.worksheet(extraOrder: Language.allCases.map { XLSFormLanguage.heading(XLSFormColumn.intro, $0) }
            + [XLSFormColumn.schema])
    }

    private static func themesSheet(_ themes: [JSONValue]) throws(XLSFormExportError) -> Worksheet {
        var sheet = SheetBuilder(name: XLSFormColumn.Sheet.themes, headings: [XLSFormColumn.key]
            + [XLSFormColumn.name, XLSFormColumn.description, XLSFormColumn.keywords].flatMap { base in
                Language.allCases.map { XLSFormLanguage.heading(base, $0) }
            })
        for (index, value) in themes.enumerated() {
            let theme = value.objectValue ?? [:]
            var row: [String: CellValue] = [:]
            if let key = theme["key"]?.stringValue { row[XLSFormColumn.key] = .text(key) }
            row.put(translation: theme["name"], base: XLSFormColumn.name)
            row.put(translation: theme["description"], base: XLSFormColumn.description)
            for language in Language.allCases {
                guard let words = theme["keywords"]?.objectValue?[language.rawValue]?.arrayValue, !words.isEmpty else { continue }
                let texts = words.compactMap(\.stringValue)
                if let comma = texts.firstIndex(where: { $0.contains(",") }) {
                    throw XLSFormExportError(place: "$.themes[\(index)].keywords.\(language.rawValue)[\(comma)]", reason: LocalizedText(
                        da: "nøgleordet »\(texts[comma])« har et komma, men kommaer skiller nøgleordene ad i regnearket",
                        en: "the keyword “\(texts[comma])” has a comma, but commas separate the keywords in the spreadsheet"))
                }
                row[XLSFormLanguage.heading(XLSFormColumn.keywords, language)] = .text(texts.joined(separator: ", "))
            }
            sheet.append(row)
        }
        return sheet.worksheet()
    }

    private static func contactSheet(_ contact: [String: JSONValue]?) -> Worksheet {
        var sheet = SheetBuilder(name: XLSFormColumn.Sheet.contact, headings: [XLSFormColumn.field]
            + Language.allCases.map { XLSFormLanguage.heading(XLSFormColumn.text, $0) })
        for (field, key) in XLSFormColumn.contactFields {
            guard let text = contact?[key] else { continue }
            var row: [String: CellValue] = [XLSFormColumn.field: .text(field)]
            row.put(translation: text, base: XLSFormColumn.text)
            sheet.append(row)
        }
        return sheet.worksheet()
    }
}
