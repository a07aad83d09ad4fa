import Foundation

/// How exports write numbers as text: no thousands separators, no exponent for everyday values.
enum ExportNumberFormat {
    /// `12`, `2.5` (or `2,5` with a decimal comma); at most 6 decimals, trailing zeros dropped.
    static func plain(_ number: Double, decimalComma: Bool) -> String {
        guard number.isFinite else { return "" }
        var text: String
        if number.rounded() == number, abs(number) < 1e15 {
            text = String(Int64(number))
        } else {
            text = String(format: "%.6f", number)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A share 0…1 as a Danish percentage, e.g. `42 %` or `7,5 %` (a no-break space before `%`).
    static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return plain(value, decimalComma: true) + "\u{00A0}%"
    }

    /// A mean with one or two decimals and a decimal comma, e.g. `3,4`.
    static func mean(_ value: Double) -> String {
        plain((value * 100).rounded() / 100, decimalComma: true)
    }
}

extension ExportNumberFormat {
    /// A share 0…1 as a whole Danish percentage, e.g. `43 %` (for labels inside narrow bars).
    static func wholePercent(_ share: Double) -> String {
        plain((share * 100).rounded(), decimalComma: true) + "\u{00A0}%"
    }
}
