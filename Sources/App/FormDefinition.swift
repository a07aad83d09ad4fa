import Forms
import Foundation

/// A form definition as staff send or store it (JSON in the form file format), checked against
/// the same rules as `forms check`.
///
/// A draft may have problems; it is still kept. Missing translations are the commonest kind of
/// work in progress, so they are told apart: a definition whose only problems are missing
/// translations can be created and imported, but not published.
struct FormDefinition: Sendable {
    /// The JSON text as given.
    let text: String
    /// The parsed document, when the text is JSON.
    let document: JSONValue?
    /// The decoded form, when the definition has no problems at all.
    let form: Form?
    /// Every problem, each with its JSON path.
    let problems: [FormProblem]
    /// Whether every problem is a missing translation (a Danish or English text left empty).
    let onlyTranslationsMissing: Bool

    /// The largest definition accepted: a form of a few hundred questions in two languages.
    static let maximumBytes = 512 * 1024

    /// Checks `text` as the definition of the form `expectedID` (nil: the id is taken as written).
    init(text: String, expectedID: String?) {
        self.text = text
        let label = "form \(expectedID ?? "(new)")"
        let parsed: JSONValue
        do {
            parsed = try JSONValue(jsonText: text)
        } catch {
            document = nil
            form = nil
            problems = [FormProblem(file: label, path: "$", reason: LocalizedText(
                da: "ugyldig JSON i \(error.description(in: .da))", en: "malformed JSON at \(error.description)"))]
            onlyTranslationsMissing = false
            return
        }
        document = parsed
        var found: [FormProblem] = []
        if let expectedID, case .object(let fields) = parsed, fields["id"] != .string(expectedID) {
            found.append(FormProblem(file: label, path: "$.id", reason: LocalizedText(
                da: "id'et skal blive ved med at være \"\(expectedID)\"", en: "the id must stay \"\(expectedID)\"")))
        }
        var decoded: Form?
        do {
            decoded = try FormDecoder.decode(jsonText: text, file: label)
        } catch {
            found += error.problems
        }
        form = found.isEmpty ? decoded : nil
        if found.isEmpty {
            problems = found
            onlyTranslationsMissing = false
            return
        }
        // Fill every half-empty text with its other language: if that fixes all, only translations were missing.
        let filled = Self.fillingMissingTranslations(parsed)
        guard filled != parsed else {
            problems = found
            onlyTranslationsMissing = false
            return
        }
        // A part with a missing translation is left out of the checks that build on it (a condition
        // on a question whose label lacks its English is never checked), so the filled document's
        // own problems are the rest of the list: without them a draft could look one translation
        // away from publishable and then show new problems once translated.
        do {
            _ = try FormDecoder.decode(jsonText: filled.jsonText, file: label)
            problems = found
            onlyTranslationsMissing = !found.contains { $0.path == "$.id" }
        } catch {
            problems = found + error.problems.filter { problem in
                !found.contains { $0.path == problem.path && $0.reason == problem.reason }
            }
            onlyTranslationsMissing = false
        }
    }

    /// The form with every missing translation filled from the other language, for a preview of
    /// work in progress; nil when other problems remain.
    var previewForm: Form? {
        if let form { return form }
        guard onlyTranslationsMissing, let document else { return nil }
        return try? FormDecoder.decode(jsonText: Self.fillingMissingTranslations(document).jsonText, file: "preview")
    }

    /// The problems as the API answers them, each at its JSON path.
    var placedProblems: [DefinitionProblem] {
        problems.map { DefinitionProblem(path: $0.path, reason: $0.reason) }
    }

    /// The form's `id` as written, if any.
    var declaredID: String? {
        if case .object(let fields)? = document, case .string(let id)? = fields["id"] { return id }
        return nil
    }

    /// The form's Danish title as written, if any (for lists of drafts that do not decode).
    var declaredTitle: String? {
        guard case .object(let fields)? = document, case .object(let title)? = fields["title"] else { return nil }
        if case .string(let danish)? = title["da"], !danish.isEmpty { return danish }
        if case .string(let english)? = title["en"], !english.isEmpty { return english }
        return nil
    }

    /// Every `{"da": …, "en": …}` text with one side empty or absent gets the other side's text.
    static func fillingMissingTranslations(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements):
            return .array(elements.map(fillingMissingTranslations))
        case .object(let members):
            let keys = Set(members.keys)
            if !keys.isEmpty, keys.isSubset(of: ["da", "en"]) {
                let danish = members["da"]?.stringValue ?? "", english = members["en"]?.stringValue ?? ""
                if danish.isEmpty != english.isEmpty {
                    let text = danish.isEmpty ? english : danish
                    return .object(["da": .string(text), "en": .string(text)])
                }
                return value
            }
            return .object(members.mapValues(fillingMissingTranslations))
        default:
            return value
        }
    }
}
