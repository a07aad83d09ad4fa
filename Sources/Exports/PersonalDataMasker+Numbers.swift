/// Finding CPR and phone numbers among the digits of a text.
extension PersonalDataMasker {
    /// A run of digits and where it ends, read from digit groups separated by one space or hyphen.
    struct DigitGroup {
        var start: Int
        var end: Int
        /// The separator before this group (nil for the first).
        var separatorBefore: Unicode.Scalar?
        var length: Int { end - start }
    }

    /// Groupings a Danish phone number is written in; others ("25 000 000") are amounts.
    static let phoneGroupings: [[Int]] = [[8], [2, 2, 2, 2], [4, 4], [2, 2, 4], [4, 2, 2]]

    func numberMatches(in scalars: [Unicode.Scalar]) -> [Match] {
        var matches: [Match] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "+" || scalar == "(" || Self.isDigit(scalar), startsNumber(at: index, in: scalars),
                  let match = numberMatch(at: index, in: scalars) else {
                index += 1
                continue
            }
            matches.append(match)
            index = match.range.upperBound
        }
        return matches
    }

    /// Whether a number may start here: not inside a word or in the middle of a number like "1.500".
    func startsNumber(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index > 0 else { return true }
        let previous = scalars[index - 1]
        if Self.isLetterOrDigit(previous) || previous == "+" { return false }
        if previous == "." || previous == ",", index > 1, Self.isDigit(scalars[index - 2]) { return false }
        return true
    }

    /// Whether a number may end here: not followed by more digits, a decimal part or a unit of money.
    func endsNumber(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index < scalars.count else { return true }
        let next = scalars[index]
        if Self.isLetterOrDigit(next) { return false }
        if next == "." || next == ",", index + 1 < scalars.count, Self.isDigit(scalars[index + 1]) { return false }
        var unitStart = index
        if next == " " { unitStart += 1 }
        let following = String(String.UnicodeScalarView(scalars[unitStart..<min(scalars.count, unitStart + 6)]))
            .lowercased()
        for unit in ["kr", "dkk", "%", "mio", "mia", "euro", "€"] where following.hasPrefix(unit) {
            let after = unitStart + unit.unicodeScalars.count
            if after >= scalars.count || !Self.isLetterOrDigit(scalars[after]) { return false }
        }
        return true
    }

    func numberMatch(at index: Int, in scalars: [Unicode.Scalar]) -> Match? {
        if let afterPrefix = countryPrefixEnd(at: index, in: scalars),
           let end = phoneEnd(groups: digitGroups(from: afterPrefix, in: scalars), in: scalars, checkFirstDigit: true,
                              allowYearPairs: true) {
            return Match(range: index..<end, replacement: Self.phoneReplacement)
        }
        guard Self.isDigit(scalars[index]) else { return nil }
        let groups = digitGroups(from: index, in: scalars)
        if let end = cprEnd(groups: groups, in: scalars) {
            return Match(range: index..<end, replacement: Self.cprReplacement)
        }
        if let end = phoneEnd(groups: groups, in: scalars, checkFirstDigit: true, allowYearPairs: false) {
            return Match(range: index..<end, replacement: Self.phoneReplacement)
        }
        return nil
    }

    /// Where the number after `+45`, `(+45)` or `0045` (and one space or hyphen) begins.
    func countryPrefixEnd(at index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        for prefix in ["(+45)", "+45", "0045"] {
            let prefixScalars = Array(prefix.unicodeScalars)
            guard index + prefixScalars.count < scalars.count,
                  Array(scalars[index..<(index + prefixScalars.count)]) == prefixScalars else { continue }
            var position = index + prefixScalars.count
            if scalars[position] == " " || scalars[position] == "-" { position += 1 }
            guard position < scalars.count, Self.isDigit(scalars[position]) else { return nil }
            return position
        }
        return nil
    }

    /// The digit groups from `start`, each after a single space or hyphen, at most four.
    func digitGroups(from start: Int, in scalars: [Unicode.Scalar]) -> [DigitGroup] {
        var groups: [DigitGroup] = []
        var position = start
        var separator: Unicode.Scalar?
        while groups.count < 4, position < scalars.count, Self.isDigit(scalars[position]) {
            var end = position
            while end < scalars.count, Self.isDigit(scalars[end]) { end += 1 }
            groups.append(DigitGroup(start: position, end: end, separatorBefore: separator))
            guard end + 1 < scalars.count, scalars[end] == " " || scalars[end] == "-",
                  Self.isDigit(scalars[end + 1]) else { break }
            separator = scalars[end]
            position = end + 1
        }
        return groups
    }

    func cprEnd(groups: [DigitGroup], in scalars: [Unicode.Scalar]) -> Int? {
        guard let first = groups.first else { return nil }
        let end: Int
        if first.length == 10 {
            end = first.end
        } else if first.length == 6, groups.count > 1, groups[1].length == 4, groups[1].separatorBefore == "-" {
            end = groups[1].end
        } else {
            return nil
        }
        guard isPlausibleDate(Array(scalars[first.start..<(first.start + 6)])), endsNumber(at: end, in: scalars)
        else { return nil }
        return end
    }

    /// Whether `ddmmyy` is a real day of a month (29 February counts: the century is unknown).
    func isPlausibleDate(_ digits: [Unicode.Scalar]) -> Bool {
        let values = digits.map { Int($0.value) - 48 }
        let day = values[0] * 10 + values[1]
        let month = values[2] * 10 + values[3]
        let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month) else { return false }
        return (1...daysInMonth[month - 1]).contains(day)
    }

    func phoneEnd(groups: [DigitGroup], in scalars: [Unicode.Scalar], checkFirstDigit: Bool, allowYearPairs: Bool)
        -> Int? {
        guard let first = groups.first else { return nil }
        if checkFirstDigit, scalars[first.start].value < 50 { return nil }
        for grouping in Self.phoneGroupings where grouping.count <= groups.count {
            let used = Array(groups.prefix(grouping.count))
            guard used.map(\.length) == grouping else { continue }
            let separators = Set(used.dropFirst().compactMap(\.separatorBefore))
            guard separators.count <= 1 else { continue }
            if grouping == [4, 4], !allowYearPairs, used.allSatisfy({ isYear(scalars[$0.start..<$0.end]) }) {
                continue
            }
            let end = used[used.count - 1].end
            if endsNumber(at: end, in: scalars) { return end }
        }
        return nil
    }

    func isYear(_ digits: ArraySlice<Unicode.Scalar>) -> Bool {
        let value = digits.reduce(0) { $0 * 10 + Int($1.value) - 48 }
        return (1900...2099).contains(value)
    }
}
