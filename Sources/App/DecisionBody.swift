import ThemeAnalysis

/// The body of `POST /api/analyst/forms/{formId}/decisions`: a correction, naming themes and
/// answers as the page showed them.
struct DecisionBody: Decodable {
    /// The kinds of correction an analyst can make.
    enum Kind: String, CaseIterable {
        case rename, merge, split, move, moveAnswers, offTopic, moveMatching, splitMatching, themeFromSearch
    }

    /// The longest search query kept with a decision.
    static let maximumQueryLength = 200

    /// The run the page showed.
    let run: Int64?
    /// The kind, as sent (checked by ``decision(against:)``).
    let kindName: String?
    let theme: String?
    let themes: [String]?
    let label: String?
    let answers: [String]?
    let answer: String?
    let to: String?
    /// The search of a search decision (`moveMatching`, `splitMatching`, `themeFromSearch`).
    let query: String?

    private enum CodingKeys: String, CodingKey {
        case run, kindName = "kind", theme, themes, label, answers, answer, to, query
    }

    /// The kind, when it is one the service knows.
    var kind: Kind? { kindName.flatMap(Kind.init(rawValue:)) }

    /// The decision; unknown theme keys or answers, or a search that finds nothing in `search`
    /// (the run's answers), are a 422 naming the field.
    func decision(against current: ThemeAnalysisResult, search: AnswerSearch) throws(AppError) -> ThemeDecision {
        switch kind {
        case .rename:
            return .rename(theme: try reference(theme, field: "theme", in: current), label: try name("label", label, required: true)!)
        case .merge:
            let keys = themes ?? []
            guard keys.count >= 2, Set(keys).count == keys.count else {
                throw .invalidFields([FieldProblem(field: "themes", da: "Vælg mindst to forskellige temaer.",
                                                   en: "Choose at least two different themes.")])
            }
            var references: [ThemeReference] = []
            for key in keys { references.append(try reference(key, field: "themes", in: current)) }
            return .merge(themes: references, label: try name("label", label, required: false))
        case .split:
            let ids = answers ?? []
            guard !ids.isEmpty else {
                throw .invalidFields([FieldProblem(field: "answers", da: "Vælg de svar, der skal skilles ud.",
                                                   en: "Choose the answers to split off.")])
            }
            return .split(theme: try reference(theme, field: "theme", in: current), answerIDs: try answerIDs(ids, in: current),
                          label: try name("label", label, required: true)!)
        case .moveAnswers:
            let ids = answers ?? []
            guard !ids.isEmpty else {
                throw .invalidFields([FieldProblem(field: "answers", da: "Vælg de svar, der skal flyttes.", en: "Choose the answers to move.")])
            }
            return .moveAnswers(answerIDs: try answerIDs(ids, in: current), to: try reference(to, field: "to", in: current))
        case .moveMatching:
            return .moveMatching(query: try searchQuery(in: search), to: try reference(to, field: "to", in: current))
        case .splitMatching:
            let source = try reference(theme, field: "theme", in: current)
            let query = try searchQuery(in: search)
            let inTheme = Set(current.assignments.filter { $0.effectiveThemeKey == source.key }.map(\.id))
            guard search.matches(query).contains(where: inTheme.contains) else {
                throw .invalidFields([FieldProblem(field: "query", da: "Søgningen finder ingen svar i temaet.",
                                                   en: "The search finds no answers in the theme.")])
            }
            return .splitMatching(theme: source, query: query, label: try name("label", label, required: true)!)
        case .themeFromSearch:
            return .themeFromSearch(query: try searchQuery(in: search), label: try name("label", label, required: true)!)
        case .move:
            return .move(answerID: try answerID(answer, field: "answer", in: current), to: try reference(to, field: "to", in: current))
        case .offTopic:
            return .offTopic(answerID: try answerID(answer, field: "answer", in: current))
        case nil:
            let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidFields([FieldProblem(field: "kind", da: "Vælg en af \(kinds).", en: "One of \(kinds).")])
        }
    }

    private func reference(_ key: String?, field: String, in current: ThemeAnalysisResult) throws(AppError) -> ThemeReference {
        guard let key, let reference = current.reference(to: key) else {
            throw .invalidFields([FieldProblem(field: field, da: "Analysen har ikke temaet \"\(key ?? "")\".",
                                               en: "No theme \"\(key ?? "")\" in this run.")])
        }
        return reference
    }

    /// The query of a search decision: words to look for, not too long, finding answers in this run.
    private func searchQuery(in search: AnswerSearch) throws(AppError) -> String {
        let text = (query ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, AnswerSearch.hasWords(text) else {
            throw .invalidFields([FieldProblem(field: "query", da: "Skriv et eller flere ord at søge efter.",
                                               en: "Write one or more words to search for.")])
        }
        guard text.count <= Self.maximumQueryLength else {
            throw .invalidFields([FieldProblem(field: "query", da: "Højst \(Self.maximumQueryLength) tegn.",
                                               en: "At most \(Self.maximumQueryLength) characters.")])
        }
        guard !search.matches(text).isEmpty else {
            throw .invalidFields([FieldProblem(field: "query", da: "Søgningen finder ingen svar i denne analyse.",
                                               en: "The search finds no answers in this run.")])
        }
        return text
    }

    /// Every id checked, each once, in the order given.
    private func answerIDs(_ ids: [String], in current: ThemeAnalysisResult) throws(AppError) -> [String] {
        let known = Set(current.assignments.map(\.id))
        var seen = Set<String>()
        var checked: [String] = []
        for id in ids where seen.insert(id).inserted {
            guard known.contains(id) else {
                throw .invalidFields([FieldProblem(field: "answers", da: "Analysen har ikke svaret \"\(id)\".",
                                                   en: "No answer \"\(id)\" in this run.")])
            }
            checked.append(id)
        }
        return checked
    }

    private func answerID(_ id: String?, field: String, in current: ThemeAnalysisResult) throws(AppError) -> String {
        guard let id, current.assignments.contains(where: { $0.id == id }) else {
            throw .invalidFields([FieldProblem(field: field, da: "Analysen har ikke svaret \"\(id ?? "")\".",
                                               en: "No answer \"\(id ?? "")\" in this run.")])
        }
        return id
    }

    private func name(_ field: String, _ value: String?, required: Bool) throws(AppError) -> String? {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { throw .invalidFields([FieldProblem(field: field, da: "Skriv et navn.", en: "Write a name.")]) }
            return nil
        }
        guard text.count <= 120 else {
            throw .invalidFields([FieldProblem(field: field, da: "Højst 120 tegn.", en: "At most 120 characters.")])
        }
        return text
    }
}
