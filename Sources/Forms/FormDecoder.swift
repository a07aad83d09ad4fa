import Foundation
import Hashing

/// Turns the JSON text of a form file into a validated `Form`, or reports every problem in it.
public enum FormDecoder {
    /// Decodes and validates one form file.
    ///
    /// - Parameters:
    ///   - data: the file's bytes (UTF-8 JSON).
    ///   - file: the file's name or path, used in problems and for the rule that the form's `id`
    ///     equals the file name without `.json` (only checked when `file` ends in `.json`).
    /// - Throws: every problem found, each with file, JSON path and reason.
    public static func decode(_ data: Data, file: String) throws(FormDecodingError) -> Form {
        let document: JSONValue
        do {
            document = try JSONValue(jsonData: data)
        } catch {
            throw FormDecodingError(problems: [malformedJSONProblem(error, file: file)])
        }
        return try decode(document: document, file: file, definitionText: String(decoding: data, as: UTF8.self))
    }

    /// Decodes a form from its JSON text; see `decode(_:file:)`.
    public static func decode(jsonText: String, file: String) throws(FormDecodingError) -> Form {
        try decode(Data(jsonText.utf8), file: file)
    }

    /// Decodes a parsed form document; its definition text is the document as `FormFileWriter` writes it.
    ///
    /// - Parameter file: as for `decode(_:file:)`; an empty name (a draft) never triggers the file name rule.
    public static func decode(document: JSONValue, file: String) throws(FormDecodingError) -> Form {
        try decode(document: document, file: file, definitionText: FormFileWriter.text(of: document))
    }

    /// Every problem of a draft's JSON text, which may not be a form at all; empty when it is a valid form.
    ///
    /// Problems carry no file name, and the rule that the id equals the file name does not apply.
    public static func problems(inDraft jsonText: String) -> [FormProblem] {
        do {
            return problems(inDraft: try JSONValue(jsonText: jsonText))
        } catch {
            return [malformedJSONProblem(error, file: "")]
        }
    }

    /// Every problem of a parsed draft document; see `problems(inDraft:)`.
    public static func problems(inDraft document: JSONValue) -> [FormProblem] {
        let problems = ProblemCollector(file: "")
        _ = FormReader(problems: problems, expectedID: nil).readForm(document)
        return problems.problems
    }

    private static func decode(document: JSONValue, file: String, definitionText: String) throws(FormDecodingError) -> Form {
        let problems = ProblemCollector(file: file)
        let reader = FormReader(problems: problems, expectedID: expectedID(forFile: file))
        let parts = reader.readForm(document)
        guard problems.problems.isEmpty, let parts else {
            throw FormDecodingError(problems: problems.problems)
        }
        return Form(
            id: parts.id, title: parts.title, intro: parts.intro, themes: parts.themes, questions: parts.questions,
            contact: parts.contact, contentHash: contentHash(of: document), definitionText: definitionText,
            document: document
        )
    }

    /// The problem of a file that is not JSON, at the document's root, with line and column.
    private static func malformedJSONProblem(_ error: JSONParseError, file: String) -> FormProblem {
        FormProblem(file: file, path: JSONPath.root.description, reason: LocalizedText(
            da: "ugyldig JSON i \(error.description(in: .da))", en: "malformed JSON at \(error.description(in: .en))"
        ))
    }

    /// The hash of a definition: SHA-256 of its canonical JSON (compact, keys sorted).
    static func contentHash(of document: JSONValue) -> String {
        SHA256.hexDigest(of: document.jsonText.utf8)
    }

    /// The id a file must declare: its name without directory and `.json`; nil for other names.
    static func expectedID(forFile file: String) -> String? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard name.hasSuffix(".json") else { return nil }
        return String(name.dropLast(".json".count))
    }
}
