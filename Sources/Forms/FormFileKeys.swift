/// The fields of each part of a form file, in the order the README lists them.
///
/// The readers allow these keys and `FormFileWriter` writes them in this order, so a written file
/// reads like the shipped ones. Keys a part does not know come last, sorted.
enum FormFileKeys {
    /// The top level of a form file.
    static let form = ["$schema", "formatVersion", "id", "title", "intro", "themes", "questions", "contact"]
    /// A theme.
    static let theme = ["key", "name", "description", "keywords"]
    /// A translation, and a theme's keywords: one member per language, Danish first.
    static let languages = Language.allCases.map(\.rawValue)
    /// An option of a choice, ranking or points question.
    static let option = ["value", "label"]
    /// A `showIf` condition.
    static let condition = ["question", "equals", "in"]
    /// The contact block.
    static let contact = ["label", "help", "consentText", "nameLabel", "emailLabel"]
    /// The fields every answerable question may have.
    static let answerableQuestion = ["id", "type", "label", "help", "required", "background", "themes", "purpose", "showIf"]
    /// Every field a question of some type may have: the common ones, then each type's settings.
    static let question = answerableQuestion + [
        "multiline", "maxLength", "placeholder",
        "items", "options", "allowOther", "otherLabel", "minSelected", "maxSelected", "minRanked", "total", "requireAll",
        "min", "max", "minLabel", "maxLabel", "allowDontKnow", "dontKnowLabel", "integer", "unit",
    ]
}
