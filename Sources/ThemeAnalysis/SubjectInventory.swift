import Foundation

/// Subjects citizens raise at municipal dialogue meetings whatever the policy asks about
/// (transport, housing, digital help, loneliness, ...): with the semantic view, an answer is
/// compared with these as well as with the policy's themes, so a subject the policy does not name
/// has somewhere to go (`SubjectMatcher`).
///
/// The list is data (`Resources/subjects.txt`, embedded at build time): one subject per line,
/// `key | Danish text | English text`. The caller embeds `texts` as queries, in this order, and
/// passes them as `SemanticVectors.subjectRows`.
public enum SubjectInventory {
    /// One subject: its key and how it is described in each language.
    public struct Subject: Sendable, Hashable {
        /// Stable key, e.g. `transport`.
        public let key: String
        /// Its name and what it covers, in Danish.
        public let danish: String
        /// Its name and what it covers, in English.
        public let english: String

        /// Its name in the language (the text before its colon): a theme label that names the subject.
        public func name(in language: AnalysisLanguage) -> String {
            let text = language == .english ? english : danish
            return String(text.prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The subjects in the file's order.
    public static let subjects: [Subject] = parse(String(decoding: PackageResources.subjects_txt, as: UTF8.self))

    /// The texts to embed, in the order `SemanticVectors.subjectRows` expects: every subject's
    /// Danish text, then every subject's English text.
    public static let texts: [String] = subjects.map(\.danish) + subjects.map(\.english)

    /// Subjects from the file's text; comment lines (`#`) and blank lines are skipped, and a line
    /// without exactly three fields is a mistake in the file.
    static func parse(_ text: String) -> [Subject] {
        text.split(whereSeparator: \.isNewline).compactMap { rawLine in
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            precondition(fields.count == 3 && fields.allSatisfy { !$0.isEmpty }, "subjects.txt: '\(line)' needs key | Danish | English")
            return Subject(key: fields[0], danish: fields[1], english: fields[2])
        }
    }
}
