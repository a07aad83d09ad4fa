import Foundation

/// One index term produced from a word: a stem, and the word form to show for it.
public struct IndexTerm: Hashable, Sendable {
    /// The stem used for matching (Snowball).
    public let stem: String
    /// The lower-cased form as written (or the compound part), shown in labels.
    public let surface: String
}

/// Turns text into index terms: Unicode normalisation, case folding, tokens, language detection,
/// stop words, compound splitting and Snowball stemming.
///
/// It caches per word, and owns Snowball stemmers, so it is not thread-safe: use one per run.
public final class TextNormalizer {
    private let lexicon: Lexicon
    private let splitter: CompoundSplitter
    private let stemmers: [AnalysisLanguage: SnowballStemmer]
    /// Names (folded): never split into parts, so Frederikshavn does not become "havn".
    private let names: Set<String>
    private var cache: [AnalysisLanguage: [String: [IndexTerm]]] = [:]

    /// Creates a normaliser; `extraKnownWords` join the lexicon for compound splitting (the
    /// analysis passes the input's own words, which keeps splitting useful without a lexicon);
    /// `names` are words that are never split (see `nameCandidates(in:)`).
    public init(lexicon: Lexicon, extraKnownWords: Set<String> = [], names: Set<String> = []) {
        self.lexicon = lexicon
        self.names = names
        self.splitter = CompoundSplitter(lexicon: lexicon, extraWords: extraKnownWords.filter { $0.count >= 3 })
        var stemmers: [AnalysisLanguage: SnowballStemmer] = [:]
        for language in AnalysisLanguage.allCases {
            stemmers[language] = SnowballStemmer(language: language)
        }
        self.stemmers = stemmers
    }

    /// NFKC normalisation and lower case: `Ældre` and `ældre`, composed or not, become one form.
    public static func fold(_ text: String) -> String {
        // Foundation's NFKC is most of the cost of indexing; most answers need none of it.
        if text.unicodeScalars.allSatisfy(isUnchangedByCompatibilityNormalization) { return text.lowercased() }
        return text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// Whether NFKC leaves this scalar alone wherever it stands: ASCII, the Latin-1 letters and the
    /// punctuation Danish text uses. None of them composes with a neighbour (combining marks and
    /// Hangul are not here) or has a compatibility mapping (… and no-break spaces are not here).
    static func isUnchangedByCompatibilityNormalization(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0xC0...0xFF: true
        case 0xA1...0xA7, 0xA9, 0xAB...0xAE, 0xB0, 0xB1, 0xB6, 0xB7, 0xBB, 0xBF: true
        case 0x2010, 0x2013, 0x2014, 0x2018...0x2022, 0x2030, 0x2039, 0x203A: true
        default: false
        }
    }

    /// Word tokens of folded text: runs of letters and digits (æ, ø, å and other letters kept);
    /// hyphens, apostrophes and punctuation separate tokens; pure numbers and single letters drop.
    public static func tokens(ofFolded text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var hasLetter = false
        func flush() {
            if hasLetter && current.count > 1 { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
            hasLetter = false
        }
        for scalar in text.unicodeScalars {
            // ASCII fast path: the Unicode property tables are slow for the common case.
            if scalar.isASCII {
                let value = scalar.value
                if (value >= 97 && value <= 122) || (value >= 65 && value <= 90) {
                    current.append(scalar)
                    hasLetter = true
                } else if value >= 48 && value <= 57 {
                    current.append(scalar)
                } else {
                    flush()
                }
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic {
                current.append(scalar)
                hasLetter = true
            } else if properties.numericType != nil {
                current.append(scalar)
            } else if properties.generalCategory == .nonspacingMark, !current.isEmpty {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    private static let danishLetters: Set<Unicode.Scalar> = ["æ", "ø", "å"]

    /// The answer's language, or nil when the evidence is even (the caller decides then).
    public func detectLanguage(ofTokens tokens: [String]) -> AnalysisLanguage? {
        Self.detectLanguage(ofTokens: tokens, lexicon: lexicon)
    }

    /// The answer's language by stop words, Danish letters and the lexicon, or nil when even.
    static func detectLanguage(ofTokens tokens: [String], lexicon: Lexicon) -> AnalysisLanguage? {
        var danish = 0.0
        var english = 0.0
        for token in tokens {
            let isEnglishStop = StopWords.english.contains(token)
            if StopWords.danish.contains(token) { danish += 1 }
            if isEnglishStop { english += 1 }
            if token.unicodeScalars.contains(where: { Self.danishLetters.contains($0) }) { danish += 2 }
            if !isEnglishStop && lexicon.contains(token) { danish += 0.5 }
        }
        if danish > english { return .danish }
        if english > danish { return .english }
        return nil
    }

    /// The index terms of one token in the given language: none for stop words; the stem of the
    /// whole word, plus the stems of its compound parts (Danish only).
    public func terms(ofToken token: String, language: AnalysisLanguage) -> [IndexTerm] {
        if let cached = cache[language]?[token] { return cached }
        let result = computeTerms(ofToken: token, language: language)
        cache[language, default: [:]][token] = result
        return result
    }

    /// All index terms of a text, with the language used (detected unless `language` is given).
    public func terms(of text: String, language: AnalysisLanguage?) -> (terms: [IndexTerm], language: AnalysisLanguage?) {
        let tokens = Self.tokens(ofFolded: Self.fold(text))
        let chosen = language ?? detectLanguage(ofTokens: tokens)
        let found = tokens.flatMap { self.terms(ofToken: $0, language: chosen ?? .danish) }
        return (found, chosen)
    }

    /// Whether the word is one of the input's names (never split).
    public func isName(_ word: String) -> Bool {
        names.contains(word)
    }

    /// The stems of the filler words of a language (`FillerWords`), as this normaliser stems them.
    func fillerStems(_ language: AnalysisLanguage) -> Set<String> {
        let stemmer = stemmers[language]
        return Set(language.fillerWords.map { stemmer?.stem($0) ?? $0 })
    }

    /// The whole word's term first (the caller relies on it: labels use whole words only), then
    /// its compound parts' terms.
    private func computeTerms(ofToken token: String, language: AnalysisLanguage) -> [IndexTerm] {
        let ignored = language.stopWords
        guard !ignored.contains(token), token.count > 1,
              token.contains(where: { $0.isLetter }) else { return [] }
        let stemmer = stemmers[language]
        func stem(_ word: String) -> String { stemmer?.stem(word) ?? word }
        var result = [IndexTerm(stem: stem(token), surface: token)]
        if language == .danish, !names.contains(token) {
            for part in splitter.split(token) where !ignored.contains(part) {
                let partStem = stem(part)
                if partStem.count >= 2, !result.contains(where: { $0.stem == partStem }) {
                    result.append(IndexTerm(stem: partStem, surface: part))
                }
            }
        }
        return result
    }

    /// Words written with a capital letter inside a sentence (folded): in Danish, where nouns are
    /// written in lower case, these are names of places, services and organisations (Frederikshavn,
    /// Flextrafik, MitID). A word at the start of a sentence says nothing and is skipped.
    public static func nameCandidates(in text: String) -> [String] {
        var found: [String] = []
        var current = String.UnicodeScalarView()
        var startsUpper = false
        var hasLower = false
        var sentenceStart = true
        func flush() {
            if startsUpper && hasLower && current.count > 1 {
                found.append(fold(String(current)))
            }
            current = String.UnicodeScalarView()
            startsUpper = false
            hasLower = false
        }
        for scalar in text.unicodeScalars {
            let isLetterOrDigit: Bool
            let isUpper: Bool
            let isLower: Bool
            if scalar.isASCII {
                let value = scalar.value
                isUpper = value >= 65 && value <= 90
                isLower = value >= 97 && value <= 122
                isLetterOrDigit = isUpper || isLower || (value >= 48 && value <= 57)
            } else {
                let properties = scalar.properties
                if properties.generalCategory == .nonspacingMark, !current.isEmpty {
                    current.append(scalar)
                    continue
                }
                isLetterOrDigit = properties.isAlphabetic || properties.numericType != nil
                isUpper = properties.isUppercase
                isLower = properties.isLowercase
            }
            if isLetterOrDigit {
                if current.isEmpty { startsUpper = isUpper && !sentenceStart }
                if isLower { hasLower = true }
                current.append(scalar)
                sentenceStart = false
                continue
            }
            flush()
            switch scalar {
            case ".", "!", "?", ":", ";", "\n", "\r", "•", "-", "–", "(", "\"", "'", "“", "”", "«", "»": sentenceStart = true
            default: break
            }
        }
        flush()
        return found
    }
}
