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
        let problems = ProblemCollector(file: file)
        let document: JSONValue
        do {
            document = try JSONValue(jsonData: data)
        } catch {
            problems.report(.root, "malformed JSON at \(error.description)")
            throw FormDecodingError(problems: problems.problems)
        }
        let reader = FormReader(problems: problems, expectedID: expectedID(forFile: file))
        let parts = reader.readForm(document)
        guard problems.problems.isEmpty, let parts else {
            throw FormDecodingError(problems: problems.problems)
        }
        return Form(
            id: parts.id, title: parts.title, intro: parts.intro, themes: parts.themes, questions: parts.questions,
            contact: parts.contact, contentHash: contentHash(of: document),
            definitionText: String(decoding: data, as: UTF8.self)
        )
    }

    /// Decodes a form from its JSON text; see `decode(_:file:)`.
    public static func decode(jsonText: String, file: String) throws(FormDecodingError) -> Form {
        try decode(Data(jsonText.utf8), file: file)
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
