/// A set of known word forms (e.g. `/usr/share/dict/danish`), passed in by the caller.
///
/// Compound splitting and language detection use it. Without one the analysis still works:
/// compounds are split against the words of the input itself, and language detection relies on
/// stop words and letters.
public struct Lexicon: Sendable {
    /// The known word forms, lower-cased and Unicode-normalised (`TextNormalizer.fold`).
    private var words: WordSet

    /// Builds a lexicon from word forms in any case; blank entries are skipped.
    public init<Words: Sequence>(words: Words) where Words.Element: StringProtocol {
        var set = WordSet()
        for word in words {
            let normalized = TextNormalizer.fold(String(word))
            if !normalized.isEmpty { set.insert(normalized) }
        }
        self.words = set
    }

    /// Builds a lexicon from text with one word per line (the format of Debian's word lists).
    public init(lines: String) {
        var text = lines
        var set = WordSet(capacity: text.utf8.count / 10)
        text.withUTF8 { Self.insertLines(of: $0, into: &set) }
        self.words = set
    }

    /// An empty lexicon: the degraded mode.
    public static let empty = Lexicon(words: [String]())

    /// Whether the word form (folded like the lexicon) is known.
    public func contains(_ word: String) -> Bool {
        words.contains(word)
    }

    /// Whether the lexicon has any words.
    public var isEmpty: Bool { words.count == 0 }

    /// Number of distinct word forms.
    public var count: Int { words.count }

    /// Folds each line on its bytes when that is certain to equal `TextNormalizer.fold` (ASCII and
    /// precomposed Latin-1 letters, which NFKC leaves alone and lower-casing moves by 0x20); other
    /// lines, a fifth of Debian's list at most, take the full Unicode path.
    private static func insertLines(of text: UnsafeBufferPointer<UInt8>, into set: inout WordSet) {
        var folded: [UInt8] = []
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, !isLineBreak(text[lineEnd]) { lineEnd += 1 }
            if lineEnd > lineStart {
                let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
                if foldLatin(line, into: &folded) {
                    folded.withUnsafeBufferPointer { set.insert($0) }
                } else {
                    for word in String(decoding: line, as: UTF8.self).split(whereSeparator: \.isNewline) {
                        let normalized = TextNormalizer.fold(String(word))
                        if !normalized.isEmpty { set.insert(normalized) }
                    }
                }
            }
            lineStart = lineEnd + 1
        }
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// Lower-cases a line of ASCII and U+00C0…U+00FF letters into `folded`; false for anything else.
    private static func foldLatin(_ line: UnsafeBufferPointer<UInt8>, into folded: inout [UInt8]) -> Bool {
        folded.removeAll(keepingCapacity: true)
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte < 0x80 {
                folded.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                index += 1
                continue
            }
            // C3 80…C3 BF is U+00C0…U+00FF; × (C3 97) and ÷ (C3 B7) are not letters.
            guard byte == 0xC3, index + 1 < line.count else { return false }
            let next = line[index + 1]
            guard next >= 0x80, next <= 0xBF, next != 0x97, next != 0xB7 else { return false }
            folded.append(0xC3)
            folded.append(next <= 0x9E ? next + 0x20 : next)
            index += 2
        }
        return true
    }
}
