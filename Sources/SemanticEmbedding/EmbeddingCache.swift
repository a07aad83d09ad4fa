import Foundation
import Hashing

/// Vectors computed once per text, keyed by the SHA-256 of the view's name, the kind of text
/// (answer or theme) and the text itself, so a re-run embeds only new answers.
///
/// Kept in memory; `load`/`save` keep it in a file between runs of the command line (storing it
/// with the responses in SQLite is the server's job).
public struct EmbeddingCache: Sendable {
    /// Length of every vector.
    public let dimensions: Int
    private var vectors: [String: [Float]] = [:]

    /// An empty cache for vectors of this length.
    public init(dimensions: Int) {
        self.dimensions = dimensions
    }

    /// Number of cached vectors.
    public var count: Int { vectors.count }

    /// The key of a text: SHA-256 hex of view name, kind and text.
    public static func key(view: String, isQuery: Bool, text: String) -> String {
        SHA256.hexDigest(of: Array("\(view)\u{0}\(isQuery ? "query" : "passage")\u{0}\(text)".utf8))
    }

    /// The cached vector for a key.
    public subscript(key: String) -> [Float]? {
        get { vectors[key] }
        set { vectors[key] = newValue }
    }

    /// File layout: "BDVC", dimensions (UInt32 LE), count (UInt32 LE), then per entry the key's
    /// 64 hex characters and `dimensions` Float32 LE values, in key order (the same cache gives
    /// the same bytes).
    public func save(to path: String) throws {
        var data = Data("BDVC".utf8)
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        append(UInt32(dimensions))
        append(UInt32(vectors.count))
        for key in vectors.keys.sorted() {
            data.append(contentsOf: Array(key.utf8))
            for value in vectors[key]! { append(value.bitPattern) }
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Reads a cache file written by `save`; a file for another vector length is refused.
    public static func load(from path: String, dimensions: Int) throws -> EmbeddingCache {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let bytes = [UInt8](data)
        func uint32(at offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("BDVC".utf8), Int(uint32(at: 4)) == dimensions else {
            throw EmbeddingCacheError.unreadable(path: path)
        }
        let count = Int(uint32(at: 8))
        let entry = 64 + 4 * dimensions
        guard bytes.count == 12 + count * entry else { throw EmbeddingCacheError.unreadable(path: path) }
        var cache = EmbeddingCache(dimensions: dimensions)
        for index in 0..<count {
            let start = 12 + index * entry
            let key = String(decoding: bytes[start..<(start + 64)], as: UTF8.self)
            cache.vectors[key] = (0..<dimensions).map { Float(bitPattern: uint32(at: start + 64 + 4 * $0)) }
        }
        return cache
    }
}

/// A cache file that cannot be used.
public enum EmbeddingCacheError: Error, CustomStringConvertible {
    /// Not a cache file of this vector length.
    case unreadable(path: String)

    /// The problem in words (Danish first, then English).
    public var description: String {
        switch self {
        case .unreadable(let path):
            "\(path) er ikke en vektorfil til denne model / \(path) is not a vector file for this model"
        }
    }
}
