import Forms
import Spreadsheets

/// Writing the survey and choices sheets.
extension XLSFormWriter {
    static func writeSurvey(
        _ questions: [JSONValue], targets: [String: ConditionTarget], survey: inout SheetBuilder, choices: inout SheetBuilder
    ) throws(XLSFormExportError) {
        var isInGroup = false
        for (index, value) in questions.enumerated() {
            let question = value.objectValue ?? [:]
            let id = question["id"]?.stringValue ?? ""
            let type = question["type"]?.stringValue ?? ""
            if type == "section" {
                // A section starts a page; the page is a group that ends where the next one begins.
                if isInGroup { survey.append([XLSFormColumn.type: .text("end_group")]) }
                isInGroup = true
            }
            var row: [String: CellValue] = [XLSFormColumn.type: .text(typeText(question)), XLSFormColumn.name: .text(id)]
            for field in XLSFormColumn.questionFields {
                guard let member = question[field.key], !isWrittenInType(field.key, member) else { continue }
                switch field.kind {
                case .translated:
                    row.put(translation: member, base: field.column)
                case .flag:
                    if let flag = member.boolValue { row[field.column] = .text(flag ? "yes" : "no") }
                case .number:
                    if let number = member.numberValue { row[field.column] = .number(number) }
                case .word:
                    if let word = member.stringValue { row[field.column] = .text(word) }
                case .list:
                    row[field.column] = .text((member.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " "))
                }
            }
            if question["multiline"] == .bool(true) { row[XLSFormColumn.appearance] = .text("multiline") }
            if let condition = question["showIf"]?.objectValue {
                let target = condition["question"]?.stringValue.flatMap { targets[$0] } ?? .text
                do {
                    row[XLSFormColumn.relevant] = .text(try RelevantExpression.text(of: condition, target: target))
                } catch {
                    throw XLSFormExportError(place: "$.questions[\(index)].showIf", reason: error.reason)
                }
            }
            survey.append(row)
            for option in question["options"]?.arrayValue ?? [] {
                var choice: [String: CellValue] = [XLSFormColumn.listName: .text(id)]
                if let value = option.objectValue?["value"]?.stringValue { choice[XLSFormColumn.name] = .text(value) }
                choice.put(translation: option.objectValue?["label"], base: XLSFormColumn.label)
                choices.append(choice)
            }
        }
        if isInGroup { survey.append([XLSFormColumn.type: .text("end_group")]) }
    }

    /// The `type` cell: XLSForm's type where it has one, with the list (named after the question) and `or_other`.
    private static func typeText(_ question: [String: JSONValue]) -> String {
        let id = question["id"]?.stringValue ?? ""
        let list = question["options"] == nil ? "" : " " + id
        let other = question["allowOther"] == .bool(true) ? " or_other" : ""
        switch question["type"]?.stringValue ?? "" {
        case "section": return "begin_group"
        case "info": return "note"
        case "number": return question["integer"] == .bool(true) ? "integer" : "decimal"
        case "single_choice": return "select_one" + list + other
        case "multiple_choice": return "select_multiple" + list + other
        case "ranking": return "rank" + list
        case "points": return "points" + list
        case let type: return type
        }
    }

    /// Fields that the type cell or the appearance already say when they are true.
    private static func isWrittenInType(_ key: String, _ value: JSONValue) -> Bool {
        ["multiline", "allowOther", "integer"].contains(key) && value == .bool(true)
    }
}
