import Forms

/// XLSForm's `relevant` expressions ⇄ a form's `showIf`, for the expressions a condition can say.
///
/// A condition looks at one earlier answer and lists the values that show the question:
/// `${q} = 'x'`, `selected(${q}, 'x')` (for a select_multiple: any picked option matches),
/// several of them joined by `or`, and for a scale the comparisons `<`, `<=`, `>`, `>=`, which
/// become the list of scale values they allow. A one-value list is written in brackets,
/// `(${q} = 'x')`, so it reads back as a list. `and`, `not`, `!=` and functions other than
/// `selected` cannot be said as a condition.
enum RelevantExpression {
    /// Why an expression cannot become a condition.
    struct Unsupported: Error {
        let reason: LocalizedText
    }

    // MARK: Writing

    /// The expression for a `showIf` object (`question` and `equals` or `in`); `name` is how the target is written.
    static func text(of condition: [String: JSONValue], target: ConditionTarget) throws(Unsupported) -> String {
        let question = condition["question"]?.stringValue ?? ""
        let values: [JSONValue]
        let isList: Bool
        if let list = condition["in"]?.arrayValue {
            values = list
            isList = true
        } else {
            values = condition["equals"].map { [$0] } ?? []
            isList = false
        }
        var terms: [String] = []
        for value in values {
            let literal = try literalText(value, target: target)
            if case .choice(multiple: true) = target {
                terms.append("selected(${\(question)}, \(literal))")
            } else {
                terms.append("${\(question)} = \(literal)")
            }
        }
        let joined = terms.joined(separator: " or ")
        return isList && terms.count == 1 ? "(" + joined + ")" : joined
    }

    private static func literalText(_ value: JSONValue, target: ConditionTarget) throws(Unsupported) -> String {
        switch value {
        case .bool(let flag) where target == .yesNo: return flag ? "'yes'" : "'no'"
        case .bool(let flag): return flag ? "true()" : "false()"
        case .number: return value.jsonText
        case .string(let text):
            if !text.contains("'") { return "'" + text + "'" }
            if !text.contains("\"") { return "\"" + text + "\"" }
            throw Unsupported(reason: LocalizedText(
                da: "teksten \(value.jsonText) har både ' og \" og kan ikke skrives i et XLSForm-udtryk",
                en: "the text \(value.jsonText) has both ' and \" and cannot be written in an XLSForm expression"))
        default:
            return value.jsonText
        }
    }

    // MARK: Reading

    /// The `showIf` object for an expression. `target` tells what the named question holds
    /// (nil when it is unknown or later; the form decoder reports that).
    static func condition(
        _ expression: String, target: (String) -> ConditionTarget?
    ) throws(Unsupported) -> [String: JSONValue] {
        var parser = Parser(tokens: try tokenize(expression))
        let (terms, isBracketed) = try parser.parseWhole()
        guard let question = terms.first?.question else { throw Unsupported(reason: empty) }
        guard terms.allSatisfy({ $0.question == question }) else {
            throw Unsupported(reason: LocalizedText(
                da: "en betingelse kan kun se på ét tidligere svar; udtrykket nævner flere spørgsmål",
                en: "a condition can look at only one earlier answer; the expression names several questions"))
        }
        let id = XLSFormNames.id(question)
        let kind = target(id)
        var values: [JSONValue] = []
        var usesComparison = false
        for term in terms {
            for value in try termValues(term, target: kind) where !values.contains(value) { values.append(value) }
            usesComparison = usesComparison || term.comparison != .equal
        }
        if terms.count == 1, !isBracketed, !usesComparison, let value = values.first {
            return ["question": .string(id), "equals": value]
        }
        return ["question": .string(id), "in": .array(values)]
    }

    private static let empty = LocalizedText(da: "udtrykket er tomt", en: "the expression is empty")

    private static func termValues(_ term: Term, target: ConditionTarget?) throws(Unsupported) -> [JSONValue] {
        guard term.comparison != .equal else { return [typed(term.literal, target: target)] }
        guard case .scale(let minimum, let maximum)? = target, let bound = term.literal.number else {
            throw Unsupported(reason: LocalizedText(
                da: "sammenligningen \(term.comparison.rawValue) kan kun bruges på en skala; brug = og or",
                en: "the comparison \(term.comparison.rawValue) can only be used on a scale; use = and or"))
        }
        let allowed = (minimum...maximum).filter { value in
            let number = Double(value)
            return switch term.comparison {
            case .less: number < bound
            case .lessOrEqual: number <= bound
            case .greater: number > bound
            case .greaterOrEqual: number >= bound
            case .equal: number == bound
            }
        }
        return allowed.map { .number(Double($0)) }
    }

    /// A literal as the value type the target question stores.
    private static func typed(_ literal: Literal, target: ConditionTarget?) -> JSONValue {
        switch target {
        case .choice?:
            return .string(XLSFormNames.optionValue(literal.text))
        case .yesNo?:
            switch literal.text.lowercased() {
            case "yes", "true", "1", "ja": return .bool(true)
            case "no", "false", "0", "nej": return .bool(false)
            default: return .string(literal.text)
            }
        case .scale?, .number?:
            if let number = literal.number { return .number(number) }
            return .string(literal.text)
        case .text?:
            return .string(literal.text)
        case nil:
            switch literal {
            case .string(let text): return .string(text)
            case .number(let number): return .number(number)
            case .bool(let flag): return .bool(flag)
            }
        }
    }

    // MARK: Tokens and grammar

    fileprivate enum Token: Equatable {
        case reference(String), string(String), number(Double), word(String), open, close, comma
        case comparison(Comparison)
    }

    fileprivate enum Comparison: String {
        case equal = "=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

        /// The comparison seen from the other side: `3 < ${q}` is `${q} > 3`.
        var flipped: Comparison {
            switch self {
            case .equal: .equal
            case .less: .greater
            case .lessOrEqual: .greaterOrEqual
            case .greater: .less
            case .greaterOrEqual: .lessOrEqual
            }
        }
    }

    fileprivate enum Literal {
        case string(String), number(Double), bool(Bool)

        var text: String {
            switch self {
            case .string(let text): text
            case .number(let number): JSONValue.number(number).jsonText
            case .bool(let flag): flag ? "true" : "false"
            }
        }

        var number: Double? {
            switch self {
            case .number(let number): number
            case .string(let text): Double(text.trimmingCharacters(in: .whitespaces))
            case .bool: nil
            }
        }
    }

    fileprivate struct Term {
        let question: String
        let comparison: Comparison
        let literal: Literal
    }

    private static func tokenize(_ text: String) throws(Unsupported) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        func unsupported(_ danish: String, _ english: String) -> Unsupported {
            Unsupported(reason: LocalizedText(da: danish, en: english))
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case " ", "\t", "\n", "\r":
                index += 1
            case "$":
                guard index + 1 < characters.count, characters[index + 1] == "{",
                      let close = characters[(index + 2)...].firstIndex(of: "}") else {
                    throw unsupported("${ uden } i udtrykket", "${ without } in the expression")
                }
                tokens.append(.reference(String(characters[(index + 2)..<close]).trimmingCharacters(in: .whitespaces)))
                index = close + 1
            case "'", "\"":
                guard let close = characters[(index + 1)...].firstIndex(of: character) else {
                    throw unsupported("en tekst i udtrykket mangler sit slutcitationstegn", "a text in the expression lacks its closing quote")
                }
                tokens.append(.string(String(characters[(index + 1)..<close])))
                index = close + 1
            case "(": tokens.append(.open); index += 1
            case ")": tokens.append(.close); index += 1
            case ",": tokens.append(.comma); index += 1
            case "=":
                tokens.append(.comparison(.equal))
                index += characters.indices.contains(index + 1) && characters[index + 1] == "=" ? 2 : 1
            case "<", ">":
                let orEqual = characters.indices.contains(index + 1) && characters[index + 1] == "="
                let comparison: Comparison = character == "<" ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)
                tokens.append(.comparison(comparison))
                index += orEqual ? 2 : 1
            case "!":
                throw unsupported("!= kan ikke bruges: en betingelse siger, hvilke svar der viser spørgsmålet, ikke hvilke der ikke gør",
                                  "!= cannot be used: a condition says which answers show the question, not which do not")
            case "0"..."9", "-", ".":
                var end = index + 1
                while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
                guard let number = Double(String(characters[index..<end])) else {
                    throw unsupported("\(String(characters[index..<end])) er ikke et tal", "\(String(characters[index..<end])) is not a number")
                }
                tokens.append(.number(number))
                index = end
            default:
                guard character.isLetter || character == "_" else {
                    throw unsupported("tegnet \(character) kan ikke bruges i en betingelse", "the character \(character) cannot be used in a condition")
                }
                var end = index + 1
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" || characters[end] == "-" {
                    end += 1
                }
                tokens.append(.word(String(characters[index..<end]).lowercased()))
                index = end
            }
        }
        return tokens
    }

    /// Reads `term or term or ...`, where a term is a comparison, `selected(...)` or a bracketed expression.
    fileprivate struct Parser {
        let tokens: [Token]
        var position = 0

        init(tokens: [Token]) {
            self.tokens = tokens
        }

        private var current: Token? { position < tokens.count ? tokens[position] : nil }

        /// The terms of the whole expression, and whether it was one bracketed expression.
        mutating func parseWhole() throws(Unsupported) -> ([Term], Bool) {
            let isBracketed = current == .open && closingBracket(of: 0) == tokens.count - 1
            let terms = try parseOr()
            guard position == tokens.count else { throw unexpected() }
            return (terms, isBracketed)
        }

        /// The index of the bracket that closes the one at `start`.
        private func closingBracket(of start: Int) -> Int? {
            var depth = 0
            for index in start..<tokens.count {
                if tokens[index] == .open { depth += 1 }
                if tokens[index] == .close {
                    depth -= 1
                    if depth == 0 { return index }
                }
            }
            return nil
        }

        private mutating func parseOr() throws(Unsupported) -> [Term] {
            var terms = try parseTerm()
            while current == .word("or") {
                position += 1
                terms += try parseTerm()
            }
            if case .word(let word)? = current, word == "and" {
                throw Unsupported(reason: LocalizedText(
                    da: "and kan ikke bruges: en betingelse ser på ét svar og viser spørgsmålet for en liste af værdier",
                    en: "and cannot be used: a condition looks at one answer and shows the question for a list of values"))
            }
            return terms
        }

        private mutating func parseTerm() throws(Unsupported) -> [Term] {
            switch current {
            case .open?:
                position += 1
                let terms = try parseOr()
                guard current == .close else { throw unexpected() }
                position += 1
                return terms
            case .word("selected")?:
                position += 1
                guard current == .open else { throw unexpected() }
                position += 1
                guard case .reference(let question)? = current else { throw unexpected() }
                position += 1
                guard current == .comma else { throw unexpected() }
                position += 1
                let literal = try parseLiteral()
                guard current == .close else { throw unexpected() }
                position += 1
                return [Term(question: question, comparison: .equal, literal: literal)]
            case .reference(let question)?:
                position += 1
                guard case .comparison(let comparison)? = current else { throw unexpected() }
                position += 1
                return [Term(question: question, comparison: comparison, literal: try parseLiteral())]
            case .string?, .number?:
                let literal = try parseLiteral()
                guard case .comparison(let comparison)? = current else { throw unexpected() }
                position += 1
                guard case .reference(let question)? = current else { throw unexpected() }
                position += 1
                return [Term(question: question, comparison: comparison.flipped, literal: literal)]
            case .word(let word)?:
                throw Unsupported(reason: LocalizedText(
                    da: "\(word) kan ikke bruges i en betingelse (kun ${spørgsmål} = 'værdi', selected(...) og or)",
                    en: "\(word) cannot be used in a condition (only ${question} = 'value', selected(...) and or)"))
            default:
                throw unexpected()
            }
        }

        private mutating func parseLiteral() throws(Unsupported) -> Literal {
            switch current {
            case .string(let text)?:
                position += 1
                return .string(text)
            case .number(let number)?:
                position += 1
                return .number(number)
            case .word(let word)? where word == "true" || word == "false":
                position += 1
                if current == .open, position + 1 < tokens.count, tokens[position + 1] == .close { position += 2 }
                return .bool(word == "true")
            default:
                throw unexpected()
            }
        }

        private func unexpected() -> Unsupported {
            Unsupported(reason: LocalizedText(
                da: "udtrykket kan ikke læses som en betingelse (brug ${spørgsmål} = 'værdi' eller selected(${spørgsmål}, 'værdi'), evt. med or)",
                en: "the expression cannot be read as a condition (use ${question} = 'value' or selected(${question}, 'value'), joined by or)"))
        }
    }
}
