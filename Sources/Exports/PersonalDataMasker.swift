/// Masks CPR numbers, phone numbers and e-mail addresses in free text: `[CPR]`, `[telefon]`, `[e-mail]`.
///
/// Conservative on purpose: a year ("2026"), an amount ("1.500 kr", "25 000 000 kr") or a postcode
/// ("9900 Frederikshavn") is left alone, because masking what citizens wrote about money or places
/// would make their answers unreadable. What is masked:
/// - CPR: `ddmmyy-xxxx` and `ddmmyyxxxx` whose first six digits are a real day and month.
/// - Phone: eight digits starting with 2–9, written `12345678`, `12 34 56 78`, `1234 5678`,
///   `12 34 5678` or `1234 56 78` (spaces or hyphens), optionally after `+45`, `(+45)` or `0045`.
/// - E-mail: `local@domain.tld`.
public struct PersonalDataMasker: Sendable {
    /// What replaces a CPR number.
    public static let cprReplacement = "[CPR]"
    /// What replaces a phone number.
    public static let phoneReplacement = "[telefon]"
    /// What replaces an e-mail address.
    public static let emailReplacement = "[e-mail]"

    /// A masker with the rules above.
    public init() {}

    /// The text with every CPR number, phone number and e-mail address replaced.
    public func mask(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { $0 == "@" || Self.isDigit($0) }) else { return text }
        let withoutEmails = replace(in: scalars, matches: emailMatches(in: scalars))
        let masked = replace(in: withoutEmails, matches: numberMatches(in: withoutEmails))
        var result = String.UnicodeScalarView()
        result.append(contentsOf: masked)
        return String(result)
    }
}

extension PersonalDataMasker {
    /// A stretch of the text to replace.
    struct Match {
        var range: Range<Int>
        var replacement: String
    }

    func replace(in scalars: [Unicode.Scalar], matches: [Match]) -> [Unicode.Scalar] {
        guard !matches.isEmpty else { return scalars }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var position = 0
        for match in matches {
            result.append(contentsOf: scalars[position..<match.range.lowerBound])
            result.append(contentsOf: match.replacement.unicodeScalars)
            position = match.range.upperBound
        }
        result.append(contentsOf: scalars[position...])
        return result
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || scalar.properties.isAlphabetic
    }

    // MARK: E-mail

    func emailMatches(in scalars: [Unicode.Scalar]) -> [Match] {
        var matches: [Match] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "@", let range = emailRange(around: index, in: scalars),
                  range.lowerBound >= (matches.last?.range.upperBound ?? 0) else {
                index += 1
                continue
            }
            matches.append(Match(range: range, replacement: Self.emailReplacement))
            index = range.upperBound
        }
        return matches
    }

    func emailRange(around at: Int, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        func isLocal(_ scalar: Unicode.Scalar) -> Bool {
            Self.isLetterOrDigit(scalar) || "._%+-'".unicodeScalars.contains(scalar)
        }
        func isDomain(_ scalar: Unicode.Scalar) -> Bool {
            Self.isLetterOrDigit(scalar) || scalar == "." || scalar == "-"
        }
        var start = at
        while start > 0, isLocal(scalars[start - 1]) { start -= 1 }
        while start < at, scalars[start] == "." || scalars[start] == "'" { start += 1 }
        var end = at + 1
        while end < scalars.count, isDomain(scalars[end]) { end += 1 }
        while end > at + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
        guard start < at, end > at + 1 else { return nil }
        let domain = scalars[(at + 1)..<end]
        guard let lastDot = domain.lastIndex(of: "."), lastDot > at + 1 else { return nil }
        let topLevel = scalars[(lastDot + 1)..<end]
        guard topLevel.count >= 2, topLevel.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        return start..<end
    }
}
