import CStemmer

/// A Snowball stemmer (libstemmer) for one language; owns the C handle and frees it on deinit.
///
/// An `sb_stemmer` keeps per-call state, so one instance must not be used from two threads at
/// once; the type is deliberately not `Sendable`. Make one per analysis run.
public final class SnowballStemmer {
    private let handle: OpaquePointer

    /// Creates the stemmer for `language`; returns nil if libstemmer lacks the algorithm.
    public init?(language: AnalysisLanguage) {
        guard let handle = sb_stemmer_new(language.snowballAlgorithm, "UTF_8") else { return nil }
        self.handle = handle
    }

    deinit {
        sb_stemmer_delete(handle)
    }

    /// The stem of one lower-cased word.
    public func stem(_ word: String) -> String {
        var utf8 = Array(word.utf8)
        let count = Int32(utf8.count)
        let stemmed: String? = utf8.withUnsafeMutableBufferPointer { buffer in
            guard let result = sb_stemmer_stem(handle, buffer.baseAddress, count) else { return nil }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
        return stemmed ?? word
    }
}
