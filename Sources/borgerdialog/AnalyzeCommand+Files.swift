import Foundation
import ThemeAnalysis

/// A problem with one of the `analyze` command's files, with the file, line and reason.
struct AnalyzeFileError: Error, CustomStringConvertible {
    /// The file's path.
    let path: String
    /// The 1-based line, when the problem is on one line.
    let line: Int?
    /// What is wrong.
    let reason: String

    var description: String {
        if let line { return "\(path):\(line): \(reason)" }
        return "\(path): \(reason)"
    }
}

/// Reads the `analyze` command's inputs and writes its output.
enum AnswerFileReader {
    /// The file's bytes.
    static func readData(atPath path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalyzeFileError(path: path, line: nil, reason: "cannot read the file")
        }
        return data
    }

    /// The file's text as UTF-8.
    static func readText(atPath path: String) throws -> String {
        guard let text = String(data: try readData(atPath: path), encoding: .utf8) else {
            throw AnalyzeFileError(path: path, line: nil, reason: "the file is not UTF-8")
        }
        return text
    }

    /// Answers from JSON Lines; `id` may be a string or a number, `text` must be a string;
    /// `purpose` (`works`, `change` or `idea`) and `questionTheme` (a guided theme's key) are
    /// optional; blank lines are skipped and other fields ignored.
    static func readAnswers(atPath path: String) throws -> [AnswerText] {
        var answers: [AnswerText] = []
        // Splitting the bytes at newlines is much faster than splitting a String by Characters.
        let lines = try readData(atPath: path).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.contains(where: { $0 > 0x20 }) {
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line))
            } catch {
                throw AnalyzeFileError(path: path, line: index + 1, reason: "not a JSON object")
            }
            guard let record = object as? [String: Any] else {
                throw AnalyzeFileError(path: path, line: index + 1, reason: "not a JSON object")
            }
            guard let id = identifier(record["id"]) else {
                throw AnalyzeFileError(path: path, line: index + 1, reason: "missing \"id\" (string or number)")
            }
            guard let text = record["text"] as? String else {
                throw AnalyzeFileError(path: path, line: index + 1, reason: "missing \"text\" (string)")
            }
            var purpose: AnswerPurpose?
            if let value = record["purpose"], !(value is NSNull) {
                guard let name = value as? String, let known = AnswerPurpose(rawValue: name) else {
                    throw AnalyzeFileError(path: path, line: index + 1, reason: "\"purpose\" must be one of "
                        + AnswerPurpose.allCases.map(\.rawValue).joined(separator: ", "))
                }
                purpose = known
            }
            var questionTheme: String?
            if let value = record["questionTheme"], !(value is NSNull) {
                guard let key = value as? String else {
                    throw AnalyzeFileError(path: path, line: index + 1, reason: "\"questionTheme\" must be a theme key (string)")
                }
                questionTheme = key
            }
            answers.append(AnswerText(id: id, text: text, purpose: purpose, questionTheme: questionTheme))
        }
        return answers
    }

    /// Guided themes from an object of key → name or key → {name, description, keywords},
    /// in key order (JSON objects have no order; sorting keeps the output deterministic).
    static func readThemes(atPath path: String) throws -> [GuidedTheme] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(try readText(atPath: path).utf8))
        } catch let error as AnalyzeFileError {
            throw error
        } catch {
            throw AnalyzeFileError(path: path, line: nil, reason: "not valid JSON")
        }
        guard let themes = object as? [String: Any], !themes.isEmpty else {
            throw AnalyzeFileError(path: path, line: nil, reason: "expected a non-empty object of theme key → name or {name, description, keywords}")
        }
        return try themes.keys.sorted().map { key in
            if let name = themes[key] as? String { return GuidedTheme(key: key, name: name) }
            guard let theme = themes[key] as? [String: Any], let name = theme["name"] as? String else {
                throw AnalyzeFileError(path: path, line: nil, reason: "theme \"\(key)\" needs a name (a string, or an object with \"name\")")
            }
            let keywords = theme["keywords"] as? [Any] ?? []
            return GuidedTheme(
                key: key,
                name: name,
                description: theme["description"] as? String ?? "",
                keywords: keywords.compactMap { $0 as? String }
            )
        }
    }

    /// Writes the result as pretty-printed JSON with sorted keys (stable bytes), atomically.
    static func write(_ result: ThemeAnalysisResult, toPath path: String) throws {
        do {
            try Data(result.prettyJSON().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw AnalyzeFileError(path: path, line: nil, reason: "cannot write the result: \(error.localizedDescription)")
        }
    }

    private static func identifier(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber, !(value is Bool) { return number.stringValue }
        return nil
    }
}
