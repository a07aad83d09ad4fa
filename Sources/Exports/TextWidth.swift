/// Estimated widths of text in the report's charts, so labels are wrapped before they can overflow.
///
/// Widths are DejaVu Sans advance widths (in thousandths of an em, measured from the font file):
/// DejaVu is the widest of the report's font stack (Helvetica Neue, Helvetica, Arial, Liberation
/// Sans, DejaVu Sans), so a line that fits by this estimate fits in whichever of them the reader's
/// machine has, with 3 % to spare. Bold is taken as a quarter wider, more than DejaVu Sans Bold ever is; characters not
/// listed count as a full em (CJK) or more (emoji).
enum TextWidth {
    /// Advances of U+0020 … U+007E.
    private static let ascii: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]
    /// Advances of the other characters Danish text uses.
    private static let others: [Character: Int] = [
        "\u{00A0}": 318, "Æ": 974, "Ø": 787, "Å": 684, "æ": 982, "ø": 612, "å": 613, "É": 632, "é": 615,
        "Ü": 732, "ü": 634, "Ö": 787, "ö": 612, "Ä": 684, "ä": 613, "–": 500, "—": 1000, "…": 1000, "«": 612,
        "»": 612, "‘": 318, "’": 318, "“": 518, "”": 518, "·": 318, "•": 590, "×": 838, "½": 969, "§": 500,
        "€": 636, "°": 500,
    ]

    /// The estimated width of `text` at `fontSize` pixels.
    static func of(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        let thousandths = text.reduce(0) { $0 + advance($1) }
        // 3 % on top: hinting at small sizes and scaled-down charts round glyphs up.
        return Double(thousandths) / 1000 * fontSize * (bold ? 1.25 : 1) * 1.03
    }

    private static func advance(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.properties.isEmojiPresentation || (scalars.count > 1 && scalars.contains { $0.properties.isEmojiPresentation }) {
            return 1300
        }
        if (0x20...0x7E).contains(first.value) { return ascii[Int(first.value) - 0x20] }
        return others[Character(first)] ?? 1000
    }

    /// `text` broken into lines no wider than `maxWidth`: at spaces, and inside a word only when the
    /// word alone is wider than a line (then between letters; charts have no room to scroll).
    static func lines(of text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> [String] {
        func fits(_ line: String) -> Bool { of(line, fontSize: fontSize, bold: bold) <= maxWidth }
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0.isNewline || $0 == "\t" }).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate) {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            let parts = pieces(of: word, fits: fits)
            lines += parts.dropLast()
            current = parts.last ?? ""
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// A word cut into parts that each fit (a single character always counts as fitting).
    private static func pieces(of word: String, fits: (String) -> Bool) -> [String] {
        guard !fits(word) else { return [word] }
        var parts: [String] = []
        var part = ""
        for character in word {
            if !part.isEmpty, !fits(part + String(character)) {
                parts.append(part)
                part = ""
            }
            part.append(character)
        }
        if !part.isEmpty { parts.append(part) }
        return parts
    }
}
