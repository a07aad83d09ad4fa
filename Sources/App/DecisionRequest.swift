import Forms
import ThemeAnalysis

/// Reads a correction from the analyst page, naming themes and answers as the page showed them.
enum DecisionRequest {
    /// The decision; unknown theme keys or answers are a 422 naming the field.
    static func decode(_ fields: [String: JSONValue], against current: ThemeAnalysisResult) throws -> ThemeDecision {
        let answers = Set(current.assignments.map(\.id))

        func theme(_ key: String?, field: String) throws -> ThemeReference {
            guard let key, let reference = current.reference(to: key) else {
                throw AppError.invalidFields([FieldProblem(field: field, reason: "no theme \"\(key ?? "")\" in this run")])
            }
            return reference
        }
        func answer(_ id: String?, field: String) throws -> String {
            guard let id, answers.contains(id) else {
                throw AppError.invalidFields([FieldProblem(field: field, reason: "no answer \"\(id ?? "")\" in this run")])
            }
            return id
        }
        func label(_ name: String, required: Bool) throws -> String? {
            let text = (try JSONBody.string(fields, name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                if required { throw AppError.invalidFields([FieldProblem(field: name, reason: "write a name")]) }
                return nil
            }
            guard text.count <= 120 else { throw AppError.invalidFields([FieldProblem(field: name, reason: "at most 120 characters")]) }
            return text
        }

        switch try JSONBody.string(fields, "kind") {
        case "rename":
            return .rename(theme: try theme(try JSONBody.string(fields, "theme"), field: "theme"), label: try label("label", required: true)!)
        case "merge":
            let keys = try JSONBody.strings(fields, "themes")
            guard keys.count >= 2, Set(keys).count == keys.count else {
                throw AppError.invalidFields([FieldProblem(field: "themes", reason: "choose at least two different themes")])
            }
            return .merge(themes: try keys.map { try theme($0, field: "themes") }, label: try label("label", required: false))
        case "split":
            let ids = try JSONBody.strings(fields, "answers")
            guard !ids.isEmpty else { throw AppError.invalidFields([FieldProblem(field: "answers", reason: "choose the answers to split off")]) }
            return .split(theme: try theme(try JSONBody.string(fields, "theme"), field: "theme"),
                          answerIDs: try ids.map { try answer($0, field: "answers") }, label: try label("label", required: true)!)
        case "move":
            return .move(answerID: try answer(try JSONBody.string(fields, "answer"), field: "answer"),
                         to: try theme(try JSONBody.string(fields, "to"), field: "to"))
        case "offTopic":
            return .offTopic(answerID: try answer(try JSONBody.string(fields, "answer"), field: "answer"))
        default:
            throw AppError.invalidFields([FieldProblem(field: "kind", reason: "one of rename, merge, split, move, offTopic")])
        }
    }
}
