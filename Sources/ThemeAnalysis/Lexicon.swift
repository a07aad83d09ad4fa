/// A set of known word forms (e.g. `/usr/share/dict/danish`), passed in by the caller.
///
/// Compound splitting and language detection use it. Without one the analysis still works:
/// compounds are split against the words of the input itself, and language detection relies on
/// stop words and letters.
public struct Lexicon: Sendable {
    /// The known word forms, lower-cased and Unicode-normalised.
    public let words: Set<String>

    /// Builds a lexicon from word forms in any case; blank entries are skipped.
    public init<Words: Sequence>(words: Words) where Words.Element: StringProtocol {
        var set = Set<String>()
        for word in words {
            let normalized = TextNormalizer.fold(String(word))
            if !normalized.isEmpty { set.insert(normalized) }
        }
        self.words = set
    }

    /// Builds a lexicon from text with one word per line (the format of Debian's word lists).
    public init(lines: String) {
        self.init(words: lines.split(whereSeparator: \.isNewline))
    }

    /// An empty lexicon: the degraded mode.
    public static let empty = Lexicon(words: [String]())

    /// Whether the word form is known.
    public func contains(_ word: String) -> Bool {
        words.contains(word)
    }

    /// Whether the lexicon has any words.
    public var isEmpty: Bool { words.isEmpty }
}
