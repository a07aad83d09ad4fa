import ThemeAnalysis

/// The body of `POST /api/analyst/forms/{formId}/decisions`: a correction, naming themes and
/// answers as the page showed them.
struct DecisionBody: Decodable {
    /// The kinds of correction an analyst can make.
    enum Kind: String, CaseIterable {
        case rename, merge, split, move, offTopic
    }

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

    private enum CodingKeys: String, CodingKey {
        case run, kindName = "kind", theme, themes, label, answers, answer, to
    }

    /// The kind, when it is one the service knows.
    var kind: Kind? { kindName.flatMap(Kind.init(rawValue:)) }

    /// The decision; unknown theme keys or answers are a 422 naming the field.
    func decision(against current: ThemeAnalysisResult) throws(AppError) -> ThemeDecision {
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
            var checked: [String] = []
            for id in ids { checked.append(try answerID(id, field: "answers", in: current)) }
            return .split(theme: try reference(theme, field: "theme", in: current), answerIDs: checked,
                          label: try name("label", label, required: true)!)
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
