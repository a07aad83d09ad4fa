/// Identifies a theme across analysis runs: its key, and the key terms it had when the analyst decided.
///
/// Guided keys, analyst keys, `other` and `off-topic` are stable, so the key alone finds them.
/// Machine-numbered keys (`emerging-N`, `theme-N`) are not: a run with more answers may number the
/// same theme differently, so the terms find it instead (see `matchScore`).
public struct ThemeReference: Codable, Sendable, Hashable {
    /// The theme's key in the run the analyst was looking at.
    public var key: String
    /// The theme's key terms in that run.
    public var terms: [String]

    /// Creates a reference; `terms` may be empty for themes with stable keys.
    public init(key: String, terms: [String] = []) {
        self.key = key
        self.terms = terms
    }

    /// The least Jaccard overlap of lowercased term sets for a machine-numbered theme to count as the same.
    public static let minimumTermOverlap = 0.2

    /// Whether the key is one the analyzer numbers per run (`emerging-N`, `theme-N`), so terms must confirm it.
    public var hasMachineNumberedKey: Bool {
        key.hasPrefix("emerging-") || key.hasPrefix("theme-")
    }

    /// The Jaccard overlap (0…1) of the lowercased term sets; 0 when both are empty.
    public func termOverlap(with otherTerms: [String]) -> Double {
        let mine = Set(terms.map { $0.lowercased() })
        let theirs = Set(otherTerms.map { $0.lowercased() })
        let union = mine.union(theirs).count
        guard union > 0 else { return 0 }
        return Double(mine.intersection(theirs).count) / Double(union)
    }

    /// The position in `themes` of the theme this reference means, or nil when it is not there.
    ///
    /// A stable key matches by key. A machine-numbered theme matches by key when the term sets
    /// overlap at least `minimumTermOverlap`, else the machine-numbered theme whose terms overlap
    /// most (ties: the earlier theme), else nothing.
    public func position(in themes: [Theme]) -> Int? {
        let sameKey = themes.firstIndex { $0.key == key }
        if let sameKey {
            let theme = themes[sameKey]
            guard Self.isMachineNumbered(theme.kind) else { return sameKey }
            if terms.isEmpty || termOverlap(with: theme.terms) >= Self.minimumTermOverlap { return sameKey }
        }
        guard !terms.isEmpty, hasMachineNumberedKey || sameKey != nil else { return nil }
        var best: (position: Int, overlap: Double)?
        for (position, theme) in themes.enumerated() where Self.isMachineNumbered(theme.kind) {
            let overlap = termOverlap(with: theme.terms)
            guard overlap >= Self.minimumTermOverlap else { continue }
            if overlap > (best?.overlap ?? -1) { best = (position, overlap) }
        }
        return best?.position
    }

    /// Whether themes of this kind get keys numbered per run.
    static func isMachineNumbered(_ kind: ThemeKind) -> Bool {
        kind == .emerging || kind == .discovered
    }
}
