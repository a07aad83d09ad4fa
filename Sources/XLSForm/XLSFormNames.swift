import Foundation

/// XLSForm names made into Borgerdialog's ids and option values.
///
/// XLSForm names may have capitals and underscores (`Respondent_Age`); a form's ids are lowercase
/// slugs (`respondent-age`) and option values lowercase with `-` and `_`. The same conversion is
/// applied to names and to the references in `relevant`, so the two still meet. Names that are
/// already valid pass through unchanged, so an exported form reads back as it was.
enum XLSFormNames {
    /// A question or form name as an id: lowercase, Danish letters spelt out, other marks as hyphens.
    static func id(_ name: String) -> String {
        let spelt = spellOut(name.lowercased())
        var result = ""
        for scalar in spelt.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? name : result
    }

    /// A choice name as an option value: lowercase, Danish letters spelt out, `-` and `_` kept, other marks as `-`.
    static func optionValue(_ name: String) -> String {
        let spelt = spellOut(name.lowercased())
        var result = ""
        for scalar in spelt.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result += "-"
            }
        }
        while let last = result.last, last == "-" || last == "_" { result.removeLast() }
        while let first = result.first, first == "-" || first == "_" { result.removeFirst() }
        return result.isEmpty ? name : result
    }

    /// æ → ae, ø → oe, å → aa, as the README asks for ids; other accents dropped (é → e).
    private static func spellOut(_ text: String) -> String {
        let spelt = text.replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "oe")
            .replacingOccurrences(of: "å", with: "aa")
        return spelt.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }
}
