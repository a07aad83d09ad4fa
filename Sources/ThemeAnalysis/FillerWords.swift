import Foundation

/// Filler and meeting words ("gerne", "sted", "kommunen", "people"): words that fit an answer about
/// any subject, so they never label a theme and never count as evidence for one.
///
/// The list is data (`Resources/filler-words.txt`, embedded in the module at build time, so reading
/// it is no I/O): one lower-case word form per line, `# da` and `# en` starting each language's part.
enum FillerWords {
    /// Danish filler words.
    static let danish: Set<String> = lists[.danish] ?? []
    /// English filler words.
    static let english: Set<String> = lists[.english] ?? []

    /// The embedded file, parsed once.
    private static let lists: [AnalysisLanguage: Set<String>] = parse(String(decoding: PackageResources.filler_words_txt, as: UTF8.self))

    /// Words per language from the file's text; lines before the first language marker and other
    /// comment lines are skipped.
    static func parse(_ text: String) -> [AnalysisLanguage: Set<String>] {
        var result: [AnalysisLanguage: Set<String>] = [:]
        var current: AnalysisLanguage?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                let marker = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if let language = AnalysisLanguage(rawValue: marker) { current = language }
                continue
            }
            guard let current, !line.isEmpty else { continue }
            result[current, default: []].insert(TextNormalizer.fold(line))
        }
        return result
    }
}
