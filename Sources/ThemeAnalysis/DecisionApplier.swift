import Foundation

/// Applies analyst decisions one at a time to a result's themes and assignments.
///
/// Each step first checks that it can apply, changing nothing when it cannot; an applied step is
/// followed by `settle()`, so the result an analyst saw after decision n is exactly the result a
/// replay reaches after decision n (references taken from it then match on replay).
///
/// Settling is incremental, because runs have up to 100,000 answers and decisions accumulate:
/// sizes are kept up to date, only the assignments a step touched are normalised, and all
/// assignments are scanned only when a theme disappears.
struct DecisionApplier {
    /// What one step did.
    enum Step: Equatable {
        /// The decision changed the result; the note says what part of it could not apply.
        case applied(note: String?)
        /// The decision changed nothing, for this reason.
        case refused(reason: String)
    }

    /// Key terms given to a theme made by a split.
    static let analystTermCount = 8
    /// Quotes given to a theme made by a split (the analyzer's default quote count).
    static let analystQuoteCount = 5

    var themes: [Theme]
    var assignments: [ThemeAssignment]
    /// The views the result was made with (kept as they are).
    private let views: [String]
    /// Answer id → position in `assignments`; ids never change, so this is built once.
    let answerPositions: [String: Int]
    /// The run's answers, for search decisions (nil: search decisions cannot apply).
    let search: AnswerSearch?
    /// Theme key → answers counted under it (see `count(_:by:)`), always up to date.
    private var sizes: [String: Int] = [:]
    /// Theme key → purpose → answers carrying the theme with that purpose, always up to date.
    private var purposeSizes: [String: [AnswerPurpose: Int]] = [:]
    /// Positions of the assignments the current step changed; their counts are taken out of `sizes`.
    private var touched: [Int] = []
    /// The answers the current search decision placed (reported in its outcome; the other kinds
    /// name their answers themselves, `ThemeDecision.answerIDs`).
    var placed: [String] = []

    init(_ result: ThemeAnalysisResult, search: AnswerSearch? = nil) {
        themes = result.themes
        assignments = result.assignments
        views = result.views
        self.search = search
        var positions: [String: Int] = [:]
        for (position, assignment) in result.assignments.enumerated() where positions[assignment.id] == nil {
            positions[assignment.id] = position
        }
        answerPositions = positions
        for assignment in result.assignments { count(assignment, by: 1) }
    }

    /// The themes and assignments as they stand.
    var result: ThemeAnalysisResult {
        ThemeAnalysisResult(themes: themes, assignments: assignments, views: views)
    }

    /// Applies one decision and settles the result when it applied; `placed` then holds the
    /// answers it placed.
    mutating func apply(_ decision: ThemeDecision) -> Step {
        placed = []
        let step = switch decision {
        case .rename(let theme, let label): rename(theme, to: label)
        case .merge(let references, let label): merge(references, label: label)
        case .split(let theme, let answerIDs, let label): split(theme, answerIDs: answerIDs, label: label)
        case .move(let answerID, let target): move(answerID, to: target)
        case .moveAnswers(let answerIDs, let target): moveAnswers(answerIDs, to: target)
        case .offTopic(let answerID): markOffTopic(answerID)
        case .moveMatching(let query, let target): moveMatching(query, to: target)
        case .splitMatching(let theme, let query, let label): splitMatching(theme, query: query, label: label)
        case .themeFromSearch(let query, let label): themeFromSearch(query, label: label)
        }
        if case .applied = step { settle() }
        return step
    }

    // MARK: - Decisions

    private mutating func rename(_ reference: ThemeReference, to label: String) -> Step {
        guard let label = Self.trimmedLabel(label) else { return .refused(reason: "the new label is empty") }
        guard let position = reference.position(in: themes) else { return .refused(reason: Self.missingTheme(reference)) }
        themes[position].label = label
        return .applied(note: nil)
    }

    private mutating func merge(_ references: [ThemeReference], label: String?) -> Step {
        let newLabel = label.flatMap(Self.trimmedLabel)
        if label != nil, newLabel == nil { return .refused(reason: "the label is empty") }
        guard let kept = references.first, references.count >= 2 else {
            return .refused(reason: "a merge needs at least two themes")
        }
        guard let keptPosition = kept.position(in: themes) else { return .refused(reason: Self.missingTheme(kept)) }
        var foldedPositions: [Int] = []
        var missingKeys: [String] = []
        for reference in references.dropFirst() {
            guard let position = reference.position(in: themes) else {
                missingKeys.append(reference.key)
                continue
            }
            if position != keptPosition, !foldedPositions.contains(position) { foldedPositions.append(position) }
        }
        if foldedPositions.isEmpty, !missingKeys.isEmpty {
            return .refused(reason: "none of the themes to merge into \"\(kept.key)\" is in this run: "
                + missingKeys.map { "\"\($0)\"" }.joined(separator: ", "))
        }

        let keptKey = themes[keptPosition].key
        let merged = [keptPosition] + foldedPositions
        let foldedKeys = Set(foldedPositions.map { themes[$0].key })
        themes[keptPosition].terms = Self.uniqueTerms(merged.flatMap { themes[$0].terms })
        themes[keptPosition].quotes = Self.interleaved(merged.map { themes[$0].quotes })
        if let newLabel { themes[keptPosition].label = newLabel }
        for position in assignments.indices where assignments[position].themes.contains(where: foldedKeys.contains) {
            willChange(position)
            assignments[position].themes = assignments[position].themes.map { foldedKeys.contains($0) ? keptKey : $0 }
        }
        themes.removeAll { foldedKeys.contains($0.key) }

        if !missingKeys.isEmpty {
            return .applied(note: "not in this run, so not merged: " + missingKeys.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return .applied(note: foldedPositions.isEmpty ? "the themes are already one theme in this run" : nil)
    }

    private mutating func split(_ reference: ThemeReference, answerIDs: [String], label: String) -> Step {
        guard let label = Self.trimmedLabel(label) else { return .refused(reason: "the new theme's label is empty") }
        guard !answerIDs.isEmpty else { return .refused(reason: "no answers to split off") }
        guard let sourcePosition = reference.position(in: themes) else { return .refused(reason: Self.missingTheme(reference)) }
        var positions: [Int] = []
        var seen = Set<Int>()
        var missingCount = 0
        for answerID in answerIDs {
            guard let position = answerPositions[answerID] else {
                missingCount += 1
                continue
            }
            if seen.insert(position).inserted { positions.append(position) }
        }
        guard !positions.isEmpty else { return .refused(reason: "none of the answers to split off is in this run") }

        let key = newAnalystKey(for: label)
        for position in positions {
            willChange(position)
            assignments[position].themes = [key]
            assignments[position].scores = [0]
        }
        themes.insert(analystTheme(key: key, label: label, positions: positions), at: sourcePosition + 1)
        guard missingCount == 0 else {
            return .applied(note: "\(missingCount) of the \(answerIDs.count) answers are not in this run")
        }
        return .applied(note: nil)
    }

    private mutating func move(_ answerID: String, to target: ThemeReference) -> Step {
        guard let position = answerPositions[answerID] else { return .refused(reason: Self.missingAnswer(answerID)) }
        guard let targetPosition = target.position(in: themes) else { return .refused(reason: Self.missingTheme(target)) }
        place(position, onlyIn: themes[targetPosition].key)
        return .applied(note: nil)
    }

    private mutating func moveAnswers(_ answerIDs: [String], to target: ThemeReference) -> Step {
        guard !answerIDs.isEmpty else { return .refused(reason: "no answers to move") }
        guard let targetPosition = target.position(in: themes) else { return .refused(reason: Self.missingTheme(target)) }
        var positions: [Int] = []
        var seen = Set<Int>()
        for answerID in answerIDs {
            if let position = answerPositions[answerID], seen.insert(position).inserted { positions.append(position) }
        }
        guard !positions.isEmpty else { return .refused(reason: "none of the answers to move is in this run") }
        let key = themes[targetPosition].key
        for position in positions { place(position, onlyIn: key) }
        let asked = Set(answerIDs).count
        guard positions.count == asked else {
            return .applied(note: "\(asked - positions.count) of the \(asked) answers are not in this run")
        }
        return .applied(note: nil)
    }

    /// Puts the answer in the theme with this key, and in that theme only (keeping its score there).
    mutating func place(_ position: Int, onlyIn key: String) {
        let assignment = assignments[position]
        let score = zip(assignment.themes, assignment.scores).first { $0.0 == key }?.1 ?? 0
        willChange(position)
        assignments[position].themes = [key]
        assignments[position].scores = [score]
    }

    private mutating func markOffTopic(_ answerID: String) -> Step {
        guard let position = answerPositions[answerID] else { return .refused(reason: Self.missingAnswer(answerID)) }
        let key = ThemeAnalysisResult.offTopicKey
        if !themes.contains(where: { $0.key == key }) {
            themes.append(Theme(key: key, label: ThemeAnalysisResult.offTopicLabel, terms: [], size: 0, quotes: [], kind: .offTopic))
        }
        willChange(position)
        assignments[position].themes = [key]
        assignments[position].scores = [0]
        return .applied(note: nil)
    }

    // MARK: - Settling

    /// Takes an assignment's counts out of `sizes` before a step changes it; each step calls this
    /// at most once per position (split removes repeated answers first).
    mutating func willChange(_ position: Int) {
        touched.append(position)
        count(assignments[position], by: -1)
    }

    /// Adds (or with -1 removes) an assignment's counts: `other` counts every answer whose first
    /// key it is, including those in emerging themes; every other theme counts the answers whose
    /// effective theme it is.
    private mutating func count(_ assignment: ThemeAssignment, by change: Int) {
        let other = ThemeAnalysisResult.otherKey
        if assignment.themes.first == other { sizes[other, default: 0] += change }
        if let key = assignment.effectiveThemeKey, key != other { sizes[key, default: 0] += change }
        if let purpose = assignment.purpose {
            for key in Set(assignment.themes) { purposeSizes[key, default: [:]][purpose, default: 0] += change }
        }
    }

    /// Restores the invariants after a change: clean touched assignments, sizes from assignments,
    /// quotes only of members, empty non-guided themes gone, no keys of themes that are gone.
    private mutating func settle() {
        let kinds = Dictionary(themes.map { ($0.key, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for position in touched {
            assignments[position] = Self.normalized(assignments[position], kinds: kinds)
            count(assignments[position], by: 1)
        }
        touched.removeAll()

        let dropped = Set(themes.filter { sizes[$0.key, default: 0] <= 0 && $0.kind != .guided }.map(\.key))
        themes.removeAll { dropped.contains($0.key) }
        for index in themes.indices {
            let key = themes[index].key
            themes[index].size = sizes[key, default: 0]
            themes[index].quotes.removeAll { quote in
                answerPositions[quote].flatMap { assignments[$0].effectiveThemeKey } != key
            }
            settlePurposes(of: index)
        }
        guard !dropped.isEmpty else { return }
        // A theme that is no answer's effective theme can still be another answer's second theme.
        for position in assignments.indices where assignments[position].themes.dropFirst().contains(where: dropped.contains) {
            let assignment = assignments[position]
            let kept = assignment.themes.indices.filter { $0 == 0 || !dropped.contains(assignment.themes[$0]) }
            assignments[position].themes = kept.map { assignment.themes[$0] }
            assignments[position].scores = kept.filter { $0 < assignment.scores.count }.map { assignment.scores[$0] }
        }
    }

    /// Keys without repeats; a leading `other` only before an emerging theme; `off-topic` alone or not at all.
    static func normalized(_ assignment: ThemeAssignment, kinds: [String: ThemeKind]) -> ThemeAssignment {
        var pairs: [(key: String, score: Double)] = []
        for (index, key) in assignment.themes.enumerated() where !pairs.contains(where: { $0.key == key }) {
            pairs.append((key, index < assignment.scores.count ? assignment.scores[index] : 0))
        }
        if pairs.count > 1, pairs[0].key == ThemeAnalysisResult.otherKey,
           let kind = kinds[pairs[1].key], kind != .emerging {
            pairs.removeFirst()
        }
        if pairs.first?.key == ThemeAnalysisResult.offTopicKey {
            pairs = [pairs[0]]
        } else {
            pairs.removeAll { $0.key == ThemeAnalysisResult.offTopicKey }
        }
        var result = assignment
        result.themes = pairs.map(\.key)
        result.scores = pairs.map(\.score)
        return result
    }

    /// The theme's purpose groups from the counts; quotes only of answers that still carry the
    /// theme with that purpose.
    private mutating func settlePurposes(of index: Int) {
        let key = themes[index].key
        let counts = purposeSizes[key, default: [:]]
        let existing = Dictionary(themes[index].purposes.map { ($0.purpose, $0.quotes) }, uniquingKeysWith: { first, _ in first })
        themes[index].purposes = AnswerPurpose.allCases.compactMap { purpose in
            guard let size = counts[purpose], size > 0 else { return nil }
            let quotes = (existing[purpose] ?? []).filter { quote in
                answerPositions[quote].map { assignments[$0].purpose == purpose && assignments[$0].themes.contains(key) } ?? false
            }
            return PurposeGroup(purpose: purpose, size: size, quotes: quotes)
        }
    }

    // MARK: - Helpers

    /// A new analyst theme of the answers at these positions (terms they share, the first as quotes,
    /// quotes per purpose); sizes are settled afterwards.
    func analystTheme(key: String, label: String, positions: [Int]) -> Theme {
        let purposes = AnswerPurpose.allCases.compactMap { purpose -> PurposeGroup? in
            let members = positions.filter { assignments[$0].purpose == purpose }
            guard !members.isEmpty else { return nil }
            return PurposeGroup(purpose: purpose, size: members.count,
                                quotes: members.prefix(ThemeDescriber.purposeQuoteCount).map { assignments[$0].id })
        }
        return Theme(
            key: key, label: label,
            terms: Self.commonTerms(positions.map { assignments[$0].terms }),
            size: positions.count,
            quotes: positions.prefix(Self.analystQuoteCount).map { assignments[$0].id },
            kind: .analyst,
            purposes: purposes
        )
    }

    /// "analyst-" and a stable hash of the label; a suffix when a theme already has that key.
    func newAnalystKey(for label: String) -> String {
        let base = ThemeAnalysisResult.analystKeyPrefix + StableHash.hex(of: label)
        var key = base
        var suffix = 2
        while themes.contains(where: { $0.key == key }) {
            key = "\(base)-\(suffix)"
            suffix += 1
        }
        return key
    }

    /// The label without surrounding white space; nil when nothing is left.
    static func trimmedLabel(_ label: String) -> String? {
        let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Terms in order, each once (compared in lower case; the first spelling wins).
    static func uniqueTerms(_ terms: [String]) -> [String] {
        var seen = Set<String>()
        return terms.filter { seen.insert($0.lowercased()).inserted }
    }

    /// The lists taken in turns (first of each, then second of each …), each id once, as many as
    /// the longest list had, so a merged theme shows quotes of every part.
    static func interleaved(_ lists: [[String]]) -> [String] {
        let limit = lists.map(\.count).max() ?? 0
        var result: [String] = []
        var seen = Set<String>()
        for rank in 0..<limit {
            for list in lists where rank < list.count && result.count < limit {
                if seen.insert(list[rank]).inserted { result.append(list[rank]) }
            }
        }
        return result
    }

    /// The terms most answers share (each answer counts a term once), ties in order of appearance.
    static func commonTerms(_ termLists: [[String]]) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        var spelling: [String: String] = [:]
        for terms in termLists {
            var seen = Set<String>()
            for term in terms {
                let folded = term.lowercased()
                guard seen.insert(folded).inserted else { continue }
                if counts[folded] == nil {
                    order.append(folded)
                    spelling[folded] = term
                }
                counts[folded, default: 0] += 1
            }
        }
        let ranked = order.enumerated().sorted { left, right in
            let leftCount = counts[left.element, default: 0], rightCount = counts[right.element, default: 0]
            return leftCount != rightCount ? leftCount > rightCount : left.offset < right.offset
        }
        return ranked.prefix(analystTermCount).compactMap { spelling[$0.element] }
    }

    static func missingTheme(_ reference: ThemeReference) -> String {
        guard reference.hasMachineNumberedKey, !reference.terms.isEmpty else {
            return "theme \"\(reference.key)\" is not in this run"
        }
        return "theme \"\(reference.key)\" is not in this run (no theme has terms like "
            + reference.terms.prefix(3).joined(separator: ", ") + ")"
    }

    private static func missingAnswer(_ answerID: String) -> String {
        "answer \"\(answerID)\" is not in this run"
    }
}
