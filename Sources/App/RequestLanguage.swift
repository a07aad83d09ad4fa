import Forms
import Foundation
import HTTPServer

/// The language a request wants its texts in: `?lang=`, then `Accept-Language`, else Danish.
enum RequestLanguage {
    /// The request's language.
    static func of(_ request: Request) -> Language {
        if let code = request.query["lang"], let language = Language(code: code) {
            return language
        }
        return accepted(request.headers["Accept-Language"] ?? "") ?? .defaultLanguage
    }

    /// The first form language in an `Accept-Language` value, by quality then order.
    static func accepted(_ header: String) -> Language? {
        let ranges = header.split(separator: ",").enumerated().compactMap { index, part -> (language: Language, quality: Double, index: Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, let language = Language(code: tag) else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0 ? (language, quality, index) : nil
        }
        return ranges.max { ($0.quality, -$0.index) < ($1.quality, -$1.index) }?.language
    }
}
