import ThemeAnalysis

/// One-line Danish descriptions of analysts' decisions, for the decision list and the report.
enum DecisionWording {
    /// E.g. `Omdøbte “Trafik” til “Cykelstier”`; `labels` names themes by key (the machine's own
    /// names, and the names of themes analysts made). `matched` is how many answers a search
    /// decision gathered in the run being shown.
    static func summary(of decision: ThemeDecision, labels: [String: String], matched: Int? = nil) -> String {
        func name(_ reference: ThemeReference) -> String { "“\(labels[reference.key] ?? reference.key)”" }
        func answers(_ count: Int) -> String { count == 1 ? "1 svar" : "\(count) svar" }
        let inThisRun = matched.map { " (\(answers($0)) i denne analyse)" } ?? ""
        switch decision {
        case .rename(let theme, let label):
            return "Omdøbte \(name(theme)) til “\(label)”"
        case .merge(let themes, let label):
            let names = themes.map(name).joined(separator: ", ")
            return label.map { "Slog \(names) sammen til “\($0)”" } ?? "Slog \(names) sammen"
        case .split(let theme, let answerIDs, let label):
            return "Udskilte \(answers(answerIDs.count)) fra \(name(theme)) som “\(label)”"
        case .move(_, let target):
            return "Flyttede et svar til \(name(target))"
        case .moveAnswers(let answerIDs, let target):
            return "Flyttede \(answers(answerIDs.count)) til \(name(target))"
        case .offTopic:
            return "Markerede et svar som uden for emnet"
        case .moveMatching(let query, let target):
            return "Flyttede svar, der nævner “\(query)”, til \(name(target))\(inThisRun)"
        case .splitMatching(let theme, let query, let label):
            return "Udskilte svar, der nævner “\(query)”, fra \(name(theme)) som “\(label)”\(inThisRun)"
        case .themeFromSearch(let query, let label):
            return "Samlede svar, der nævner “\(query)”, i temaet “\(label)”\(inThisRun)"
        }
    }
}
