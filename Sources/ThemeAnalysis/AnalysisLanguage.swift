/// A language the analysis can normalise and stem.
public enum AnalysisLanguage: String, Sendable, Codable, CaseIterable {
    /// Danish (the default for answers that give no clear sign).
    case danish = "da"
    /// English.
    case english = "en"

    /// The libstemmer algorithm name.
    var snowballAlgorithm: String {
        switch self {
        case .danish: "danish"
        case .english: "english"
        }
    }

    /// The embedded stop-word list.
    var stopWords: Set<String> {
        switch self {
        case .danish: StopWords.danish
        case .english: StopWords.english
        }
    }

    /// The embedded filler-word list (`FillerWords`).
    var fillerWords: Set<String> {
        switch self {
        case .danish: FillerWords.danish
        case .english: FillerWords.english
        }
    }
}

/// How the language of each answer is chosen.
public enum LanguageSelection: String, Sendable, Codable, CaseIterable {
    /// Detect per answer (stop words, Danish letters, the lexicon); undecided answers take the
    /// majority language of the input.
    case automatic = "auto"
    /// Treat every answer as Danish.
    case danish = "da"
    /// Treat every answer as English.
    case english = "en"
}
