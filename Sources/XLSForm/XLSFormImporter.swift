import Forms
import Spreadsheets

/// One import: the workbook's sheets, the document being built, and the problems and places found so far.
struct XLSFormImporter {
    let workbook: Workbook
    var problems: [XLSFormProblem] = []
    var sourceMap = SourceMap()
    /// The language of headings without one (`label`), from `default_language`.
    var defaultLanguage = Language.defaultLanguage
    /// The choices sheet's rows by list name, in order.
    var choiceRows: [String: [Int]] = [:]
    /// The lists some question uses.
    var usedLists = Set<String>()
    /// What each question read so far holds, by id, for the values in later `relevant`s.
    var targets: [String: ConditionTarget] = [:]
    var choices: SheetTable?

    init(workbook: Workbook) {
        self.workbook = workbook
    }

    /// Reads every sheet into a document, decodes it, and places the decoder's problems.
    mutating func run() -> XLSFormImport {
        var document: [String: JSONValue] = ["formatVersion": .number(Double(Form.formatVersion))]
        for sheet in workbook.sheets where !XLSFormColumn.Sheet.all.contains(sheet.name.lowercased().trimmingCharacters(in: .whitespaces)) {
            guard sheet.lastRow > 0 else { continue }
            report(XLSFormProblem(sheet: sheet.name, row: nil, column: nil, reason: LocalizedText(
                da: "Borgerdialog bruger ikke arket »\(sheet.name)«; det er udeladt",
                en: "Borgerdialog does not use the sheet “\(sheet.name)”; it is left out")))
        }
        if let settings = table(XLSFormColumn.Sheet.settings, bases: Self.settingsBases, translated: Self.settingsTranslated) {
            // The default language decides what the headings without a language hold, here too.
            readDefaultLanguage(settings)
            if let settings = table(XLSFormColumn.Sheet.settings, bases: Self.settingsBases, translated: Self.settingsTranslated) {
                readSettings(settings, into: &document)
            }
        }
        if let themes = table(XLSFormColumn.Sheet.themes, bases: Self.themeBases, translated: Self.themeTranslated) {
            document["themes"] = .array(readThemes(themes))
        } else {
            document["themes"] = .array([])
        }
        choices = table(XLSFormColumn.Sheet.choices, bases: Self.choiceBases, translated: [XLSFormColumn.label])
        if let choices { indexChoices(choices) }
        if let survey = table(XLSFormColumn.Sheet.survey, bases: Self.surveyBases, translated: Set(XLSFormColumn.translatedSurveyColumns)) {
            document["questions"] = .array(readSurvey(survey))
        } else {
            report(XLSFormProblem(sheet: nil, row: nil, column: nil, reason: LocalizedText(
                da: "arbejdsbogen har intet ark »survey« med spørgsmålene", en: "the workbook has no “survey” sheet with the questions")))
        }
        reportUnusedLists()
        if let contact = table(XLSFormColumn.Sheet.contact, bases: Self.contactBases, translated: [XLSFormColumn.text]) {
            if let block = readContact(contact) { document["contact"] = block }
        }
        let finished = JSONValue.object(document)
        var form: Form?
        do {
            form = try FormDecoder.decode(document: finished, file: "")
        } catch {
            placeDecoderProblems(error.problems)
        }
        return XLSFormImport(document: finished, form: form, problems: problems)
    }

    mutating func report(_ problem: XLSFormProblem) {
        problems.append(problem)
    }

    /// A problem at a place of the source map.
    mutating func report(_ place: SourceMap.Place, _ danish: String, _ english: String) {
        report(XLSFormProblem(sheet: place.sheet, row: place.row, column: place.column, cell: place.cell,
                              reason: LocalizedText(da: danish, en: english)))
    }

    /// The sheet with a name (any case), read as a table.
    private func table(_ name: String, bases: Set<String>, translated: Set<String>) -> SheetTable? {
        guard let sheet = workbook.sheets.first(where: { $0.name.lowercased().trimmingCharacters(in: .whitespaces) == name }) else {
            return nil
        }
        return SheetTable(sheet: sheet, bases: bases, translated: translated, defaultLanguage: defaultLanguage)
    }

    /// Each decoder problem at the cell its path came from; one already reported at that cell is not repeated.
    private mutating func placeDecoderProblems(_ decoderProblems: [FormProblem]) {
        let reportedCells = Set(problems.compactMap { problem in
            problem.row.map { SourceMap.Place(sheet: problem.sheet ?? "", row: $0, column: problem.column, cell: problem.cell) }
        })
        for problem in decoderProblems {
            let place = sourceMap.place(of: problem.path)
            if let place, place.row != nil, reportedCells.contains(place) { continue }
            report(XLSFormProblem(sheet: place?.sheet, row: place?.row, column: place?.column, cell: place?.cell,
                                  path: problem.path, reason: problem.reason))
        }
    }

    static let surveyBases = Set([
        XLSFormColumn.type, XLSFormColumn.name, XLSFormColumn.required, XLSFormColumn.relevant, XLSFormColumn.parameters,
    ] + XLSFormColumn.ownSurveyColumns + XLSFormColumn.translatedSurveyColumns)
    static let choiceBases: Set = [XLSFormColumn.listName, XLSFormColumn.name, XLSFormColumn.label]
    static let settingsBases: Set = [XLSFormColumn.formID, XLSFormColumn.formTitle, XLSFormColumn.version,
                                     XLSFormColumn.defaultLanguage, XLSFormColumn.intro, XLSFormColumn.schema]
    static let settingsTranslated: Set = [XLSFormColumn.formTitle, XLSFormColumn.intro]
    static let themeBases: Set = [XLSFormColumn.key, XLSFormColumn.name, XLSFormColumn.description, XLSFormColumn.keywords]
    static let themeTranslated: Set = [XLSFormColumn.name, XLSFormColumn.description, XLSFormColumn.keywords]
    static let contactBases: Set = [XLSFormColumn.field, XLSFormColumn.text]
}
