/// What a stored vector is of: an answer (read as a passage) or a theme's name and description
/// (read as a query); the model reads the two differently, so they are kept apart.
public enum TextVectorKind: String, Sendable, Hashable, CaseIterable {
    /// A citizen's answer.
    case passage
    /// A short text that describes, like a theme's name.
    case query
}
