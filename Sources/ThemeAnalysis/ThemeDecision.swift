/// One correction an analyst made to the themes; kept per form and replayed on every later run.
///
/// Encodes as `{"kind": "rename", "theme": {"key", "terms"}, "label"}`,
/// `{"kind": "merge", "themes": [...], "label"?}`, `{"kind": "split", "theme", "answers", "label"}`,
/// `{"kind": "move", "answer", "to"}`, `{"kind": "moveAnswers", "answers", "to"}`, `{"kind": "offTopic", "answer"}`,
/// and the search decisions
/// `{"kind": "moveMatching", "query", "to"}`, `{"kind": "splitMatching", "theme", "query", "label"}`
/// and `{"kind": "themeFromSearch", "query", "label"}`, whose query is evaluated again on every run's
/// answers (`AnswerSearch`), so one decision keeps gathering the answers it describes.
public enum ThemeDecision: Codable, Sendable, Hashable {
    /// Gives a theme a new label.
    case rename(theme: ThemeReference, label: String)
    /// Folds the other themes into the first one, optionally under a new label.
    case merge(themes: [ThemeReference], label: String?)
    /// Moves the given answers out of a theme into a new analyst theme with this label.
    case split(theme: ThemeReference, answerIDs: [String], label: String)
    /// Puts one answer in another theme, and in that theme only.
    case move(answerID: String, to: ThemeReference)
    /// Puts several answers (chosen by hand) in another theme, and in that theme only: one decision.
    case moveAnswers(answerIDs: [String], to: ThemeReference)
    /// Takes one answer out of every theme into the `off-topic` theme.
    case offTopic(answerID: String)
    /// Puts every answer matching the query in another theme, and in that theme only.
    case moveMatching(query: String, to: ThemeReference)
    /// Moves the answers of a theme that match the query into a new analyst theme with this label.
    case splitMatching(theme: ThemeReference, query: String, label: String)
    /// Makes a new analyst theme of every answer matching the query: it becomes their first theme,
    /// and the themes they had stay as further themes.
    case themeFromSearch(query: String, label: String)

    /// The kinds of decision, as written in the `kind` field.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// `rename`.
        case rename
        /// `merge`.
        case merge
        /// `split`.
        case split
        /// `move`.
        case move
        /// `moveAnswers`.
        case moveAnswers
        /// `offTopic`.
        case offTopic
        /// `moveMatching`.
        case moveMatching
        /// `splitMatching`.
        case splitMatching
        /// `themeFromSearch`.
        case themeFromSearch
    }

    /// This decision's kind.
    public var kind: Kind {
        switch self {
        case .rename: .rename
        case .merge: .merge
        case .split: .split
        case .move: .move
        case .moveAnswers: .moveAnswers
        case .offTopic: .offTopic
        case .moveMatching: .moveMatching
        case .splitMatching: .splitMatching
        case .themeFromSearch: .themeFromSearch
        }
    }

    /// The search query of a search decision; nil for the others.
    public var query: String? {
        switch self {
        case .moveMatching(let query, _), .splitMatching(_, let query, _), .themeFromSearch(let query, _): query
        default: nil
        }
    }

    /// The answers this decision names (the "decided" answers); empty for rename and merge, and for
    /// search decisions, whose answers depend on the run (`DecisionOutcome.answerIDs` has them).
    public var answerIDs: [String] {
        switch self {
        case .rename, .merge, .moveMatching, .splitMatching, .themeFromSearch: []
        case .split(_, let answerIDs, _), .moveAnswers(let answerIDs, _): answerIDs
        case .move(let answerID, _), .offTopic(let answerID): [answerID]
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, theme, themes, label, answers, answer, to, query
    }

    /// Decodes a decision from its `kind` and that kind's fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .rename:
            self = .rename(
                theme: try container.decode(ThemeReference.self, forKey: .theme),
                label: try container.decode(String.self, forKey: .label)
            )
        case .merge:
            self = .merge(
                themes: try container.decode([ThemeReference].self, forKey: .themes),
                label: try container.decodeIfPresent(String.self, forKey: .label)
            )
        case .split:
            self = .split(
                theme: try container.decode(ThemeReference.self, forKey: .theme),
                answerIDs: try container.decode([String].self, forKey: .answers),
                label: try container.decode(String.self, forKey: .label)
            )
        case .move:
            self = .move(
                answerID: try container.decode(String.self, forKey: .answer),
                to: try container.decode(ThemeReference.self, forKey: .to)
            )
        case .moveAnswers:
            self = .moveAnswers(
                answerIDs: try container.decode([String].self, forKey: .answers),
                to: try container.decode(ThemeReference.self, forKey: .to)
            )
        case .offTopic:
            self = .offTopic(answerID: try container.decode(String.self, forKey: .answer))
        case .moveMatching:
            self = .moveMatching(
                query: try container.decode(String.self, forKey: .query),
                to: try container.decode(ThemeReference.self, forKey: .to)
            )
        case .splitMatching:
            self = .splitMatching(
                theme: try container.decode(ThemeReference.self, forKey: .theme),
                query: try container.decode(String.self, forKey: .query),
                label: try container.decode(String.self, forKey: .label)
            )
        case .themeFromSearch:
            self = .themeFromSearch(
                query: try container.decode(String.self, forKey: .query),
                label: try container.decode(String.self, forKey: .label)
            )
        }
    }

    /// Encodes the decision with its `kind` and that kind's fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .rename(let theme, let label):
            try container.encode(theme, forKey: .theme)
            try container.encode(label, forKey: .label)
        case .merge(let themes, let label):
            try container.encode(themes, forKey: .themes)
            try container.encodeIfPresent(label, forKey: .label)
        case .split(let theme, let answerIDs, let label):
            try container.encode(theme, forKey: .theme)
            try container.encode(answerIDs, forKey: .answers)
            try container.encode(label, forKey: .label)
        case .move(let answerID, let target):
            try container.encode(answerID, forKey: .answer)
            try container.encode(target, forKey: .to)
        case .moveAnswers(let answerIDs, let target):
            try container.encode(answerIDs, forKey: .answers)
            try container.encode(target, forKey: .to)
        case .offTopic(let answerID):
            try container.encode(answerID, forKey: .answer)
        case .moveMatching(let query, let target):
            try container.encode(query, forKey: .query)
            try container.encode(target, forKey: .to)
        case .splitMatching(let theme, let query, let label):
            try container.encode(theme, forKey: .theme)
            try container.encode(query, forKey: .query)
            try container.encode(label, forKey: .label)
        case .themeFromSearch(let query, let label):
            try container.encode(query, forKey: .query)
            try container.encode(label, forKey: .label)
        }
    }
}
