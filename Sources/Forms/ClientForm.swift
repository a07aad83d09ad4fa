import Foundation

/// A form as the tablet receives it: every text resolved in one language, absent settings omitted.
public struct ClientForm: Encodable, Hashable, Sendable {
    /// The form id.
    public let id: String
    /// The form version (its content hash); sent back with answers.
    public let version: String
    /// The language of every text in this view.
    public let language: Language
    /// The languages the form can be shown in.
    public let languages: [Language]
    /// The title.
    public let title: String
    /// The welcome text.
    public let intro: String?
    /// The policy themes.
    public let themes: [ClientTheme]
    /// Questions, info paragraphs and section headings, in order.
    public let questions: [ClientQuestion]
    /// The contact opt-in block.
    public let contact: ClientContact?
    /// Fixed interface texts (buttons, messages) in the language; see `ClientInterfaceText`.
    public let ui: [String: String]

    /// The view as compact JSON with sorted keys; deterministic.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and dictionaries cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A policy theme in the client view.
public struct ClientTheme: Encodable, Hashable, Sendable {
    /// The theme key.
    public let key: String
    /// The theme's name.
    public let name: String
    /// What the theme covers.
    public let description: String
}

/// An option (or ranking/points item) in the client view.
public struct ClientOption: Encodable, Hashable, Sendable {
    /// The value sent back in answers.
    public let value: String
    /// The visible label.
    public let label: String
}

/// A `showIf` condition in the client view: exactly one of `equals` and `in` is present.
public struct ClientCondition: Encodable, Hashable, Sendable {
    /// The id of the earlier question.
    public let question: String
    /// The value that shows the question.
    public let equals: JSONValue?
    /// The values that show the question.
    public let values: [JSONValue]?

    enum CodingKeys: String, CodingKey {
        case question, equals
        case values = "in"
    }
}

/// The contact opt-in block in the client view.
public struct ClientContact: Encodable, Hashable, Sendable {
    /// The block's heading.
    public let label: String
    /// Why the municipality asks.
    public let help: String?
    /// The consent the citizen ticks.
    public let consentText: String
    /// The label of the name field.
    public let nameLabel: String
    /// The label of the e-mail field.
    public let emailLabel: String
}
