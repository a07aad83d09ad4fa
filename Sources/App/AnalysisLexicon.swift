import Synchronization
import ThemeAnalysis

/// The word list the analysis and the answer search read with, loaded at its first use (it is
/// large: 313,000 words), then shared.
final class AnalysisLexicon: Sendable {
    private let loaded = Mutex<Lexicon?>(nil)
    private let load: @Sendable () -> Lexicon

    /// A lexicon `load` reads when it is first needed.
    init(load: @escaping @Sendable () -> Lexicon) {
        self.load = load
    }

    /// The word list.
    var lexicon: Lexicon {
        loaded.withLock { stored in
            if let stored { return stored }
            let lexicon = load()
            stored = lexicon
            return lexicon
        }
    }
}
