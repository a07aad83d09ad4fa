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
    /// Paths whose problems the import has reported already, so the decoder does not repeat them.
    var coveredPaths: [String] = []

    init(workbook: Workbook) {
        self.workbook = workbook
    }

    /// Reads every sheet into a document, decodes it, and places the decoder's problems.
    mutating func run(fileName: String?) -> XLSFormImport {
        var document: [String: JSONValue] = ["formatVersion": .number(Double(Form.formatVersion))]
        // Without a settings sheet, the id and title still belong there.
        sourceMap.record("$.id", SourceMap.Place(sheet: XLSFormColumn.Sheet.settings, row: nil, column: XLSFormColumn.formID, cell: nil))
        sourceMap.record("$.title", SourceMap.Place(sheet: XLSFormColumn.Sheet.settings, row: nil, column: XLSFormColumn.formTitle, cell: nil))
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
            coveredPaths.append("$.questions")
        }
        reportUnusedLists()
        if let contact = table(XLSFormColumn.Sheet.contact, bases: Self.contactBases, translated: [XLSFormColumn.text]) {
            if let block = readContact(contact) { document["contact"] = block }
        }
        if document["id"] == nil, let fileName {
            let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
            let stem = name.lowercased().hasSuffix(".xlsx") ? String(name.dropLast(5)) : name
            if !stem.isEmpty { document["id"] = .string(XLSFormNames.id(stem)) }
        }
        let finished = JSONValue.object(document)
        var form: Form?
        do {
            form = try FormDecoder.decode(document: finished, file: "")
        } catch {
            placeDecoderProblems(error.problems)
        }
        return XLSFormImport(document: finished, form: form, problems: sortedProblems())
    }

    /// The problems by sheet (file first, then the layout's order), row and column.
    private func sortedProblems() -> [XLSFormProblem] {
        let sheetOrder = [nil] + XLSFormColumn.Sheet.all
        func sheetIndex(_ problem: XLSFormProblem) -> Int {
            sheetOrder.firstIndex(of: problem.sheet?.lowercased()) ?? sheetOrder.count
        }
        return problems.enumerated().sorted { left, right in
            let leftKey = (sheetIndex(left.element), left.element.row ?? 0, left.element.cell?.column ?? 0, left.offset)
            let rightKey = (sheetIndex(right.element), right.element.row ?? 0, right.element.cell?.column ?? 0, right.offset)
            return leftKey < rightKey
        }.map(\.element)
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
        var placed = Set<String>()
        for problem in decoderProblems {
            if coveredPaths.contains(where: { problem.path == $0 || problem.path.hasPrefix($0 + ".") || problem.path.hasPrefix($0 + "[") }) {
                continue
            }
            let place = sourceMap.place(of: problem.path)
            if let place, place.row != nil, reportedCells.contains(place) { continue }
            // A list used by several questions would otherwise report each of its problems once per question.
            let key = "\(place?.sheet ?? "")|\(place?.row ?? 0)|\(place?.column ?? "")|\(problem.reason.en)"
            guard placed.insert(key).inserted else { continue }
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
