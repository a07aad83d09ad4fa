/// Splits Danish compounds into known parts: foreningslivet → forening + livet.
///
/// A split is accepted when the head (optionally minus a linking `s` or `e`) and the tail (or the
/// tail's own split) are known words. Among the candidates, fewer parts win, then the split whose
/// shortest part is longest (it avoids chopping off tiny fragments), then the leftmost.
public struct CompoundSplitter: Sendable {
    /// Known words that parts must be: the lexicon, plus words of the input.
    private let lexicon: Lexicon
    private let extraWords: Set<String>
    /// Shortest whole word to try.
    public var minimumWordLength = 7
    /// Shortest head (first part).
    public var minimumHeadLength = 4
    /// Shortest tail (later parts).
    public var minimumTailLength = 3
    /// Most parts in one compound.
    public var maximumParts = 3

    /// Inflectional endings and derivational suffixes that happen to be words; never a tail.
    static let suffixLikeTails: Set<String> = [
        "ene", "ens", "ende", "ere", "erne", "ernes", "est", "ets", "ers", "hed", "heden", "lig",
        "lige", "isk", "iske", "ning", "ninger", "else", "elser", "tion", "ter", "ted", "sen", "ser",
        "ret", "des", "lse", "nes", "ner", "ten", "ste", "ede", "ige", "mål",
        // Found splitting SIB-200's development sentences: kemi+ske, reger+inger, turne+ring,
        // mulig+vis, organ+isat+ion, tradition+elle, fælle+skab (‑skab is a suffix, as ‑ship).
        "ske", "inger", "ingen", "ingens", "ring", "ringen", "rede", "rende", "vis", "ler", "ren",
        "let", "det", "set", "net", "ket", "ken", "fer", "tes", "alt", "aget", "age", "ion", "ionen",
        "ioner", "isat", "isme", "elle", "heder", "terne", "skab", "skabs", "skabet", "skaber",
        "skaberne", "skabende", "ringer", "ringerne", "hederne", "lighed", "ligheden", "mere", "and",
        "fuld", "fulde", "fuldt", "rig", "rigt",
    ]

    /// Creates a splitter over a lexicon and further known, lower-cased words.
    public init(lexicon: Lexicon, extraWords: Set<String> = []) {
        self.lexicon = lexicon
        self.extraWords = extraWords
    }

    /// Creates a splitter over a set of known, lower-cased words.
    public init(knownWords: Set<String>) {
        self.init(lexicon: .empty, extraWords: knownWords)
    }

    private func isKnown(_ word: String) -> Bool {
        lexicon.contains(word) || extraWords.contains(word)
    }

    /// The parts of `word` (lower case), or an empty array if it is not a recognised compound.
    public func split(_ word: String) -> [String] {
        let characters = Array(word)
        guard characters.count >= minimumWordLength else { return [] }
        return bestSplit(characters[...], partsAllowed: maximumParts) ?? []
    }

    private func bestSplit(_ characters: ArraySlice<Character>, partsAllowed: Int) -> [String]? {
        guard partsAllowed >= 2 else { return nil }
        var best: [String]?
        var bestKey = (parts: Int.max, shortest: 0)
        let start = characters.startIndex
        let end = characters.endIndex
        guard characters.count >= minimumHeadLength + minimumTailLength else { return nil }
        for cut in (start + minimumHeadLength)...(end - minimumTailLength) {
            guard let head = knownHead(characters[start..<cut]) else { continue }
            let tailCharacters = characters[cut..<end]
            let tail = String(tailCharacters)
            var tailParts: [String]?
            if isKnown(tail) && !Self.suffixLikeTails.contains(tail) {
                tailParts = [tail]
            } else if let deeper = bestSplit(tailCharacters, partsAllowed: partsAllowed - 1) {
                tailParts = deeper
            }
            guard let parts = tailParts.map({ [head] + $0 }) else { continue }
            let key = (parts: parts.count, shortest: parts.map(\.count).min() ?? 0)
            if key.parts < bestKey.parts || (key.parts == bestKey.parts && key.shortest > bestKey.shortest) {
                best = parts
                bestKey = key
            }
        }
        return best
    }

    /// The head as a known word, trying it as written and without a linking `s` or `e`.
    private func knownHead(_ characters: ArraySlice<Character>) -> String? {
        let head = String(characters)
        if let last = characters.last, last == "s" || last == "e", characters.count > minimumHeadLength {
            let stripped = String(characters.dropLast())
            if isKnown(stripped) { return stripped }
        }
        return isKnown(head) ? head : nil
    }
}
