import Forms

/// How many analysed free-text answers carry each theme, per session and per background answer.
///
/// Encodes as the analyst API's `bySession` and `byBackground` (see `analyst-api`): every theme key of
/// the report appears in every `counts` (0 when none), so pages can draw complete tables. An answer
/// whose citizen skipped a background question is not counted under that question; one who picked
/// several values of a multiple-choice background question counts under each.
public struct ThemeBreakdowns: Sendable, Hashable, Encodable {
    /// Per session, in the bundle's order.
    public var bySession: [SessionThemeCounts]
    /// Per background question (form order), per value (option order, then "other").
    public var byBackground: [BackgroundThemeCounts]

    /// Breakdowns of these parts.
    public init(bySession: [SessionThemeCounts], byBackground: [BackgroundThemeCounts]) {
        self.bySession = bySession
        self.byBackground = byBackground
    }

    /// Computes the breakdowns of a bundle's theme report; without one, every count is 0.
    public init(bundle: ExportBundle) {
        let report = bundle.themes ?? ThemeReport(themes: [], assignments: [], decisions: [])
        let zero = Dictionary(report.themes.map { ($0.key, 0) }, uniquingKeysWith: { first, _ in first })
        let responses = Dictionary(bundle.responses.map { ($0.submissionID, $0) }, uniquingKeysWith: { first, _ in first })
        let analysed: [(response: ExportResponse, themes: [String])] = report.assignments.compactMap { assignment in
            let reference = AnswerReference(answerID: assignment.answerID)
            guard let response = responses[reference.submissionID] else { return nil }
            var unique: [String] = []
            for key in assignment.themes where !unique.contains(key) { unique.append(key) }
            return (response, unique)
        }
        func tally(_ answers: [(response: ExportResponse, themes: [String])]) -> (Int, [String: Int]) {
            var counts = zero
            for answer in answers {
                for key in answer.themes { counts[key, default: 0] += 1 }
            }
            return (answers.count, counts)
        }
        bySession = bundle.sessions.map { session in
            let (answerCount, counts) = tally(analysed.filter { $0.response.sessionCode == session.code })
            return SessionThemeCounts(sessionCode: session.code, title: session.title, answerCount: answerCount,
                                      counts: counts)
        }
        byBackground = bundle.form.backgroundQuestions.map { question in
            let values = ChoiceValues.values(of: question).map { value in
                let (answerCount, counts) = tally(analysed.filter {
                    ChoiceValues.picked(in: $0.response.answers[question.id]).contains(value.value)
                })
                return BackgroundValueThemeCounts(value: value.value, label: value.label, answerCount: answerCount,
                                                  counts: counts)
            }
            return BackgroundThemeCounts(questionID: question.id, label: question.label.da, values: values)
        }
    }
}

/// Theme counts of one session (`{"session", "title", "answerCount", "counts"}`).
public struct SessionThemeCounts: Sendable, Hashable, Encodable {
    /// The session's code.
    public var sessionCode: String
    /// Its title.
    public var title: String
    /// Analysed answers from it.
    public var answerCount: Int
    /// Theme key → answers carrying it.
    public var counts: [String: Int]

    /// Counts of a session.
    public init(sessionCode: String, title: String, answerCount: Int, counts: [String: Int]) {
        self.sessionCode = sessionCode
        self.title = title
        self.answerCount = answerCount
        self.counts = counts
    }

    enum CodingKeys: String, CodingKey {
        case sessionCode = "session", title, answerCount, counts
    }
}

/// Theme counts per value of one background question (`{"question", "label", "values"}`).
public struct BackgroundThemeCounts: Sendable, Hashable, Encodable {
    /// The question's id.
    public var questionID: String
    /// Its Danish label.
    public var label: String
    /// One entry per value.
    public var values: [BackgroundValueThemeCounts]

    /// Counts of a background question.
    public init(questionID: String, label: String, values: [BackgroundValueThemeCounts]) {
        self.questionID = questionID
        self.label = label
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case questionID = "question", label, values
    }
}

/// Theme counts of the answers from citizens who gave one background value.
public struct BackgroundValueThemeCounts: Sendable, Hashable, Encodable {
    /// The option value (`other` for an own answer).
    public var value: String
    /// Its Danish label.
    public var label: String
    /// Analysed answers from citizens with this value.
    public var answerCount: Int
    /// Theme key → answers carrying it.
    public var counts: [String: Int]

    /// Counts of a background value.
    public init(value: String, label: String, answerCount: Int, counts: [String: Int]) {
        self.value = value
        self.label = label
        self.answerCount = answerCount
        self.counts = counts
    }
}
