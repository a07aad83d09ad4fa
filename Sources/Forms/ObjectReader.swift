import Foundation

/// Reads the members of one JSON object of a form file, reporting every mismatch with its path.
struct ObjectReader {
    /// The object's members.
    let members: [String: JSONValue]
    /// Where the object is.
    let path: JSONPath
    /// Where problems go.
    let problems: ProblemCollector

    /// Reads `value` as an object; reports and returns nil when it is something else.
    init?(_ value: JSONValue, at path: JSONPath, problems: ProblemCollector) {
        guard case .object(let members) = value else {
            problems.report(path, da: "her skulle stå et objekt, men der står \(value.typeText.da)",
                            en: "expected an object, found \(value.typeName)")
            return nil
        }
        self.members = members
        self.path = path
        self.problems = problems
    }

    /// Reports each member whose key is not allowed here, suggesting the nearest allowed key.
    ///
    /// - Parameter place: where the key is, "i et tema" / "in a theme", completing "unknown field 'x' ...".
    func rejectUnknownKeys(allowed: [String], in place: LocalizedText) {
        for key in members.keys.sorted() where !allowed.contains(key) {
            var danish = "ukendt felt '\(key)' \(place.da)"
            var english = "unknown field '\(key)' \(place.en)"
            if let suggestion = Self.nearest(to: key, among: allowed) {
                danish += " (mente du '\(suggestion)'?)"
                english += " (did you mean '\(suggestion)'?)"
            }
            problems.report(path.appending(key: key), da: danish, en: english)
        }
    }

    /// Whether the member is present.
    func has(_ key: String) -> Bool { members[key] != nil }

    /// Reports a missing required member.
    func reportMissing(_ key: String) {
        problems.report(path.appending(key: key), da: "det påkrævede felt '\(key)' mangler",
                        en: "required field '\(key)' is missing")
    }

    /// A string member; reports a missing required one, a wrong type, or an empty text.
    func string(_ key: String, required: Bool) -> String? {
        guard let value = members[key] else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .string(let text) = value else {
            reportExpectedString(at: path.appending(key: key), found: value)
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            problems.report(path.appending(key: key), da: "må ikke være tom", en: "must not be empty")
            return nil
        }
        return text
    }

    /// An identifier member: a lowercase slug (a–z, 0–9, single hyphens between parts).
    func slug(_ key: String, required: Bool) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard Self.isSlug(text) else {
            problems.report(path.appending(key: key),
                            da: "'\(text)' er ikke et gyldigt id (brug små bogstaver a-z, cifre og enkelte bindestreger, fx 'age-group')",
                            en: "'\(text)' is not a lowercase slug (use a-z, 0-9 and single hyphens, e.g. 'age-group')")
            return nil
        }
        return text
    }

    /// A boolean member, or `defaultValue` when absent or wrong (wrong is reported).
    func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let value = members[key] else { return defaultValue }
        guard case .bool(let flag) = value else {
            problems.report(path.appending(key: key), da: "her skulle stå true eller false, men der står \(value.typeText.da)",
                            en: "expected true or false, found \(value.typeName)")
            return defaultValue
        }
        return flag
    }

    /// A whole-number member within bounds; nil when absent or wrong (wrong is reported).
    func integer(_ key: String, required: Bool = false, in bounds: ClosedRange<Int>) -> Int? {
        guard let value = members[key] else {
            if required { reportMissing(key) }
            return nil
        }
        guard let number = value.integerValue else {
            problems.report(path.appending(key: key), da: "her skulle stå et helt tal, men der står \(value.typeText.da)",
                            en: "expected a whole number, found \(value.typeName)")
            return nil
        }
        guard bounds.contains(number) else {
            problems.report(path.appending(key: key),
                            da: "\(number) er uden for det tilladte område (\(bounds.lowerBound) til \(bounds.upperBound))",
                            en: "\(number) is out of range (\(bounds.lowerBound) to \(bounds.upperBound))")
            return nil
        }
        return number
    }

    /// A number member; nil when absent or wrong (wrong is reported).
    func number(_ key: String) -> Double? {
        guard let value = members[key] else { return nil }
        guard case .number(let number) = value else {
            problems.report(path.appending(key: key), da: "her skulle stå et tal, men der står \(value.typeText.da)",
                            en: "expected a number, found \(value.typeName)")
            return nil
        }
        return number
    }

    /// An array member; nil when absent or wrong (wrong or missing-but-required is reported).
    func array(_ key: String, required: Bool) -> [JSONValue]? {
        guard let value = members[key] else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .array(let elements) = value else {
            problems.report(path.appending(key: key), da: "her skulle stå en liste, men der står \(value.typeText.da)",
                            en: "expected an array, found \(value.typeName)")
            return nil
        }
        return elements
    }

    /// A translated text member `{"da": ..., "en": ...}`; every language is required.
    func text(_ key: String, required: Bool) -> LocalizedText? {
        guard let value = members[key] else {
            if required { reportMissing(key) }
            return nil
        }
        return Self.localizedText(value, at: path.appending(key: key), problems: problems)
    }

    /// Reads a translation object, reporting each missing or empty language.
    static func localizedText(_ value: JSONValue, at path: JSONPath, problems: ProblemCollector) -> LocalizedText? {
        if case .string = value {
            problems.report(path, da: "her skulle stå en oversættelse {\"da\": \"...\", \"en\": \"...\"}, men der står en tekst uden sprog",
                            en: "expected a translation object {\"da\": \"...\", \"en\": \"...\"}, found a plain string")
            return nil
        }
        guard let reader = ObjectReader(value, at: path, problems: problems) else { return nil }
        reader.rejectUnknownKeys(allowed: Language.allCases.map(\.rawValue),
                                 in: LocalizedText(da: "i en oversættelse (sprogene er da og en)",
                                                   en: "in a translation (the languages are da and en)"))
        var texts: [Language: String] = [:]
        for language in Language.allCases {
            let languagePath = path.appending(key: language.rawValue)
            switch reader.members[language.rawValue] {
            case nil:
                problems.report(languagePath, da: "teksten på \(language.danishName) mangler",
                                en: "missing \(language.englishName) translation")
            case .string(let text) where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
                problems.report(languagePath, da: "teksten på \(language.danishName) er tom",
                                en: "empty \(language.englishName) translation")
            case .string(let text):
                texts[language] = text
            case let other?:
                reader.reportExpectedString(at: languagePath, found: other)
            }
        }
        guard let danish = texts[.da], let english = texts[.en] else { return nil }
        return LocalizedText(da: danish, en: english)
    }

    /// Reports a value that should have been a string.
    func reportExpectedString(at path: JSONPath, found value: JSONValue) {
        problems.report(path, da: "her skulle stå en tekst, men der står \(value.typeText.da)",
                        en: "expected a string, found \(value.typeName)")
    }

    /// Whether a text is a lowercase slug such as "age-group".
    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
                !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }

    /// The allowed key closest to a misspelt one, if it is close enough to be a typo.
    static func nearest(to key: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(3, key.count / 3)) else { return nil }
        return best.0
    }

    private static func editDistance(_ first: String, _ second: String) -> Int {
        let first = Array(first), second = Array(second)
        var previous = Array(0...second.count)
        for (row, firstCharacter) in first.enumerated() {
            var current = [row + 1]
            for (column, secondCharacter) in second.enumerated() {
                let substitution = previous[column] + (firstCharacter == secondCharacter ? 0 : 1)
                current.append(min(substitution, previous[column + 1] + 1, current[column] + 1))
            }
            previous = current
        }
        return previous[second.count]
    }
}
