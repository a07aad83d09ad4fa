import Forms

/// The values a choice question's answers take, for breakdowns and the codebook.
enum ChoiceValues {
    /// The value an own ("other") answer counts as.
    static let otherValue = "other"
    /// Its label.
    static let otherLabel = ReportWording.other

    /// The options in order, then "other" when the question allows it.
    static func values(of question: Question) -> [(value: String, label: String)] {
        var values = question.options.map { ($0.value, $0.label.da) }
        switch question.kind {
        case .singleChoice(let settings) where settings.allowsOther: values.append((otherValue, otherLabel))
        case .multipleChoice(let settings) where settings.allowsOther: values.append((otherValue, otherLabel))
        default: break
        }
        return values
    }

    /// The values a choice answer picked: `"x"`, `{"other": …}`, `["x", "y"]` or `{"selected": […], "other": …}`.
    static func picked(in answer: JSONValue?) -> Set<String> {
        guard let answer else { return [] }
        if let value = answer.stringValue { return [value] }
        if let values = answer.arrayValue { return Set(values.compactMap(\.stringValue)) }
        guard let object = answer.objectValue else { return [] }
        var picked = Set((object["selected"]?.arrayValue ?? []).compactMap(\.stringValue))
        if let other = object[otherValue]?.stringValue, !other.isEmpty { picked.insert(otherValue) }
        return picked
    }
}
