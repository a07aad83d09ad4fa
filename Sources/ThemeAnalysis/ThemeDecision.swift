/// One correction an analyst made to the themes; kept per form and replayed on every later run.
///
/// Encodes as `{"kind": "rename", "theme": {"key", "terms"}, "label"}`,
/// `{"kind": "merge", "themes": [...], "label"?}`, `{"kind": "split", "theme", "answers", "label"}`,
/// `{"kind": "move", "answer", "to"}` and `{"kind": "offTopic", "answer"}`.
public enum ThemeDecision: Codable, Sendable, Hashable {
    /// Gives a theme a new label.
    case rename(theme: ThemeReference, label: String)
    /// Folds the other themes into the first one, optionally under a new label.
    case merge(themes: [ThemeReference], label: String?)
    /// Moves the given answers out of a theme into a new analyst theme with this label.
    case split(theme: ThemeReference, answerIDs: [String], label: String)
    /// Puts one answer in another theme, and in that theme only.
    case move(answerID: String, to: ThemeReference)
    /// Takes one answer out of every theme into the `off-topic` theme.
    case offTopic(answerID: String)

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
        /// `offTopic`.
        case offTopic
    }

    /// This decision's kind.
    public var kind: Kind {
        switch self {
        case .rename: .rename
        case .merge: .merge
        case .split: .split
        case .move: .move
        case .offTopic: .offTopic
        }
    }

    /// The answers this decision places by hand (the "decided" answers); empty for rename and merge.
    public var answerIDs: [String] {
        switch self {
        case .rename, .merge: []
        case .split(_, let answerIDs, _): answerIDs
        case .move(let answerID, _), .offTopic(let answerID): [answerID]
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, theme, themes, label, answers, answer, to
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
        case .offTopic:
            self = .offTopic(answerID: try container.decode(String.self, forKey: .answer))
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
        case .offTopic(let answerID):
            try container.encode(answerID, forKey: .answer)
        }
    }
}
