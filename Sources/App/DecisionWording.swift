import ThemeAnalysis

/// One-line Danish descriptions of analysts' decisions, for the decision list and the report.
enum DecisionWording {
    /// E.g. `Omdøbte “Trafik” til “Cykelstier”`; `labels` names themes by key as the machine made them.
    static func summary(of decision: ThemeDecision, labels: [String: String]) -> String {
        func name(_ reference: ThemeReference) -> String { "“\(labels[reference.key] ?? reference.key)”" }
        switch decision {
        case .rename(let theme, let label):
            return "Omdøbte \(name(theme)) til “\(label)”"
        case .merge(let themes, let label):
            let names = themes.map(name).joined(separator: ", ")
            return label.map { "Slog \(names) sammen til “\($0)”" } ?? "Slog \(names) sammen"
        case .split(let theme, let answerIDs, let label):
            return "Udskilte \(answerIDs.count) svar fra \(name(theme)) som “\(label)”"
        case .move(_, let target):
            return "Flyttede et svar til \(name(target))"
        case .offTopic:
            return "Markerede et svar som uden for emnet"
        case .moveMatching(let query, let target):
            return "Flyttede svar med “\(query)” til \(name(target))"
        case .splitMatching(let theme, let query, let label):
            return "Udskilte svar med “\(query)” fra \(name(theme)) som “\(label)”"
        case .themeFromSearch(let query, let label):
            return "Samlede svar med “\(query)” i temaet “\(label)”"
        }
    }
}
