/// A validated form: what citizens are asked at a dialogue meeting about one policy.
public struct Form: Sendable {
    /// The format version this library reads and writes.
    public static let formatVersion = 1

    /// A lowercase slug, equal to the file name without `.json`.
    public let id: String
    /// The form's title.
    public let title: LocalizedText
    /// A welcome text shown before the first question.
    public let intro: LocalizedText?
    /// The policy's themes, in the order the form declares them.
    public let themes: [PolicyTheme]
    /// Questions, info paragraphs and section headings, in order.
    public let questions: [Question]
    /// The contact opt-in block, if the form offers one.
    public let contact: ContactBlock?
    /// A stable hex SHA-256 of the canonical definition (compact JSON, sorted keys).
    ///
    /// Reformatting a file or reordering its keys keeps the hash; any change of content changes it.
    public let contentHash: String
    /// The exact JSON text the form was decoded from, for storing with the sessions that use it.
    public let definitionText: String
    /// The parsed definition, key for key as written: what the file writer and the XLSForm export start from.
    public let document: JSONValue

    init(
        id: String, title: LocalizedText, intro: LocalizedText?, themes: [PolicyTheme], questions: [Question],
        contact: ContactBlock?, contentHash: String, definitionText: String, document: JSONValue
    ) {
        self.id = id
        self.title = title
        self.intro = intro
        self.themes = themes
        self.questions = questions
        self.contact = contact
        self.contentHash = contentHash
        self.definitionText = definitionText
        self.document = document
    }

    /// The question (or info/section entry) with an id.
    public func question(id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// The theme with a key.
    public func theme(key: String) -> PolicyTheme? {
        themes.first { $0.key == key }
    }

    /// The questions marked as background, for exports and breakdowns.
    public var backgroundQuestions: [Question] {
        questions.filter(\.isBackground)
    }

    /// The questions that take an answer (no info paragraphs or section headings).
    public var answerableQuestions: [Question] {
        questions.filter(\.takesAnswer)
    }
}
