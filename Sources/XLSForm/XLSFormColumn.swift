import Forms

/// The column headings of the layout, each named once: the writer writes them and the reader looks for them.
///
/// XLSForm's own columns are used where XLSForm has one; the others are Borgerdialog's and listed
/// in Forms/README.md. A heading whose text is translated is a base (`label`) followed by
/// `::` and a language (`label::Dansk (da)`).
enum XLSFormColumn {
    // survey: XLSForm's columns
    static let type = "type"
    static let name = "name"
    static let label = "label"
    static let hint = "hint"
    static let required = "required"
    static let relevant = "relevant"
    static let appearance = "appearance"
    static let parameters = "parameters"
    // survey: Borgerdialog's columns
    static let themes = "themes"
    static let background = "background"
    static let purpose = "purpose"
    static let multiline = "multiline"
    static let maxLength = "max_length"
    static let placeholder = "placeholder"
    static let items = "items"
    static let allowOther = "allow_other"
    static let otherLabel = "other_label"
    static let minSelected = "min_selected"
    static let maxSelected = "max_selected"
    static let minRanked = "min_ranked"
    static let total = "total"
    static let requireAll = "require_all"
    static let minimum = "min"
    static let maximum = "max"
    static let minLabel = "min_label"
    static let maxLabel = "max_label"
    static let integer = "integer"
    static let dontKnow = "dont_know"
    static let dontKnowLabel = "dont_know_label"
    static let unit = "unit"
    // choices
    static let listName = "list_name"
    // settings
    static let formID = "form_id"
    static let formTitle = "form_title"
    static let version = "version"
    static let defaultLanguage = "default_language"
    static let intro = "intro"
    static let schema = "schema"
    // themes
    static let key = "key"
    static let description = "description"
    static let keywords = "keywords"
    // contact
    static let field = "field"
    static let text = "text"

    /// The sheets, in the order they are written.
    enum Sheet {
        static let survey = "survey"
        static let choices = "choices"
        static let settings = "settings"
        static let themes = "themes"
        static let contact = "contact"
        /// Every sheet the reader knows.
        static let all = [survey, choices, settings, themes, contact]
    }

    /// The headings of translated survey columns, in the order they are written.
    static let translatedSurveyColumns = [label, hint, placeholder, otherLabel, minLabel, maxLabel, dontKnowLabel, unit]

    /// The survey columns written after `relevant` when some question uses them, in this order.
    static let ownSurveyColumns: [String] = [
        appearance, themes, background, purpose, multiline, maxLength, placeholder, items, allowOther, otherLabel,
        minSelected, maxSelected, minRanked, total, requireAll, minimum, maximum, minLabel, maxLabel, integer,
        dontKnow, dontKnowLabel, unit,
    ]

    /// What a survey column's cells hold.
    enum ValueKind {
        /// yes or no.
        case flag
        /// A number.
        case number
        /// A word as written, e.g. `works`.
        case word
        /// Words separated by spaces (or commas), e.g. theme keys.
        case list
        /// A text with a column per language.
        case translated
    }

    /// The survey columns that hold one question field each: the heading, the key in a form file, what the cells hold.
    ///
    /// Three fields are written the XLSForm way when true and only then need their own column:
    /// `multiline` (appearance `multiline`), `allowOther` (`or_other` after the list name) and
    /// `integer` (type `integer`).
    static let questionFields: [(column: String, key: String, kind: ValueKind)] = [
        (label, "label", .translated), (hint, "help", .translated), (required, "required", .flag),
        (themes, "themes", .list), (background, "background", .flag), (purpose, "purpose", .word),
        (multiline, "multiline", .flag), (maxLength, "maxLength", .number), (placeholder, "placeholder", .translated),
        (items, "items", .word), (allowOther, "allowOther", .flag), (otherLabel, "otherLabel", .translated),
        (minSelected, "minSelected", .number), (maxSelected, "maxSelected", .number), (minRanked, "minRanked", .number),
        (total, "total", .number), (requireAll, "requireAll", .flag), (minimum, "min", .number), (maximum, "max", .number),
        (minLabel, "minLabel", .translated), (maxLabel, "maxLabel", .translated), (integer, "integer", .flag),
        (dontKnow, "allowDontKnow", .flag), (dontKnowLabel, "dontKnowLabel", .translated), (unit, "unit", .translated),
    ]

    /// The contact block's fields: the heading in the `field` column and the key in a form file.
    static let contactFields: [(field: String, key: String)] = [
        ("label", "label"), ("help", "help"), ("consent_text", "consentText"), ("name_label", "nameLabel"),
        ("email_label", "emailLabel"),
    ]
}
