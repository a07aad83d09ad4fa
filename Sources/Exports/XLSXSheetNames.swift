/// Makes worksheet names Excel accepts: at most 31 characters, none of `[]:*?/\`, no leading or
/// trailing apostrophe, unique regardless of case.
struct XLSXSheetNames {
    /// Excel's limit on a sheet name.
    static let maximumLength = 31
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    private var taken: Set<String> = []

    /// Names that are taken from the start (the fixed sheets).
    init(reserved: [String]) {
        taken = Set(reserved.map { $0.lowercased() })
    }

    /// A valid, unused name as close to `wanted` as possible; it is then taken.
    mutating func claim(_ wanted: String) -> String {
        var base = String(wanted.filter { !Self.forbidden.contains($0) && !$0.isNewline })
        while base.hasPrefix("'") { base.removeFirst() }
        base = base.trimmingTrailingApostrophes()
        if base.isEmpty { base = "Spørgsmål" }
        var candidate = String(base.prefix(Self.maximumLength)).trimmingTrailingApostrophes()
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = String(base.prefix(Self.maximumLength - suffix.count)).trimmingTrailingApostrophes() + suffix
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}

private extension String {
    func trimmingTrailingApostrophes() -> String {
        var text = self
        while text.hasSuffix("'") { text.removeLast() }
        return text
    }
}
