/// Analyst decisions applied to a result, and references for storing new ones.
extension ThemeAnalysisResult {
    /// The key of the theme holding answers an analyst marked as off-topic.
    public static let offTopicKey = "off-topic"
    /// The label of the off-topic theme.
    public static let offTopicLabel = "Uden for emnet"
    /// How the keys of themes made by a split begin.
    public static let analystKeyPrefix = "analyst-"

    /// The result with the decisions applied in order, and what became of each one.
    ///
    /// A decision that cannot apply (its theme or answer is not in this result) changes nothing
    /// and is reported with `applied: false` and a reason. After each decision sizes are
    /// recomputed from the assignments, quotes of answers that left a theme are dropped, and
    /// empty themes disappear, except guided ones, which stay with size 0. Applying the same
    /// decisions to a later run with more answers keeps them: new answers stay where the machine
    /// put them, answers placed by hand stay where the analyst put them.
    ///
    /// Search decisions (`moveMatching`, `splitMatching`, `themeFromSearch`) evaluate their query on
    /// `answers`, the run's answers; without them they are not applied.
    public func applying(_ decisions: [ThemeDecision], answers: AnswerSearch? = nil) -> (result: ThemeAnalysisResult, outcomes: [DecisionOutcome]) {
        var applier = DecisionApplier(self, search: answers)
        var outcomes: [DecisionOutcome] = []
        outcomes.reserveCapacity(decisions.count)
        for (index, decision) in decisions.enumerated() {
            switch applier.apply(decision) {
            case .applied(let note):
                outcomes.append(DecisionOutcome(index: index, applied: true, reason: note, answerIDs: applier.placed))
            case .refused(let reason):
                outcomes.append(DecisionOutcome(index: index, applied: false, reason: reason))
            }
        }
        return (applier.result, outcomes)
    }

    /// A reference to the theme with this key, for storing a decision made on this result; nil when there is none.
    public func reference(to key: String) -> ThemeReference? {
        themes.first { $0.key == key }.map { ThemeReference(key: $0.key, terms: $0.terms) }
    }
}
