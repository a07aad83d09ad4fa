import Forms
import Spreadsheets

/// Reading the survey sheet: one question, info or section per row.
extension XLSFormImporter {
    mutating func readSurvey(_ table: SheetTable) -> [JSONValue] {
        var questions: [JSONValue] = []
        var groupDepth = 0
        for row in table.recordRows where !table.isEmpty(row: row) {
            for problem in table.ignoredValues(row: row) { report(problem) }
            let typePlace = table.place(row: row, XLSFormColumn.type)
            guard let typeText = table.trimmedText(row: row, XLSFormColumn.type) else {
                report(typePlace, "rækken har ingen type; den er udeladt", "the row has no type; it is left out")
                continue
            }
            switch SurveyRowType(typeText) {
            case .endGroup:
                if groupDepth == 0 {
                    report(typePlace, "end_group uden begin_group foran", "end_group without a begin_group before it")
                } else {
                    groupDepth -= 1
                }
            case .beginRepeat:
                report(typePlace, "gentagelser (begin_repeat) kan ikke udtrykkes; spørgsmålene i den stilles én gang",
                       "repeats (begin_repeat) cannot be expressed; the questions in it are asked once")
            case .endRepeat:
                break
            case .unsupported:
                let known = "text, integer, decimal, select_one, select_multiple, rank, range, note, begin_group, end_group, scale, yes_no, points"
                report(typePlace, "typen »\(typeText)« findes ikke i Borgerdialog (typerne er \(known)); rækken er udeladt",
                       "the type “\(typeText)” does not exist in Borgerdialog (the types are \(known)); the row is left out")
            case .beginGroup:
                if groupDepth > 0 {
                    report(typePlace, "en gruppe i en gruppe kan ikke udtrykkes; gruppen bliver en ny side",
                           "a group inside a group cannot be expressed; the group becomes a new page")
                }
                groupDepth += 1
                questions.append(readQuestion(table, row: row, type: "section", typeText: typeText, list: nil,
                                              allowsOther: false, index: questions.count))
            case .question(let type, let list, let allowsOther):
                questions.append(readQuestion(table, row: row, type: type, typeText: typeText, list: list,
                                              allowsOther: allowsOther, index: questions.count))
            }
        }
        return questions
    }

    private mutating func readQuestion(
        _ table: SheetTable, row: Int, type: String, typeText: String, list: String?, allowsOther: Bool, index: Int
    ) -> JSONValue {
        let path = "$.questions[\(index)]"
        sourceMap.record(path, table.place(row: row, nil))
        sourceMap.record(path + ".type", table.place(row: row, XLSFormColumn.type))
        sourceMap.record(path + ".options", table.place(row: row, XLSFormColumn.type))
        var question: [String: JSONValue] = ["type": .string(type)]
        sourceMap.record(path + ".id", table.place(row: row, XLSFormColumn.name))
        let id = table.trimmedText(row: row, XLSFormColumn.name).map(XLSFormNames.id)
        if let id { question["id"] = .string(id) }
        for field in XLSFormColumn.questionFields {
            let fieldPath = path + "." + field.key
            if field.kind == .translated {
                if let text = translated(table, row: row, base: field.column, path: fieldPath) { question[field.key] = text }
                continue
            }
            let place = table.place(row: row, field.column)
            sourceMap.record(fieldPath, place)
            let cell = table.value(row: row, field.column)
            switch field.kind {
            case .flag:
                guard let flag = Self.boolean(cell) else { continue }
                if field.key == "required", flag.boolValue == nil {
                    report(place, "required kan kun være yes eller no; et udtryk kan ikke udtrykkes, og cellen er udeladt",
                           "required can only be yes or no; an expression cannot be expressed, and the cell is left out")
                    continue
                }
                question[field.key] = flag
            case .number:
                if let number = Self.number(cell) { question[field.key] = number }
            case .word:
                if let word = table.trimmedText(row: row, field.column) { question[field.key] = .string(word) }
            case .list:
                if let text = table.trimmedText(row: row, field.column) {
                    let words = text.split { $0.isWhitespace || $0 == "," }.map { JSONValue.string(String($0)) }
                    question[field.key] = .array(words)
                }
            case .translated:
                break
            }
        }
        readTypeDetails(table, row: row, typeText: typeText, allowsOther: allowsOther, into: &question)
        readAppearance(table, row: row, type: type, into: &question)
        if let list {
            if let options = options(ofList: list, path: path + ".options") {
                question["options"] = .array(options)
            } else {
                report(table.place(row: row, XLSFormColumn.type), "listen »\(list)« findes ikke i arket choices",
                       "the list “\(list)” does not exist in the choices sheet")
                coveredPaths.append(path + ".options")
            }
        } else if type == "single_choice" || type == "multiple_choice" {
            report(table.place(row: row, XLSFormColumn.type), "\(typeText) mangler navnet på en liste i arket choices",
                   "\(typeText) lacks the name of a list in the choices sheet")
            coveredPaths.append(path + ".options")
        }
        if let expression = table.trimmedText(row: row, XLSFormColumn.relevant) {
            let place = table.place(row: row, XLSFormColumn.relevant)
            sourceMap.record(path + ".showIf", place)
            do {
                let condition = try RelevantExpression.condition(expression) { targets[$0] }
                question["showIf"] = .object(condition)
            } catch {
                report(XLSFormProblem(sheet: place.sheet, row: place.row, column: place.column, cell: place.cell,
                                      reason: LocalizedText(da: error.reason.da + "; betingelsen er udeladt",
                                                            en: error.reason.en + "; the condition is left out")))
            }
        }
        if let id, let target = Self.target(of: question) { targets[id] = target }
        return .object(question)
    }

    /// `integer`, `or_other` and `range`'s parameters, where the row's own columns do not already say.
    private mutating func readTypeDetails(_ table: SheetTable, row: Int, typeText: String, allowsOther: Bool,
                                          into question: inout [String: JSONValue]) {
        let firstWord = typeText.split(whereSeparator: \.isWhitespace).first?.lowercased()
        if firstWord == "integer" || firstWord == "int", question["integer"] == nil { question["integer"] = .bool(true) }
        if allowsOther, question["allowOther"] == nil { question["allowOther"] = .bool(true) }
        if let parameters = table.trimmedText(row: row, XLSFormColumn.parameters) {
            let place = table.place(row: row, XLSFormColumn.parameters)
            if firstWord == "range" {
                readRangeParameters(parameters, place: place, into: &question)
            } else {
                report(place, "Borgerdialog bruger kun parameters for range; værdien er udeladt",
                       "Borgerdialog uses parameters only for range; the value is left out")
            }
        }
        if firstWord == "range" {
            // XLSForm's range runs from 1 to 10 unless its parameters say otherwise.
            if question["min"] == nil { question["min"] = .number(1) }
            if question["max"] == nil { question["max"] = .number(10) }
        }
    }

    /// `start=1 end=5 step=1`: start and end become the scale's ends; a step other than 1 cannot be said.
    private mutating func readRangeParameters(_ parameters: String, place: SourceMap.Place, into question: inout [String: JSONValue]) {
        for pair in parameters.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.count == 2, let number = Double(parts[1]) else { continue }
            switch parts[0] {
            case "start" where question["min"] == nil: question["min"] = .number(number)
            case "end" where question["max"] == nil: question["max"] = .number(number)
            case "step" where number != 1:
                report(place, "en skala går i trin på 1; step=\(parts[1]) kan ikke udtrykkes",
                       "a scale goes in steps of 1; step=\(parts[1]) cannot be expressed")
            default: break
            }
        }
    }

    /// `appearance`: `multiline` makes a text multi-line, `field-list` is what a section already is;
    /// other appearances change only how other tools draw a question, and are reported.
    private mutating func readAppearance(_ table: SheetTable, row: Int, type: String, into question: inout [String: JSONValue]) {
        guard let appearance = table.trimmedText(row: row, XLSFormColumn.appearance) else { return }
        let place = table.place(row: row, XLSFormColumn.appearance)
        for word in appearance.split(whereSeparator: \.isWhitespace).map({ $0.lowercased() }) {
            switch (word, type) {
            case ("multiline", "text"):
                if question["multiline"] == nil { question["multiline"] = .bool(true) }
            case ("field-list", "section"):
                break
            default:
                report(place, "udseendet »\(word)« bruges ikke; Borgerdialog viser spørgsmålet på sin egen måde",
                       "the appearance “\(word)” is not used; Borgerdialog shows the question its own way")
            }
        }
    }

    /// What a question being read holds, for the values of later conditions.
    private static func target(of question: [String: JSONValue]) -> ConditionTarget? {
        switch question["type"]?.stringValue {
        case "single_choice": .choice(multiple: false)
        case "multiple_choice": .choice(multiple: true)
        case "yes_no": .yesNo
        case "scale": .scale(minimum: question["min"]?.integerValue ?? 1, maximum: question["max"]?.integerValue ?? 5)
        case "number": .number
        case "text": .text
        default: nil
        }
    }
}
