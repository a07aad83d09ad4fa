/// What changed between two versions of a form, item by item, each describable in Danish and English.
///
/// Questions and themes are matched by id and key; an option by its value. Pure: two forms in,
/// a list of changes out, in a fixed order (form texts, themes, questions in the new form's order,
/// removed questions, contact block).
public struct FormDifference: Hashable, Sendable {
    /// Every change, in the order described above.
    public let changes: [FormChange]

    /// Compares an older version of a form with a newer one.
    public init(from old: Form, to new: Form) {
        var changes: [FormChange] = []
        if old.id != new.id { changes.append(.id(from: old.id, to: new.id)) }
        if old.title != new.title { changes.append(.title(from: old.title, to: new.title)) }
        if old.intro != new.intro { changes.append(.intro(from: old.intro, to: new.intro)) }
        changes += Self.themeChanges(from: old.themes, to: new.themes)
        changes += Self.questionChanges(from: old.questions, to: new.questions)
        changes += Self.contactChanges(from: old.contact, to: new.contact)
        self.changes = changes
    }

    /// Whether the two versions ask the same in the same way.
    public var isEmpty: Bool { changes.isEmpty }

    /// Every change as a line in one language.
    public func descriptions(in language: Language) -> [String] {
        changes.map { $0.text.text(in: language) }
    }

    /// The changes to one question (its own changes, not its addition or removal).
    public func changes(toQuestion id: String) -> [QuestionChange] {
        changes.compactMap { change in
            if case .question(let changedID, _, let questionChange) = change, changedID == id { return questionChange }
            return nil
        }
    }

    private static func themeChanges(from old: [PolicyTheme], to new: [PolicyTheme]) -> [FormChange] {
        var changes: [FormChange] = []
        let oldByKey = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(\.key))
        for theme in new {
            guard let before = oldByKey[theme.key] else {
                changes.append(.themeAdded(theme))
                continue
            }
            if before.name != theme.name {
                changes.append(.themeName(key: theme.key, from: before.name, to: theme.name))
            }
            if before.description != theme.description {
                changes.append(.themeDescription(key: theme.key, name: theme.name, from: before.description, to: theme.description))
            }
            for language in Language.allCases {
                let was = before.keywords[language] ?? [], now = theme.keywords[language] ?? []
                let added = now.filter { !was.contains($0) }, removed = was.filter { !now.contains($0) }
                if !added.isEmpty || !removed.isEmpty {
                    changes.append(.themeKeywords(key: theme.key, language: language, added: added, removed: removed))
                }
            }
        }
        for theme in old where !newKeys.contains(theme.key) { changes.append(.themeRemoved(theme)) }
        let oldCommon = old.map(\.key).filter(newKeys.contains)
        let newCommon = new.map(\.key).filter { oldByKey[$0] != nil }
        if oldCommon != newCommon { changes.append(.themesReordered(from: oldCommon, to: newCommon)) }
        return changes
    }

    private static func questionChanges(from old: [Question], to new: [Question]) -> [FormChange] {
        var changes: [FormChange] = []
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.id))
        let oldPositions = Dictionary(old.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let moved = movedIDs(oldOrder: old.map(\.id).filter(newIDs.contains), newOrder: new.map(\.id).filter { oldByID[$0] != nil })
        for (position, question) in new.enumerated() {
            guard let before = oldByID[question.id] else {
                changes.append(.questionAdded(question, position: position))
                continue
            }
            var questionChanges = QuestionChange.changes(from: before, to: question)
            if moved.contains(question.id), let oldPosition = oldPositions[question.id] {
                questionChanges.append(.moved(from: oldPosition, to: position))
            }
            changes += questionChanges.map { .question(id: question.id, label: question.label, $0) }
        }
        for question in old where !newIDs.contains(question.id) { changes.append(.questionRemoved(question)) }
        return changes
    }

    /// The ids that changed place: those outside a longest run kept in the same relative order.
    static func movedIDs(oldOrder: [String], newOrder: [String]) -> Set<String> {
        let oldIndex = Dictionary(oldOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sequence = newOrder.compactMap { oldIndex[$0] }
        // Longest increasing subsequence, O(n²): forms have tens of questions.
        var length = Array(repeating: 1, count: sequence.count)
        var previous = Array(repeating: -1, count: sequence.count)
        for index in sequence.indices {
            for earlier in 0..<index where sequence[earlier] < sequence[index] && length[earlier] + 1 > length[index] {
                length[index] = length[earlier] + 1
                previous[index] = earlier
            }
        }
        var kept = Set<String>()
        var cursor = length.indices.max { length[$0] < length[$1] } ?? -1
        while cursor >= 0 {
            kept.insert(oldOrder[sequence[cursor]])
            cursor = previous[cursor]
        }
        return Set(newOrder).subtracting(kept)
    }

    private static func contactChanges(from old: ContactBlock?, to new: ContactBlock?) -> [FormChange] {
        switch (old, new) {
        case (nil, nil): return []
        case (nil, .some): return [.contactAdded]
        case (.some, nil): return [.contactRemoved]
        case (let old?, let new?):
            let fields: [(String, LocalizedText?, LocalizedText?)] = [
                ("label", old.label, new.label), ("help", old.help, new.help), ("consentText", old.consentText, new.consentText),
                ("nameLabel", old.nameLabel, new.nameLabel), ("emailLabel", old.emailLabel, new.emailLabel),
            ]
            return fields.filter { $0.1 != $0.2 }.map { .contactText(field: $0.0, from: $0.1, to: $0.2) }
        }
    }
}
