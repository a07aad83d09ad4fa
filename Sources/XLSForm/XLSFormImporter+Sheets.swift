import Forms
import Spreadsheets

/// Reading the settings, themes, choices and contact sheets.
extension XLSFormImporter {
    /// The first row with a value below the headings: the settings sheet has one.
    private func settingsRow(_ table: SheetTable) -> Int? {
        table.recordRows.first { !table.isEmpty(row: $0) }
    }

    /// Sets the default language from `default_language`; another language is a problem and Danish is kept.
    mutating func readDefaultLanguage(_ table: SheetTable) {
        guard let row = settingsRow(table), let text = table.trimmedText(row: row, XLSFormColumn.defaultLanguage) else { return }
        if let language = XLSFormLanguage.language(named: text) {
            defaultLanguage = language
        } else {
            report(table.place(row: row, XLSFormColumn.defaultLanguage),
                   "standardsproget »\(text)« er ikke et af spørgeskemaernes sprog; kolonner uden sprog læses som dansk",
                   "the default language “\(text)” is not one of the forms' languages; columns without a language are read as Danish")
        }
    }

    mutating func readSettings(_ table: SheetTable, into document: inout [String: JSONValue]) {
        guard let row = settingsRow(table) else { return }
        for problem in table.ignoredValues(row: row) { report(problem) }
        for extra in table.recordRows where extra > row && !table.isEmpty(row: extra) {
            report(table.place(row: extra, nil), "indstillingerne står kun i én række; denne række er udeladt",
                   "the settings take one row only; this row is left out")
        }
        if let id = table.trimmedText(row: row, XLSFormColumn.formID) {
            document["id"] = .string(XLSFormNames.id(id))
            sourceMap.record("$.id", table.place(row: row, XLSFormColumn.formID))
        } else {
            sourceMap.record("$.id", table.place(row: row, XLSFormColumn.formID))
        }
        if let title = translated(table, row: row, base: XLSFormColumn.formTitle, path: "$.title") { document["title"] = title }
        if let intro = translated(table, row: row, base: XLSFormColumn.intro, path: "$.intro") { document["intro"] = intro }
        if let schema = table.trimmedText(row: row, XLSFormColumn.schema) {
            document["$schema"] = .string(schema)
            sourceMap.record("$.$schema", table.place(row: row, XLSFormColumn.schema))
        }
        // `version` names the form's version for tools such as KoboToolbox; a form's version here is
        // its content hash, so the cell is read and needs nothing more.
    }

    mutating func readThemes(_ table: SheetTable) -> [JSONValue] {
        var themes: [JSONValue] = []
        for row in table.recordRows where !table.isEmpty(row: row) {
            for problem in table.ignoredValues(row: row) { report(problem) }
            let path = "$.themes[\(themes.count)]"
            sourceMap.record(path, table.place(row: row, nil))
            var theme: [String: JSONValue] = [:]
            if let key = table.trimmedText(row: row, XLSFormColumn.key) { theme["key"] = .string(key) }
            sourceMap.record(path + ".key", table.place(row: row, XLSFormColumn.key))
            if let name = translated(table, row: row, base: XLSFormColumn.name, path: path + ".name") { theme["name"] = name }
            if let description = translated(table, row: row, base: XLSFormColumn.description, path: path + ".description") {
                theme["description"] = description
            }
            var keywords: [String: JSONValue] = [:]
            for language in Language.allCases {
                let place = table.place(row: row, XLSFormColumn.keywords, language: language)
                sourceMap.record(path + ".keywords." + language.rawValue, place)
                guard let text = table.text(row: row, XLSFormColumn.keywords, language: language) else { continue }
                let words = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                keywords[language.rawValue] = .array(words.map(JSONValue.string))
            }
            if !keywords.isEmpty {
                theme["keywords"] = .object(keywords)
                sourceMap.record(path + ".keywords", table.place(row: row, XLSFormColumn.keywords, language: defaultLanguage))
            }
            themes.append(.object(theme))
        }
        return themes
    }

    mutating func indexChoices(_ table: SheetTable) {
        for row in table.recordRows where !table.isEmpty(row: row) {
            for problem in table.ignoredValues(row: row) { report(problem) }
            guard let list = table.trimmedText(row: row, XLSFormColumn.listName) else {
                report(table.place(row: row, XLSFormColumn.listName), "svarmuligheden har intet list_name; den er udeladt",
                       "the choice has no list_name; it is left out")
                continue
            }
            choiceRows[list, default: []].append(row)
        }
    }

    /// The options of a list, recorded at `path` ("$.questions[3].options"); nil when there is no such list.
    mutating func options(ofList list: String, path: String) -> [JSONValue]? {
        guard let choices else { return nil }
        let name = choiceRows[list] != nil ? list : choiceRows.keys.sorted().first { $0.lowercased() == list.lowercased() }
        guard let name, let rows = choiceRows[name] else { return nil }
        usedLists.insert(name)
        var options: [JSONValue] = []
        for row in rows {
            let optionPath = path + "[\(options.count)]"
            sourceMap.record(optionPath, choices.place(row: row, nil))
            var option: [String: JSONValue] = [:]
            if let value = choices.trimmedText(row: row, XLSFormColumn.name) {
                option["value"] = .string(XLSFormNames.optionValue(value))
            }
            sourceMap.record(optionPath + ".value", choices.place(row: row, XLSFormColumn.name))
            if let label = translated(choices, row: row, base: XLSFormColumn.label, path: optionPath + ".label") {
                option["label"] = label
            }
            options.append(.object(option))
        }
        return options
    }

    mutating func reportUnusedLists() {
        guard let choices else { return }
        for (list, rows) in choiceRows.sorted(by: { ($0.value.first ?? 0) < ($1.value.first ?? 0) }) where !usedLists.contains(list) {
            report(choices.place(row: rows.first, XLSFormColumn.listName),
                   "ingen spørgsmål bruger listen »\(list)«; den er udeladt", "no question uses the list “\(list)”; it is left out")
        }
    }

    mutating func readContact(_ table: SheetTable) -> JSONValue? {
        var block: [String: JSONValue] = [:]
        sourceMap.record("$.contact", table.place(row: nil, nil))
        for row in table.recordRows where !table.isEmpty(row: row) {
            for problem in table.ignoredValues(row: row) { report(problem) }
            let field = table.trimmedText(row: row, XLSFormColumn.field) ?? ""
            guard let key = XLSFormColumn.contactFields.first(where: { $0.field == field.lowercased() })?.key else {
                let known = XLSFormColumn.contactFields.map(\.field).joined(separator: ", ")
                report(table.place(row: row, XLSFormColumn.field),
                       "ukendt felt »\(field)« i kontaktblokken (kendte felter: \(known)); rækken er udeladt",
                       "unknown field “\(field)” in the contact block (known fields: \(known)); the row is left out")
                continue
            }
            sourceMap.record("$.contact." + key, table.place(row: row, XLSFormColumn.text, language: defaultLanguage))
            if let text = translated(table, row: row, base: XLSFormColumn.text, path: "$.contact." + key) { block[key] = text }
        }
        return block.isEmpty ? nil : .object(block)
    }

    /// A translation object from a base's language columns, with each language's place recorded; nil when all are empty.
    mutating func translated(_ table: SheetTable, row: Int, base: String, path: String) -> JSONValue? {
        var texts: [String: JSONValue] = [:]
        sourceMap.record(path, table.place(row: row, base, language: defaultLanguage))
        for language in Language.allCases {
            sourceMap.record(path + "." + language.rawValue, table.place(row: row, base, language: language))
            if let text = table.text(row: row, base, language: language) { texts[language.rawValue] = .string(text) }
        }
        return texts.isEmpty ? nil : .object(texts)
    }

    /// Yes/no cells: yes, no, true, false, TRUE(), 1, 0, ja, nej and Excel's own TRUE/FALSE; anything else stays text.
    static func boolean(_ value: CellValue) -> JSONValue? {
        switch value {
        case .empty: return nil
        case .bool(let flag): return .bool(flag)
        case .number(let number) where number == 0 || number == 1: return .bool(number == 1)
        default:
            guard let text = value.text?.trimmingCharacters(in: .whitespaces) else { return nil }
            switch text.lowercased() {
            case "yes", "true", "true()", "ja", "1": return .bool(true)
            case "no", "false", "false()", "nej", "0": return .bool(false)
            default: return .string(text)
            }
        }
    }

    /// Number cells, and text that is a number ("2.5" or "2,5"); anything else stays text.
    static func number(_ value: CellValue) -> JSONValue? {
        switch value {
        case .empty: return nil
        case .number(let number): return .number(number)
        default:
            guard let text = value.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            if let number = Double(text.replacingOccurrences(of: ",", with: ".")), number.isFinite { return .number(number) }
            return .string(text)
        }
    }

    /// The words for a file that could not be read as a workbook.
    static func reason(for error: SpreadsheetError) -> LocalizedText {
        switch error {
        case .notAnArchive:
            LocalizedText(da: "filen er ikke en Excel-arbejdsbog (.xlsx); gem den som .xlsx og prøv igen",
                          en: "the file is not an Excel workbook (.xlsx); save it as .xlsx and try again")
        case .missingPart(let part):
            LocalizedText(da: "filen er en ZIP-fil, men ikke en Excel-arbejdsbog: delen \(part) mangler",
                          en: "the file is a ZIP file but not an Excel workbook: the part \(part) is missing")
        case .unreadablePart(let part):
            LocalizedText(da: "filen er beskadiget: delen \(part) kan ikke pakkes ud", en: "the file is damaged: the part \(part) cannot be unpacked")
        case .partTooLarge(let part, let limit):
            LocalizedText(da: "delen \(part) fylder mere end \(limit / 1_048_576) MB udpakket", en: "the part \(part) unpacks to more than \(limit / 1_048_576) MB")
        case .malformedXML(let part, let line, let column, _):
            LocalizedText(da: "filen er beskadiget: delen \(part) er ikke gyldig XML (linje \(line), kolonne \(column))",
                          en: "the file is damaged: the part \(part) is not well-formed XML (line \(line), column \(column))")
        case .missingSheet(let name, let part):
            LocalizedText(da: "arket »\(name)« står i arbejdsbogen, men dets del \(part) mangler",
                          en: "the sheet “\(name)” is listed in the workbook, but its part \(part) is missing")
        case .invalidCellReference(let part, let reference):
            LocalizedText(da: "filen er beskadiget: »\(reference)« i \(part) er ikke en celle", en: "the file is damaged: “\(reference)” in \(part) is not a cell")
        case .invalidSharedString(let part, let cell, _):
            LocalizedText(da: "filen er beskadiget: cellen \(cell) i \(part) peger på en tekst, der ikke findes",
                          en: "the file is damaged: the cell \(cell) in \(part) points to a text that does not exist")
        case .invalidNumber(let part, let cell, let text):
            LocalizedText(da: "filen er beskadiget: cellen \(cell) i \(part) skulle være et tal, men er »\(text)«",
                          en: "the file is damaged: the cell \(cell) in \(part) should be a number but is “\(text)”")
        }
    }
}
