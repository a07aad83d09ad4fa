/// Theme counts of one session (`{"session", "title", "peopleCount", "counts"}`).
public struct SessionThemeCounts: Sendable, Hashable, Encodable {
    /// The session's code.
    public var sessionCode: String
    /// Its title.
    public var title: String
    /// People from it whose free text was analysed.
    public var peopleCount: Int
    /// Theme key → people carrying it.
    public var counts: [String: Int]

    /// Counts of a session.
    public init(sessionCode: String, title: String, peopleCount: Int, counts: [String: Int]) {
        self.sessionCode = sessionCode
        self.title = title
        self.peopleCount = peopleCount
        self.counts = counts
    }

    enum CodingKeys: String, CodingKey {
        case sessionCode = "session", title, peopleCount, counts
    }
}

/// Theme counts of one table at one session (`{"session", "table", "label", "peopleCount", "counts"}`).
public struct TableThemeCounts: Sendable, Hashable, Encodable {
    /// The session's code.
    public var sessionCode: String
    /// The table label the tablet sent; nil for responses without one.
    public var table: String?
    /// What to call it: the table (or "Uden bord"), after the session's title when several are exported.
    public var label: String
    /// People at it whose free text was analysed.
    public var peopleCount: Int
    /// Theme key → people carrying it.
    public var counts: [String: Int]

    /// Counts of a table.
    public init(sessionCode: String, table: String?, label: String, peopleCount: Int, counts: [String: Int]) {
        self.sessionCode = sessionCode
        self.table = table
        self.label = label
        self.peopleCount = peopleCount
        self.counts = counts
    }

    enum CodingKeys: String, CodingKey {
        case sessionCode = "session", table, label, peopleCount, counts
    }

    /// Writes `table` as `null` when there is none, so every entry has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sessionCode, forKey: .sessionCode)
        try container.encode(table, forKey: .table)
        try container.encode(label, forKey: .label)
        try container.encode(peopleCount, forKey: .peopleCount)
        try container.encode(counts, forKey: .counts)
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

/// Theme counts of the people who gave one background value.
public struct BackgroundValueThemeCounts: Sendable, Hashable, Encodable {
    /// The option value (`other` for an own answer).
    public var value: String
    /// Its Danish label.
    public var label: String
    /// People with this value whose free text was analysed.
    public var peopleCount: Int
    /// Theme key → people carrying it.
    public var counts: [String: Int]

    /// Counts of a background value.
    public init(value: String, label: String, peopleCount: Int, counts: [String: Int]) {
        self.value = value
        self.label = label
        self.peopleCount = peopleCount
        self.counts = counts
    }
}
