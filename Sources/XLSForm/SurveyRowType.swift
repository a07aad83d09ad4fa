/// What the `type` cell of a survey row says.
enum SurveyRowType: Equatable {
    /// A question (or info) of one of the form's types, with its choice list and whether it has "other".
    case question(type: String, list: String?, allowsOther: Bool)
    /// `begin_group`: a section.
    case beginGroup
    /// `end_group`.
    case endGroup
    /// `begin_repeat`, which a form cannot express.
    case beginRepeat
    /// `end_repeat`.
    case endRepeat
    /// A type the form language does not have (`geopoint`, `calculate`, `start`, ...).
    case unsupported

    /// XLSForm's types and Borgerdialog's own ones, as a form file names them.
    static let simpleTypes: [String: String] = [
        "text": "text", "integer": "number", "int": "number", "decimal": "number", "note": "info",
        "range": "scale", "scale": "scale", "yes_no": "yes_no",
    ]

    /// Reads a type cell such as `select_one colours or_other`, `select one from sexes or specify other`,
    /// `begin group` or `rank themes-list`. List names keep their case.
    init(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let lower = words.map { $0.lowercased() }
        switch lower.first {
        case "select_one", "select_multiple":
            self = Self.choice(type: lower[0] == "select_one" ? "single_choice" : "multiple_choice", words: Array(words.dropFirst()))
        case "select":
            guard lower.count > 1 else { self = .unsupported; return }
            let kind = lower[1]
            var rest = Array(words.dropFirst(2))
            if kind == "all", lower.count > 3, lower[2] == "that", lower[3] == "apply" { rest = Array(words.dropFirst(4)) }
            guard ["one", "multiple", "all"].contains(kind) else { self = .unsupported; return }
            if rest.first?.lowercased() == "from" { rest.removeFirst() }
            self = Self.choice(type: kind == "one" ? "single_choice" : "multiple_choice", words: rest)
        case "rank", "points":
            guard words.count <= 2 else { self = .unsupported; return }
            self = .question(type: lower[0] == "rank" ? "ranking" : "points", list: words.count == 2 ? words[1] : nil, allowsOther: false)
        case "begin_group", "end_group", "begin_repeat", "end_repeat":
            guard words.count == 1 else { self = .unsupported; return }
            self = Self.structure(lower[0])
        case "begin", "end":
            guard lower.count == 2, ["group", "repeat"].contains(lower[1]) else { self = .unsupported; return }
            self = Self.structure(lower[0] + "_" + lower[1])
        case let first?:
            guard words.count == 1, let type = Self.simpleTypes[first] else { self = .unsupported; return }
            self = .question(type: type, list: nil, allowsOther: false)
        case nil:
            self = .unsupported
        }
    }

    private static func choice(type: String, words: [String]) -> SurveyRowType {
        guard let list = words.first else { return .question(type: type, list: nil, allowsOther: false) }
        let rest = words.dropFirst().map { $0.lowercased() }
        switch rest {
        case []: return .question(type: type, list: list, allowsOther: false)
        case ["or_other"], ["or", "specify", "other"]: return .question(type: type, list: list, allowsOther: true)
        default: return .unsupported
        }
    }

    private static func structure(_ word: String) -> SurveyRowType {
        switch word {
        case "begin_group": .beginGroup
        case "end_group": .endGroup
        case "begin_repeat": .beginRepeat
        default: .endRepeat
        }
    }
}
