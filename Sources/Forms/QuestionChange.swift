/// One change to a question that kept its id; `text` says it in Danish and English.
public enum QuestionChange: Hashable, Sendable {
    /// The question text changed.
    case label(from: LocalizedText, to: LocalizedText)
    /// The help line was added, removed or changed.
    case help(from: LocalizedText?, to: LocalizedText?)
    /// The type changed (answers given before may not fit the new type).
    case type(from: QuestionType, to: QuestionType)
    /// The question became required, or stopped being required.
    case required(Bool)
    /// The question became a background question, or stopped being one.
    case background(Bool)
    /// Theme tags were added or removed.
    case themes(added: [String], removed: [String])
    /// The purpose was set, removed or changed.
    case purpose(from: QuestionPurpose?, to: QuestionPurpose?)
    /// The condition was added, removed or changed.
    case condition(from: DisplayCondition?, to: DisplayCondition?)
    /// An option (or ranking/points item of the question's own) was added.
    case optionAdded(ChoiceOption)
    /// An option was removed.
    case optionRemoved(ChoiceOption)
    /// An option kept its label but got another stored value: old and new answers no longer count together.
    case optionRenamed(from: String, to: String, label: LocalizedText)
    /// An option kept its value but got another label.
    case optionRelabelled(value: String, from: LocalizedText, to: LocalizedText)
    /// The options kept are in another order.
    case optionsReordered(from: [String], to: [String])
    /// A setting of the type changed, e.g. `maxLength` or `min`; values as written in a form file.
    case setting(name: String, from: JSONValue?, to: JSONValue?)
    /// The question moved, positions counted from 0.
    case moved(from: Int, to: Int)

    /// The changes between two versions of one question.
    static func changes(from old: Question, to new: Question) -> [QuestionChange] {
        var changes: [QuestionChange] = []
        if old.label != new.label { changes.append(.label(from: old.label, to: new.label)) }
        if old.help != new.help { changes.append(.help(from: old.help, to: new.help)) }
        if old.type != new.type { changes.append(.type(from: old.type, to: new.type)) }
        if old.isRequired != new.isRequired { changes.append(.required(new.isRequired)) }
        if old.isBackground != new.isBackground { changes.append(.background(new.isBackground)) }
        let addedThemes = new.themes.filter { !old.themes.contains($0) }
        let removedThemes = old.themes.filter { !new.themes.contains($0) }
        if !addedThemes.isEmpty || !removedThemes.isEmpty { changes.append(.themes(added: addedThemes, removed: removedThemes)) }
        if old.purpose != new.purpose { changes.append(.purpose(from: old.purpose, to: new.purpose)) }
        if old.condition != new.condition { changes.append(.condition(from: old.condition, to: new.condition)) }
        if old.ownsOptions, new.ownsOptions { changes += optionChanges(from: old.options, to: new.options) }
        let oldSettings = old.kind.settings, newSettings = new.kind.settings
        for name in (oldSettings + newSettings).map(\.name).uniqued() {
            let before = oldSettings.first { $0.name == name }?.value, after = newSettings.first { $0.name == name }?.value
            if before != after { changes.append(.setting(name: name, from: before, to: after)) }
        }
        return changes
    }

    private static func optionChanges(from old: [ChoiceOption], to new: [ChoiceOption]) -> [QuestionChange] {
        var changes: [QuestionChange] = []
        var added = new.filter { option in !old.contains { $0.value == option.value } }
        var removed = old.filter { option in !new.contains { $0.value == option.value } }
        // A value that disappeared while an option with the same label appeared was renamed.
        for option in removed {
            guard let renamed = added.first(where: { $0.label == option.label }) else { continue }
            changes.append(.optionRenamed(from: option.value, to: renamed.value, label: renamed.label))
            added.removeAll { $0.value == renamed.value }
            removed.removeAll { $0.value == option.value }
        }
        for option in new {
            if let before = old.first(where: { $0.value == option.value }), before.label != option.label {
                changes.append(.optionRelabelled(value: option.value, from: before.label, to: option.label))
            }
        }
        changes += added.map(QuestionChange.optionAdded) + removed.map(QuestionChange.optionRemoved)
        let newValues = Set(new.map(\.value)), oldValues = Set(old.map(\.value))
        let keptOld = old.map(\.value).filter(newValues.contains), keptNew = new.map(\.value).filter(oldValues.contains)
        if keptOld != keptNew { changes.append(.optionsReordered(from: keptOld, to: keptNew)) }
        return changes
    }
}

extension Question {
    /// Whether the options are the question's own (not the form's themes as items).
    var ownsOptions: Bool {
        switch kind {
        case .singleChoice, .multipleChoice: true
        case .ranking(let settings): settings.itemSource == .options
        case .points(let settings): settings.itemSource == .options
        case .text, .scale, .yesNo, .number, .info, .section: false
        }
    }
}

extension QuestionKind {
    /// The type's settings besides options, with defaults filled in, named as in a form file.
    var settings: [(name: String, value: JSONValue)] {
        func text(_ value: LocalizedText?) -> JSONValue? { value.map { ["da": .string($0.da), "en": .string($0.en)] } }
        func number(_ value: Int?) -> JSONValue? { value.map { .number(Double($0)) } }
        let all: [(String, JSONValue?)] = switch self {
        case .text(let settings):
            [("multiline", .bool(settings.isMultiline)), ("maxLength", number(settings.maxLength)),
             ("placeholder", text(settings.placeholder))]
        case .singleChoice(let settings):
            [("allowOther", .bool(settings.allowsOther)), ("otherLabel", text(settings.otherLabel))]
        case .multipleChoice(let settings):
            [("allowOther", .bool(settings.allowsOther)), ("otherLabel", text(settings.otherLabel)),
             ("minSelected", number(settings.minSelected)), ("maxSelected", number(settings.maxSelected))]
        case .scale(let settings):
            [("min", number(settings.min)), ("max", number(settings.max)), ("minLabel", text(settings.minLabel)),
             ("maxLabel", text(settings.maxLabel)), ("allowDontKnow", .bool(settings.allowsDontKnow)),
             ("dontKnowLabel", text(settings.dontKnowLabel))]
        case .number(let settings):
            [("min", settings.min.map(JSONValue.number)), ("max", settings.max.map(JSONValue.number)),
             ("integer", .bool(settings.isInteger)), ("unit", text(settings.unit))]
        case .ranking(let settings):
            [("items", .string(settings.itemSource.rawValue)), ("minRanked", number(settings.minRanked))]
        case .points(let settings):
            [("items", .string(settings.itemSource.rawValue)), ("total", number(settings.total)),
             ("requireAll", .bool(settings.requireAll))]
        case .yesNo, .info, .section:
            []
        }
        return all.compactMap { name, value in value.map { (name, $0) } }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each only the first time it occurs.
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
