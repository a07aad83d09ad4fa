/// Why an answer was not accepted, as a value: each case has a Danish and an English text for the citizen.
public enum AnswerReason: Error, Hashable, Sendable {
    /// The submission answers a question the form does not have.
    case unknownQuestion
    /// An answer to an info paragraph or a section heading.
    case takesNoAnswer
    /// A required, visible question was left empty.
    case required
    /// The answer is not the kind of value the question takes (the tablet's fault, never the citizen's).
    case unreadable(expected: AnswerShape)
    /// A text answer longer than the question allows.
    case textTooLong(length: Int, maximum: Int)
    /// An "other" text longer than allowed.
    case otherTextTooLong(length: Int, maximum: Int)
    /// A value that is not one of the question's options.
    case notAnOption(String)
    /// An "other" answer to a question that has none.
    case noOtherAnswer
    /// The same option picked twice.
    case selectedTwice(String)
    /// Fewer picks than the question asks for.
    case tooFewSelected(minimum: Int, selected: Int)
    /// More picks than the question allows.
    case tooManySelected(maximum: Int, selected: Int)
    /// A scale answer outside the scale.
    case outsideScale(minimum: Int, maximum: Int, allowsDontKnow: Bool)
    /// A fraction where only whole numbers are accepted.
    case notWholeNumber
    /// A number below the question's minimum.
    case belowMinimum(Double)
    /// A number above the question's maximum.
    case aboveMaximum(Double)
    /// A ranked or pointed item that the question does not have.
    case notAnItem(String)
    /// The same item ranked twice.
    case rankedTwice(String)
    /// Fewer ranked items than the question asks for.
    case tooFewRanked(minimum: Int, ranked: Int)
    /// Not every item ranked, when all must be.
    case notAllRanked(count: Int, ranked: Int)
    /// Points for an item that are not a whole number from 0 to the total.
    case pointsOutOfRange(item: String, total: Int)
    /// More points given than there are.
    case tooManyPoints(given: Int, total: Int)
    /// Fewer points given than must be used.
    case pointsNotAllUsed(given: Int, total: Int)
    /// Contact details for a form that does not ask for them.
    case contactNotOffered
    /// A member of the contact details that is not name, e-mail or consent.
    case unknownContactField(String)
    /// Contact details without the consent ticked.
    case consentMissing
    /// Contact details without an e-mail address.
    case emailMissing
    /// An e-mail address that does not look like one.
    case emailInvalid
    /// A name longer than accepted.
    case nameTooLong(maximum: Int)

    /// The shape an answer should have had, named in `unreadable` problems.
    public enum AnswerShape: String, Hashable, Sendable, CaseIterable {
        /// A text.
        case text
        /// One option value.
        case option
        /// A list of option values.
        case options
        /// The citizen's own "other" answer.
        case otherAnswer
        /// True or false.
        case yesOrNo
        /// A number.
        case number
        /// Items in order.
        case order
        /// Points per item.
        case points
        /// Name, e-mail and consent.
        case contactDetails
    }

    /// Each case without its values, so clients and tests can list every reason.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The cases of `AnswerReason`, named alike.
        case unknownQuestion, takesNoAnswer, required, unreadable, textTooLong, otherTextTooLong, notAnOption
        /// More cases of `AnswerReason`, named alike.
        case noOtherAnswer, selectedTwice, tooFewSelected, tooManySelected, outsideScale, notWholeNumber
        /// More cases of `AnswerReason`, named alike.
        case belowMinimum, aboveMaximum, notAnItem, rankedTwice, tooFewRanked, notAllRanked, pointsOutOfRange
        /// More cases of `AnswerReason`, named alike.
        case tooManyPoints, pointsNotAllUsed, contactNotOffered, unknownContactField, consentMissing, emailMissing
        /// More cases of `AnswerReason`, named alike.
        case emailInvalid, nameTooLong
    }

    /// The case without its values, e.g. "textTooLong": a stable code for clients.
    public var kind: Kind {
        switch self {
        case .unknownQuestion: .unknownQuestion
        case .takesNoAnswer: .takesNoAnswer
        case .required: .required
        case .unreadable: .unreadable
        case .textTooLong: .textTooLong
        case .otherTextTooLong: .otherTextTooLong
        case .notAnOption: .notAnOption
        case .noOtherAnswer: .noOtherAnswer
        case .selectedTwice: .selectedTwice
        case .tooFewSelected: .tooFewSelected
        case .tooManySelected: .tooManySelected
        case .outsideScale: .outsideScale
        case .notWholeNumber: .notWholeNumber
        case .belowMinimum: .belowMinimum
        case .aboveMaximum: .aboveMaximum
        case .notAnItem: .notAnItem
        case .rankedTwice: .rankedTwice
        case .tooFewRanked: .tooFewRanked
        case .notAllRanked: .notAllRanked
        case .pointsOutOfRange: .pointsOutOfRange
        case .tooManyPoints: .tooManyPoints
        case .pointsNotAllUsed: .pointsNotAllUsed
        case .contactNotOffered: .contactNotOffered
        case .unknownContactField: .unknownContactField
        case .consentMissing: .consentMissing
        case .emailMissing: .emailMissing
        case .emailInvalid: .emailInvalid
        case .nameTooLong: .nameTooLong
        }
    }

    /// One example of every reason (every shape of `unreadable`), so each text can be checked in both languages.
    public static let samples: [AnswerReason] = [
        .unknownQuestion, .takesNoAnswer, .required,
    ] + AnswerShape.allCases.map { .unreadable(expected: $0) } + [
        .textTooLong(length: 201, maximum: 200), .otherTextTooLong(length: 501, maximum: 500), .notAnOption("mayor"),
        .noOtherAnswer, .selectedTwice("sport"), .tooFewSelected(minimum: 2, selected: 1),
        .tooManySelected(maximum: 2, selected: 3), .outsideScale(minimum: 1, maximum: 5, allowsDontKnow: true),
        .outsideScale(minimum: 0, maximum: 10, allowsDontKnow: false), .notWholeNumber, .belowMinimum(0),
        .aboveMaximum(2.5), .notAnItem("sport"), .rankedTwice("sundhed"), .tooFewRanked(minimum: 3, ranked: 1),
        .notAllRanked(count: 4, ranked: 2), .pointsOutOfRange(item: "sundhed", total: 10),
        .tooManyPoints(given: 11, total: 10), .pointsNotAllUsed(given: 7, total: 10), .contactNotOffered,
        .unknownContactField("phone"), .consentMissing, .emailMissing, .emailInvalid, .nameTooLong(maximum: 200),
    ]
}
