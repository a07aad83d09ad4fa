import Foundation
import Logging
import ThemeAnalysis

/// Debian's Danish word list (wdanish), which the analysis uses to split compounds and tell Danish from English.
enum DanishWordList {
    /// Where `wdanish` installs it.
    static let path = "/usr/share/dict/danish"

    /// The list, or an empty lexicon (the analysis then splits compounds by the answers' own words).
    static func load(logger: Logger) -> Lexicon {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            logger.warning("No Danish word list at \(path) (Debian package wdanish): compound splitting uses the answers' own words")
            return .empty
        }
        return Lexicon(lines: text)
    }
}
